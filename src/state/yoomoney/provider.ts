import type { ProviderModule } from "../kernel/provider.js";
import { exportYooMoney, importYooMoney, viewYooMoney } from "./snapshot.js";
import { yoomoneyTimers } from "./timers.js";

export const yoomoneyProvider: ProviderModule = {
  name: "yoomoney",
  timers: yoomoneyTimers,
  exportState: exportYooMoney,
  viewState: viewYooMoney,
  importState: importYooMoney,
};
