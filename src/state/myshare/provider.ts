import type { ProviderModule } from "../kernel/provider.js";
import { exportMyshare, importMyshare } from "./snapshot.js";
import { myshareTimers } from "./timers.js";

export const myshareProvider: ProviderModule = {
  name: "myshare",
  timers: myshareTimers,
  exportState: exportMyshare,
  importState: importMyshare,
};
