import { createHmac } from "node:crypto";

/** A token the sandbox issued (YooMoney users/login, `POST /__sandbox/tokens`): a signed JWT bound to a tenant. */
export interface IssuedToken {
  token: string;
  tenantId: string;
  subject: string;
  /** Expiry on the tenant's virtual clock, epoch ms. */
  expiresAt: number;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

export class TokenRegistry {
  private issued = new Map<string, IssuedToken>();
  private serial = 0;

  constructor(private readonly secret: string) {}

  /** Signs an HS512 JWT (`sub`, `exp` in seconds, `jti`) that names `tenantId`. */
  issue(tenantId: string, subject: string, expiresAt: number): IssuedToken {
    const header = base64url(JSON.stringify({ alg: "HS512", typ: "JWT" }));
    const claims = { sub: subject, tenant: tenantId, exp: Math.floor(expiresAt / 1000), jti: ++this.serial };
    const body = `${header}.${base64url(JSON.stringify(claims))}`;
    const signature = createHmac("sha512", this.secret).update(body).digest("base64url");
    const issued: IssuedToken = { token: `${body}.${signature}`, tenantId, subject, expiresAt };
    this.issued.set(issued.token, issued);
    return issued;
  }

  lookup(token: string): IssuedToken | undefined {
    return this.issued.get(token);
  }

  /** Every issued token, for the state file. */
  all(): IssuedToken[] {
    return [...this.issued.values()];
  }

  /** Takes back tokens saved in a state file; new ones continue the serial after them. */
  restore(tokens: readonly IssuedToken[], serial: number): void {
    for (const token of tokens) this.issued.set(token.token, { ...token });
    this.serial = Math.max(this.serial, serial);
  }

  get lastSerial(): number {
    return this.serial;
  }
}
