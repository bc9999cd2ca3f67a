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
