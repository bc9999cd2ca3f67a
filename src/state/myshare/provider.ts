import type { ProviderModule } from "../kernel/provider.js";
import { exportMyshare, importMyshare, viewMyshare } from "./snapshot.js";
import { myshareTimers } from "./timers.js";

export const myshareProvider: ProviderModule = {
  name: "myshare",
  timers: myshareTimers,
  exportState: exportMyshare,
  viewState: viewMyshare,
  importState: importMyshare,
};
