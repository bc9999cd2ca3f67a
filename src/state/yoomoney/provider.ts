import type { ProviderModule } from "../kernel/provider.js";
import { YOOMONEY_RATE_LIMITS } from "./rate-limits.js";
import { exportYooMoney, importYooMoney } from "./snapshot.js";
import { yoomoneyTimers } from "./timers.js";

export const yoomoneyProvider: ProviderModule = {
  name: "yoomoney",
  timers: yoomoneyTimers,
  rateLimits: YOOMONEY_RATE_LIMITS,
  exportState: exportYooMoney,
  importState: importYooMoney,
};
