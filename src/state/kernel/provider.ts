import type { JsonValue } from "./json.js";
import type { RateLimitTable } from "./rate-limit.js";
import type { Tenant, TimerHandler } from "./tenant.js";

export type { TimerHandler };

export type ImportResult = { ok: true } | { ok: false; message: string };

/**
 * What the kernel needs from a provider's domain: its timers, its rate-limit table and its state
 * snapshot. A provider keeps its per-tenant state itself (keyed by the Tenant object), so a reset,
 * which replaces the Tenant, drops that state too.
 */
export interface ProviderModule {
  name: string;
  timers: Record<string, TimerHandler>;
  rateLimits: RateLimitTable;
  exportState(tenant: Tenant): JsonValue;
  importState(tenant: Tenant, data: unknown): ImportResult;
}
