// The sandbox (compiled, in-process API) in a child process started with --expose-gc, answering memory probes over IPC so the
// parent can measure what one request adds. Probe: {probe: "settled"} -> a MemoryProbeReply taken after two gc().
import { createSandbox } from "../src/server.js";
import type { MemoryProbeReply } from "./memory-probe.js";

const collect = globalThis.gc;
if (collect === undefined) throw new Error("memory-server needs node --expose-gc");

const sandbox = createSandbox({ settings: { rateLimits: "off" } });
const url = await sandbox.listen(0, "127.0.0.1");
process.stdout.write(`memory-server ready on ${url}\n`);

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
