// The sandbox (compiled, in-process API) in a child process started with --expose-gc, answering memory probes over IPC so the
// parent can measure what one request adds. Probe: {probe: "settled"} -> a MemoryProbeReply taken after two gc().
import { createSandbox } from "../src/server.js";
import { answerMemoryProbes } from "./memory-probe.js";

const sandbox = createSandbox({ settings: { rateLimits: "off" } });
answerMemoryProbes(() => sandbox.close());
const url = await sandbox.listen(0, "127.0.0.1");
process.stdout.write(`memory-server ready on ${url}\n`);
