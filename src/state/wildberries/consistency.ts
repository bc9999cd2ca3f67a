import type { Tenant } from "../kernel/tenant.js";

/** Status actions are applied once a minute (research §7.1). */
export const STATUS_TICK_MS = 60_000;
/** Bid changes are applied once every 30 seconds. */
export const BID_TICK_MS = 30_000;

/** Under `realistic` consistency, status actions and bids wait for their tick; under `immediate` they apply at once. */
export function isRealistic(tenant: Tenant): boolean {
  return tenant.settings.consistency === "realistic";
}

/** The first tick boundary strictly after `at` (a call exactly on a boundary waits for the next one). */
export function nextTick(at: number, tickMs: number): number {
  return (Math.floor(at / tickMs) + 1) * tickMs;
}
