import type { RealTime } from "./clock.js";
import type { ProviderModule, TimerHandler } from "./provider.js";
import type { Settings } from "./settings.js";
import { Tenant, type TenantLimits } from "./tenant.js";
import { TokenRegistry } from "./tokens.js";

export type AuthMode = "open" | "strict";

export interface KernelOptions {
  seed: string;
  auth: AuthMode;
  defaults: Settings;
  realNow: RealTime;
  providers: readonly ProviderModule[];
  limits: TenantLimits;
}

export type AuthFailure = "missing" | "unknown" | "expired";
export type AuthResult = { ok: true; tenant: Tenant } | { ok: false; reason: AuthFailure };

/**
 * `Authorization` value -> token: an optional `Bearer ` or `Bearer: ` prefix is stripped. A bare
 * `Bearer` is an empty token too (HTTP strips the trailing space of `Bearer `).
 */
export function tokenFromHeader(header: string | undefined): string {
  if (header === undefined) return "";
  return header.replace(/^\s*bearer(?::\s*|\s+|\s*$)/i, "").trim();
}

/** All tenants of one sandbox process, created on first use. */
export class TenantRegistry {
  readonly tokens: TokenRegistry;
  private tenants = new Map<string, Tenant>();
  private timerHandlers = new Map<string, TimerHandler>();

  constructor(readonly options: KernelOptions) {
    this.tokens = new TokenRegistry(`promo-sandbox:${options.seed}`);
    for (const provider of options.providers) {
      for (const [kind, handler] of Object.entries(provider.timers)) this.timerHandlers.set(kind, handler);
    }
  }

  get(id: string): Tenant {
    let tenant = this.tenants.get(id);
    if (tenant === undefined) {
      tenant = this.create(id);
      this.tenants.set(id, tenant);
    }
    return tenant;
  }

  peek(id: string): Tenant | undefined {
    return this.tenants.get(id);
  }

  all(): IterableIterator<Tenant> {
    return this.tenants.values();
  }

  /** Wipes a tenant: a fresh clock, settings, randomness and empty provider state. */
  reset(id: string): Tenant {
    const tenant = this.create(id);
    this.tenants.set(id, tenant);
    return tenant;
  }

  /** Builds a fresh tenant for `id` without registering it (a state import fills it, then installs it). */
  fresh(id: string): Tenant {
    return this.create(id);
  }

  /** Makes `tenant` the one its id names, replacing (and so dropping) the previous one. */
  install(tenant: Tenant): void {
    this.tenants.set(tenant.id, tenant);
  }

  /** Every timer kind some provider handles. */
  timerKinds(): string[] {
    return [...this.timerHandlers.keys()];
  }

  /**
   * Finds the tenant an `Authorization` header names. An issued token maps to its tenant and expires on
   * that tenant's clock; in open mode any other token is a tenant of its own, in strict mode it is refused.
   */
  authenticate(header: string | undefined): AuthResult {
    const token = tokenFromHeader(header);
    if (token === "") return { ok: false, reason: "missing" };
    const issued = this.tokens.lookup(token);
    if (issued !== undefined) {
      const tenant = this.get(issued.tenantId);
      if (tenant.clock.now() >= issued.expiresAt) return { ok: false, reason: "expired" };
      return { ok: true, tenant };
    }
    if (this.options.auth === "strict") return { ok: false, reason: "unknown" };
    return { ok: true, tenant: this.get(token) };
  }

  private create(id: string): Tenant {
    const { realNow, seed, defaults, limits } = this.options;
    return new Tenant(id, realNow, seed, defaults, this.timerHandlers, limits);
  }
}
