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
  /** The tokens of each tenant, so an evicted tenant's tokens go with it. */
  private byTenant = new Map<string, Set<string>>();
  private serial = 0;
  /** Told of every token issued (the durable store records it: a token's nonce cannot be drawn again). */
  onIssue: ((issued: IssuedToken, serial: number) => void) | undefined = undefined;

  constructor(private readonly secret: string) {}

  /**
   * Signs an HS512 JWT (`sub`, `exp` in seconds, `jti`) that names `tenantId`. The secret derives from
   * the seed, so without `nonce` a token can be predicted; the adapters pass a `nonce` of random text
   * (128 bits or more, from node:crypto), which makes the token unguessable.
   */
  issue(tenantId: string, subject: string, expiresAt: number, nonce?: string): IssuedToken {
    const header = base64url(JSON.stringify({ alg: "HS512", typ: "JWT" }));
    const claims = { sub: subject, tenant: tenantId, exp: Math.floor(expiresAt / 1000), jti: ++this.serial, ...(nonce === undefined ? {} : { nonce }) };
    const body = `${header}.${base64url(JSON.stringify(claims))}`;
    const signature = createHmac("sha512", this.secret).update(body).digest("base64url");
    const issued: IssuedToken = { token: `${body}.${signature}`, tenantId, subject, expiresAt };
    this.remember(issued);
    this.onIssue?.(issued, this.serial);
    return issued;
  }

  private remember(issued: IssuedToken): void {
    this.issued.set(issued.token, issued);
    const own = this.byTenant.get(issued.tenantId);
    if (own === undefined) this.byTenant.set(issued.tenantId, new Set([issued.token]));
    else own.add(issued.token);
  }

  /** Forgets every token issued for `tenantId` (the tenant was evicted): they stop working and leave the state file. */
  forgetTenant(tenantId: string): void {
    for (const token of this.byTenant.get(tenantId) ?? []) this.issued.delete(token);
    this.byTenant.delete(tenantId);
  }

  /** Takes back one token (its record could not be made durable): it stops working at once. */
  withdraw(token: string): void {
    const issued = this.issued.get(token);
    if (issued === undefined) return;
    this.issued.delete(token);
    const own = this.byTenant.get(issued.tenantId);
    own?.delete(token);
    if (own?.size === 0) this.byTenant.delete(issued.tenantId);
  }

  /** How many issued tokens are known (expired ones included). */
  get size(): number {
    return this.issued.size;
  }

  lookup(token: string): IssuedToken | undefined {
    return this.issued.get(token);
  }

  /** How many issued tokens name each tenant (expired ones included: they are kept until a restart). */
  countByTenant(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { tenantId } of this.issued.values()) counts.set(tenantId, (counts.get(tenantId) ?? 0) + 1);
    return counts;
  }

  /** Every issued token, for the state file. */
  all(): IssuedToken[] {
    return [...this.issued.values()];
  }

  /** Takes back tokens saved in a state file; new ones continue the serial after them. */
  restore(tokens: readonly IssuedToken[], serial: number): void {
    for (const token of tokens) this.remember({ ...token });
    this.serial = Math.max(this.serial, serial);
  }

  get lastSerial(): number {
    return this.serial;
  }
}
