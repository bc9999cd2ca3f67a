// The compiled sandbox in a child process started with --expose-gc, with its CLI defaults (rate limits
// enforced, the default tenant TTL) unless `--tenant-ttl SECONDS` is given, answering memory probes over IPC
// as memory-server.ts does. For the tenants-memory benchmark.
import { parseArgs } from "node:util";
import { createSandbox } from "../src/server.js";
import type { MemoryProbeReply } from "./memory-probe.js";

const collect = globalThis.gc;
if (collect === undefined) throw new Error("tenants-server needs node --expose-gc");

const { values } = parseArgs({ options: { "tenant-ttl": { type: "string" } } });
const ttl = values["tenant-ttl"];
const sandbox = createSandbox({ tenantTtlMs: ttl === undefined ? undefined : Number(ttl) * 1000 });
const url = await sandbox.listen(0, "127.0.0.1");
process.stdout.write(`tenants-server ready on ${url}\n`);

process.on("message", (message: unknown) => {
  if (typeof message !== "object" || message === null || !("probe" in message) || message.probe !== "settled") return;
  collect();
  collect();
  const usage = process.memoryUsage();
  const reply: MemoryProbeReply = {
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    rss: usage.rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.send?.(reply);
});
process.once("SIGTERM", () => {
  void sandbox.close().then(() => process.exit(0));
});
