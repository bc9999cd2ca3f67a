import type { TimerHandler } from "../../../src/state/kernel/provider.js";
import { DEFAULT_SETTINGS } from "../../../src/state/kernel/settings.js";
import { Tenant } from "../../../src/state/kernel/tenant.js";

export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

/** A tenant standing at T0 (real time does not move) with the given timer handlers. */
export function makeTenant(handlers: Record<string, TimerHandler> = {}, id = "t1", seed = "seed"): Tenant {
  return new Tenant(id, () => T0, seed, DEFAULT_SETTINGS, new Map(Object.entries(handlers)), {
    journalSize: 10,
    eventLogSize: 10,
  });
}
