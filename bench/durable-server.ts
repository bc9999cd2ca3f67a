// The sandbox (compiled, in-process API) in a child process with a data directory (issue 12's bench):
// DATA_DIR is the folder (empty: memory only); SNAPSHOT_AFTER lowers the entries between snapshots so a
// short run takes some; STORE a Redis URL (`--store`, issue 12's team sandbox) instead of DATA_DIR. Prints its
// URL once the stored state is loaded.
import { RedisLogStore } from "../src/persistence/redis-log-store.js";
import { createSandbox } from "../src/server.js";

const dataDir = process.env["DATA_DIR"];
const snapshotAfter = process.env["SNAPSHOT_AFTER"];
const store = process.env["STORE"];
const logStore = store === undefined || store === "" ? undefined : await RedisLogStore.open(store);
const sandbox = createSandbox({
  settings: { rateLimits: "off" },
  logStore,
  dataDir: dataDir === undefined || dataDir === "" ? undefined : dataDir,
  snapshotAfterEntries: snapshotAfter === undefined ? undefined : Number(snapshotAfter),
});
const url = await sandbox.listen(0, "127.0.0.1");
process.stdout.write(`durable-server ready on ${url}\n`);
process.once("SIGTERM", () => void sandbox.close().then(() => process.exit(0)));
