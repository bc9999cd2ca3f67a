import { describe, expect, it } from "vitest";
import { loginWithPassword } from "../../../src/state/yoomoney/login.js";
import { makeRegistry } from "../kernel/registry-fixture.js";

let counter = 0;
const random = () => `random-${++counter}`;

describe("loginWithPassword", () => {
  it("strict mode: the first login sets the password, later logins need the same one", () => {
    const registry = makeRegistry({ auth: "strict" });
    const first = loginWithPassword(registry, { login: "alice", password: "s3cret" }, random);
    expect(first).toEqual({ ok: true, value: { accessToken: expect.any(String), tokenType: "Bearer", expiresIn: 3600 } });
    expect(loginWithPassword(registry, { login: "alice", password: "wrong" }, random)).toEqual({ ok: false, error: "wrongPassword" });
    const again = loginWithPassword(registry, { login: "alice", password: "s3cret" }, random);
    if (!again.ok || !first.ok) throw new Error("expected both logins to succeed");
    const a = registry.authenticate(`Bearer ${first.value.accessToken}`);
    const b = registry.authenticate(`Bearer ${again.value.accessToken}`);
    expect(a.ok && a.tenant.id).toBe("yoomoney:alice");
    expect(b.ok && b.tenant).toBe(a.ok && a.tenant);
  });

  it("strict mode: a refused login issues no token", () => {
    const registry = makeRegistry({ auth: "strict" });
    loginWithPassword(registry, { login: "alice", password: "s3cret" }, random);
    const issued = registry.tokens.all().length;
    expect(loginWithPassword(registry, { login: "alice", password: "wrong" }, random).ok).toBe(false);
    expect(registry.tokens.all()).toHaveLength(issued);
  });

  it("open mode checks no password and stores none, as before", () => {
    const registry = makeRegistry({ auth: "open" });
    expect(loginWithPassword(registry, { login: "alice", password: "one" }, random).ok).toBe(true);
    expect(loginWithPassword(registry, { login: "alice", password: "two" }, random).ok).toBe(true);
    expect(registry.credentials.all()).toEqual([]);
  });

  it("the token carries the random nonce", () => {
    const registry = makeRegistry({ auth: "open" });
    const result = loginWithPassword(registry, { login: "alice", password: "one" }, () => "nonce-123");
    if (!result.ok) throw new Error("expected the login to succeed");
    const claims = JSON.parse(Buffer.from(result.value.accessToken.split(".")[1] ?? "", "base64url").toString("utf8"));
    expect(claims).toMatchObject({ sub: "alice", tenant: "yoomoney:alice", nonce: "nonce-123" });
  });
});
