import { setImmediate as nextTurn } from "node:timers/promises";
import type { FiredReport, Tenant } from "../../state/kernel/tenant.js";
import type { ProviderModule } from "../../state/kernel/provider.js";
import { runExclusive, whenIdle } from "../http/tenant-queue.js";

/**
 * A clock move in slices. The domain stays synchronous: each slice is an ordinary advance of the
 * tenant, told where the whole move ends (so traffic timers jump as they would in one move); between
 * slices the event loop serves other tenants while this tenant's calls wait (tenant-queue.ts).
 * Where the slices fall does not change the outcome (every timer fires in the same order, at its own
 * deadline), so the slice length follows the wall time a slice took: same seed and calls, same answer.
 */

/** A move up to this long runs in one go (an hour of the busiest seller takes a few milliseconds). */
export const ONE_GO_MS = 3_600_000;
/**
 * The longest slice of virtual time: quiet slices (the traffic timers jumped past them) grow the step,
 * and one slice must not then take in many jumps at once.
 */
const MAX_SLICE_MS = 7 * 86_400_000;
/** Wall time one slice should take at most, roughly: other tenants wait about this long. */
const SLICE_BUDGET_MS = 8;
/**
 * Where the timers are densest at the end of a long move, for every provider at once (Wildberries traffic
 * ticks every hour there, however long the move): the slices start again from ONE_GO_MS there, so the
 * first of them is not a week.
 */
export function denseTailOf(providers: readonly ProviderModule[]): number {
  return Math.max(0, ...providers.map((provider) => provider.denseTailMs ?? 0));
}

/** What a move fired, and the clock when it ended (read before any later job of the tenant runs). */
export interface Move extends FiredReport {
  now: number;
}

/**
 * Moves the tenant's clock forward by `ms`, in slices when it is long or the tenant is busy; `denseTailMs`
 * is denseTailOf(the providers).
 */
export async function advanceInSlices(tenant: Tenant, ms: number, maxListed: number, denseTailMs: number): Promise<Move> {
  if (ms <= ONE_GO_MS && whenIdle(tenant) === undefined) return { ...tenant.advanceReport(ms, maxListed), now: tenant.now() };
  return runExclusive(tenant, async () => {
    const horizon = tenant.clock.now() + ms;
    const report: Move = { fired: [], total: 0, now: tenant.now() };
    let left = ms;
    let step = ONE_GO_MS;
    while (left > 0) {
      if (left > denseTailMs && left - step < denseTailMs) step = Math.max(1, left - denseTailMs);
      else if (left === denseTailMs) step = ONE_GO_MS;
      const slice = Math.min(left, step);
      const began = performance.now();
      const part = tenant.advanceReport(slice, maxListed - report.fired.length, horizon);
      const took = performance.now() - began;
      report.fired.push(...part.fired);
      report.total += part.total;
      left -= slice;
      if (took < SLICE_BUDGET_MS / 4) step = Math.min(step * 2, MAX_SLICE_MS);
      else if (took > SLICE_BUDGET_MS && step > 60_000) step = Math.max(60_000, Math.floor(step / 2));
      if (left > 0) await nextTurn();
    }
    report.now = tenant.now();
    return report;
  });
}
