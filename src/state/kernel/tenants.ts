import type { RealTime } from "./clock.js";
import type { ProviderModule, TimerHandler } from "./provider.js";
import type { Settings } from "./settings.js";
import { Credentials } from "./credentials.js";
import { newTenantShared, Tenant, type TenantLimits } from "./tenant.js";
import { TenantActivityLog, type TenantActivity } from "./tenant-activity.js";
import { TokenRegistry } from "./tokens.js";

export type AuthMode = "open" | "strict";

export interface KernelOptions {
  seed: string;
  auth: AuthMode;
  defaults: Settings;
  realNow: RealTime;
  providers: readonly ProviderModule[];
  limits: TenantLimits;
  /** The control plane's admin token (`--admin-token`): it alone names tenants and lists them; none by default. */
  adminToken?: string;
  /**
   * Real milliseconds a tenant may stay idle (no call of any kind) before it is evicted: gone as after a
   * reset, its issued tokens with it. 0 or absent: tenants are never evicted.
   */
  tenantTtlMs?: number;
  /** Whether a call of `tenant` is under way (the server knows its open requests); such a tenant is never evicted. */
  inCall?: (tenant: Tenant) => boolean;
}

export type { TenantActivity };

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

/**
 * At most this many idle tenants are evicted on one call, so the call after a quiet night does not pay for
 * the whole night's evictions (a tenant the call itself names is always checked).
 */
export const EVICTIONS_PER_CALL = 1000;

/** All tenants of one sandbox process, created on first use and, with a TTL, evicted when idle. */
export class TenantRegistry {
  readonly tokens: TokenRegistry;
  /** Passwords of YooMoney login names (strict mode), kept in the state file with the tokens. */
  readonly credentials = new Credentials();
  private tenants = new Map<string, Tenant>();
  /** Creation and last use of every tenant, in real time, oldest use first. */
  private activity = new TenantActivityLog();
  private timerHandlers = new Map<string, TimerHandler>();
  private readonly shared = newTenantShared();
  private evictedCount = 0;
  /**
   * The real time each tenant's step is pinned to (by tenant id, so a reset's new tenant reads it too): while
   * set, the tenant's clock reads it instead of the real clock, so a step replayed from its log entry reads
   * exactly the time it read when it first ran. The last pin of each id is kept: times never go back.
   */
  private pins = new Map<string, number>();
  private lastPins = new Map<string, number>();
  /** Told of each tenant evicted for idleness (the durable store forgets it). */
  onEvicted: ((tenantId: string) => void) | undefined = undefined;

  constructor(readonly options: KernelOptions) {
    this.tokens = new TokenRegistry(`promo-sandbox:${options.seed}`);
    for (const provider of options.providers) {
      for (const [kind, handler] of Object.entries(provider.timers)) this.timerHandlers.set(kind, handler);
    }
  }

  /**
   * The tenant `id` names, created on first use (or anew when it was idle past the TTL). Getting it is a
   * use: its idle time starts again, and up to EVICTIONS_PER_CALL other tenants idle past the TTL go.
   */
  get(id: string): Tenant {
    let tenant = this.current(id);
    if (tenant === undefined) {
      tenant = this.create(id);
      this.tenants.set(id, tenant);
    }
    this.touch(tenant);
    this.sweep(EVICTIONS_PER_CALL);
    return tenant;
  }

  /**
   * Pins tenant `id`'s real time for one step at `at`, or at the last pinned time if `at` is earlier (clocks
   * of replicas differ; the real clock may step back), and returns the time pinned.
   */
  pin(id: string, at: number): number {
    const pinned = this.pinnable(id, at);
    this.pins.set(id, pinned);
    this.lastPins.set(id, pinned);
    return pinned;
  }

  /** Forgets the last pin of `id` (its state is rebuilt from stored entries, which pin again). */
  forgetPins(id: string): void {
    this.pins.delete(id);
    this.lastPins.delete(id);
  }

  /** The time pin(id, at) would pin now (never before the last pin of `id`), without pinning. */
  pinnable(id: string, at: number): number {
    return Math.max(this.lastPins.get(id) ?? Number.NEGATIVE_INFINITY, at);
  }

  /** Ends the step's pin: the tenant's clock reads the real clock again. */
  unpin(id: string): void {
    this.pins.delete(id);
  }

  /**
   * The tenant an `Authorization` header names, as authenticate() would find it, without creating or using
   * it: an issued token's tenant, or (open mode) the token itself; undefined when it names none.
   */
  tenantIdOf(header: string | undefined): string | undefined {
    const token = tokenFromHeader(header);
    if (token === "") return undefined;
    const issued = this.tokens.lookup(token);
    if (issued !== undefined && !this.isEvicted(issued.tenantId)) return issued.tenantId;
    return this.options.auth === "strict" ? undefined : token;
  }

  /** When tenant `id` was created and last used, in real time (every call reaches its tenant through get()). */
  activityOf(id: string): TenantActivity | undefined {
    return this.activity.of(id);
  }

