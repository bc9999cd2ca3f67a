import type { JsonValue } from "./json.js";
import type { Result } from "./result.js";
import type { Tenant, TimerHandler } from "./tenant.js";

export type { TimerHandler };

/**
 * What the kernel needs from a provider's domain: its timers and its state snapshot. A provider's per-tenant state lives in the Tenant under the provider's key
 * (provider-states.ts), so a reset, which replaces the Tenant, drops that state too.
 *
 * importState refuses with "path: what is wrong; what to do" lines (issues.ts describeIssues for a
 * schema's refusal), paths relative to the provider's own part of the snapshot: the kernel names the
 * part (`providers.<name>: `), so the provider never names itself.
 */
export interface ProviderModule {
  name: string;
  timers: Record<string, TimerHandler>;
  /**
   * How long before the end of a long clock move its timers are densest (Wildberries: the hourly traffic
   * ticks of the last days), so a move in slices starts small again there. Default: none.
   */
  denseTailMs?: number;
  /** The provider's part of the tenant's snapshot, as plain JSON sharing nothing with the live state (null: not used yet). */
  exportState(tenant: Tenant): JsonValue;
  /**
   * The same part as plain data that may share the live state's objects, for a caller that serialises it
   * before the tenant next changes (a durable snapshot, in the tenant's turn): no deep copy of a large state.
   * Its JSON text is exportState's. Default: exportState.
   */
  viewState?(tenant: Tenant): unknown;
  importState(tenant: Tenant, data: unknown): Result<void, string>;
}
