import type { ProviderModule } from "../kernel/provider.js";
import { campaignTimers } from "./campaign-timers.js";
import { mediaTimers } from "./media-timers.js";
import { exportWildberries, importWildberries, viewWildberries } from "./snapshot.js";
import { HOURLY_TAIL_MS } from "./traffic-clock.js";
import { trafficTimers } from "./traffic-tick.js";

export const wildberriesProvider: ProviderModule = {
  name: "wildberries",
  timers: { ...campaignTimers, ...trafficTimers, ...mediaTimers },
  denseTailMs: HOURLY_TAIL_MS,
  exportState: exportWildberries,
  viewState: viewWildberries,
  importState: importWildberries,
};
