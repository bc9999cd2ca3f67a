import type { ProviderModule } from "../kernel/provider.js";
import { campaignTimers } from "./campaign-timers.js";
import { mediaTimers } from "./media-timers.js";
import { WILDBERRIES_RATE_LIMITS } from "./rate-limits.js";
import { exportWildberries, importWildberries } from "./snapshot.js";
import { trafficTimers } from "./traffic-tick.js";

export const wildberriesProvider: ProviderModule = {
  name: "wildberries",
  timers: { ...campaignTimers, ...trafficTimers, ...mediaTimers },
  rateLimits: WILDBERRIES_RATE_LIMITS,
  exportState: exportWildberries,
  importState: importWildberries,
};