  /** Starts `tenant`'s idle time again (a call of it began or ended); a tenant no longer registered is left alone. */
  touch(tenant: Tenant): void {
    if (this.tenants.get(tenant.id) === tenant) this.activity.touch(tenant.id, this.options.realNow());
  }

  /** The tenant `id` names if it exists (and was not idle past the TTL), without creating or using it. */
  peek(id: string): Tenant | undefined {
    return this.current(id);
  }

  all(): IterableIterator<Tenant> {
    return this.tenants.values();
  }

  /** Wipes a tenant: a fresh clock, settings, randomness and empty provider state. */
  reset(id: string): Tenant {
    const previous = this.tenants.get(id);
    const tenant = this.create(id);
    this.tenants.set(id, tenant);
    if (previous !== undefined) this.shared.directory.drop(previous);
    previous?.replacedBy(tenant);
    this.touch(tenant);
    return tenant;
  }

  /** Builds a fresh tenant for `id` without registering it (a state import fills it, then installs it). */
  fresh(id: string): Tenant {
    return this.create(id);
  }

  /** Makes `tenant` the one its id names, replacing (and so dropping) the previous one. */
  install(tenant: Tenant): void {
    const previous = this.tenants.get(tenant.id);
    this.tenants.set(tenant.id, tenant);
    if (previous !== undefined && previous !== tenant) this.shared.directory.drop(previous);
    previous?.replacedBy(tenant);
    this.touch(tenant);
  }

  /** Gives up a tenant built by fresh() that will not be installed (a refused import): what it claimed goes. */
  discard(tenant: Tenant): void {
    if (this.tenants.get(tenant.id) !== tenant) this.shared.directory.drop(tenant);
  }

  /**
   * Evicts up to `limit` tenants idle longer than the TTL, oldest first, and returns how many went. A tenant
   * in a call is never evicted: its idle time starts again instead (and again when the call ends).
   */
  sweep(limit: number = Number.POSITIVE_INFINITY): number {
    const ttl = this.ttlMs();
    if (ttl <= 0) return 0;
    const now = this.options.realNow();
    let evicted = 0;
    for (const id of this.activity.usedBefore(now - ttl, limit)) {
      const tenant = this.tenants.get(id);
      if (tenant !== undefined && this.inCall(tenant)) {
        this.activity.touch(id, now);
        continue;
      }
      this.evict(id);
      evicted++;
    }
    return evicted;
  }

  /** How many tenants were evicted for idleness since the start. */
  get evictions(): number {
    return this.evictedCount;
  }

  /** How many tenants there are (some may be idle past the TTL until the next call or sweep). */
  get size(): number {
    return this.tenants.size;
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
    if (issued !== undefined && !this.isEvicted(issued.tenantId)) {
      const tenant = this.get(issued.tenantId);
      if (tenant.clock.now() >= issued.expiresAt) return { ok: false, reason: "expired" };
      return { ok: true, tenant };
    }
    if (this.options.auth === "strict") return { ok: false, reason: "unknown" };
    return { ok: true, tenant: this.get(token) };
  }

  private create(id: string): Tenant {
    const { realNow, seed, defaults, limits } = this.options;
    const pins = this.pins;
    return new Tenant(id, () => pins.get(id) ?? realNow(), seed, defaults, this.timerHandlers, limits, this.shared);
  }

  private ttlMs(): number {
    return this.options.tenantTtlMs ?? 0;
  }

  private inCall(tenant: Tenant): boolean {
    return this.options.inCall?.(tenant) ?? false;
  }

  /** The registered tenant `id`, unless it was idle past the TTL: then it is evicted here and undefined. */
  private current(id: string): Tenant | undefined {
    const tenant = this.tenants.get(id);
    const ttl = this.ttlMs();
    if (tenant === undefined || ttl <= 0) return tenant;
    const lastUse = this.activity.of(id)?.lastUsedAt;
    if (lastUse === undefined || lastUse >= this.options.realNow() - ttl || this.inCall(tenant)) return tenant;
    this.evict(id);
    return undefined;
  }

  /**
   * Whether tenant `tenantId` is gone by eviction, which takes its issued tokens with it. With eviction on,
   * every tenant a token was issued for exists until it is evicted (issuing creates it, the state file
   * keeps both); with eviction off a token may name a tenant not made yet, which it then creates.
   */
  isEvicted(tenantId: string): boolean {
    return this.ttlMs() > 0 && this.current(tenantId) === undefined;
  }

  /** Drops a tenant for idleness: its state, its ownership claims and its tokens. */
  private evict(id: string): void {
    const tenant = this.tenants.get(id);
    this.tenants.delete(id);
    this.activity.forget(id);
    this.tokens.forgetTenant(id);
    if (tenant !== undefined) this.shared.directory.drop(tenant);
    this.lastPins.delete(id);
    this.evictedCount++;
    this.onEvicted?.(id);
  }
}
