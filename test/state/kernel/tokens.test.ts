import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TokenRegistry } from "../../../src/state/kernel/tokens.js";

function decode(part: string | undefined): unknown {
  return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));
}

describe("TokenRegistry", () => {
  const expiresAt = Date.UTC(2026, 0, 15, 10, 0, 0);

  it("issues an HS512 JWT whose claims name the subject, tenant and expiry", () => {
    const tokens = new TokenRegistry("secret");
    const issued = tokens.issue("tenant-1", "sandbox", expiresAt);
    const parts = issued.token.split(".");
    expect(parts).toHaveLength(3);
    expect(decode(parts[0])).toEqual({ alg: "HS512", typ: "JWT" });
    expect(decode(parts[1])).toEqual({ sub: "sandbox", tenant: "tenant-1", exp: expiresAt / 1000, jti: 1 });
    const signature = createHmac("sha512", "secret").update(`${parts[0]}.${parts[1]}`).digest("base64url");
    expect(parts[2]).toBe(signature);
    expect(issued).toEqual({ token: issued.token, tenantId: "tenant-1", subject: "sandbox", expiresAt });
  });

  it("every token is distinct, even for the same tenant and expiry", () => {
    const tokens = new TokenRegistry("secret");
    const a = tokens.issue("t", "s", expiresAt);
    const b = tokens.issue("t", "s", expiresAt);
    expect(a.token).not.toBe(b.token);
    expect(decode(b.token.split(".")[1])).toMatchObject({ jti: 2 });
  });

  it("a nonce goes into the claims, so the token cannot be computed from the secret, tenant and time alone", () => {
    const tokens = new TokenRegistry("secret");
    const withNonce = tokens.issue("t", "s", expiresAt, "n0nce");
    expect(decode(withNonce.token.split(".")[1])).toEqual({ sub: "s", tenant: "t", exp: expiresAt / 1000, jti: 1, nonce: "n0nce" });
    expect(new TokenRegistry("secret").issue("t", "s", expiresAt, "other").token).not.toBe(withNonce.token);
  });

  it("counts issued tokens by tenant", () => {
    const tokens = new TokenRegistry("secret");
    tokens.issue("a", "s", expiresAt);
    tokens.issue("b", "s", expiresAt);
    tokens.issue("a", "s", expiresAt);
    expect([...tokens.countByTenant()]).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
  });

  it("lookup finds issued tokens only", () => {
    const tokens = new TokenRegistry("secret");
    const issued = tokens.issue("t", "s", expiresAt);
    expect(tokens.lookup(issued.token)).toEqual(issued);
    expect(tokens.lookup(`${issued.token}x`)).toBeUndefined();
    expect(new TokenRegistry("secret").lookup(issued.token)).toBeUndefined();
  });

  it("the signature depends on the secret", () => {
    const a = new TokenRegistry("one").issue("t", "s", expiresAt).token.split(".")[2];
    const b = new TokenRegistry("two").issue("t", "s", expiresAt).token.split(".")[2];
    expect(a).not.toBe(b);
  });
});
