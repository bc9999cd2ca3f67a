import type { ProviderModule } from "../kernel/provider.js";
import { MYSHARE_RATE_LIMITS } from "./rate-limits.js";
import { exportMyshare, importMyshare } from "./snapshot.js";
import { myshareTimers } from "./timers.js";

export const myshareProvider: ProviderModule = {
  name: "myshare",
  timers: myshareTimers,
  rateLimits: MYSHARE_RATE_LIMITS,
  exportState: exportMyshare,
  importState: importMyshare,
};
