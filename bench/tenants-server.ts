// The compiled sandbox in a child process started with --expose-gc, with its CLI defaults (rate limits
// enforced, the default tenant TTL) unless `--tenant-ttl SECONDS` is given, answering memory probes over IPC
// (memory-probe.ts). For the tenants-memory benchmark.
import { parseArgs } from "node:util";
import { createSandbox } from "../src/server.js";
import { answerMemoryProbes } from "./memory-probe.js";

const { values } = parseArgs({ options: { "tenant-ttl": { type: "string" } } });
const ttl = values["tenant-ttl"];
const sandbox = createSandbox({ tenantTtlMs: ttl === undefined ? undefined : Number(ttl) * 1000 });
answerMemoryProbes(() => sandbox.close());
const url = await sandbox.listen(0, "127.0.0.1");
process.stdout.write(`tenants-server ready on ${url}\n`);
