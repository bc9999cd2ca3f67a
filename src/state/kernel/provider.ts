import type { JsonObject, JsonValue } from "./json.js";
import type { RateLimitTable } from "./rate-limit.js";
import type { Tenant } from "./tenant.js";
import type { Timer } from "./scheduler.js";

/** Runs one due timer at its deadline (`tenant.now()` is `timer.at` meanwhile); may return detail for the fired list. */
export type TimerHandler = (tenant: Tenant, timer: Timer) => JsonObject | void;

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
