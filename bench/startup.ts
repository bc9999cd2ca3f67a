import { setTimeout as sleep } from "node:timers/promises";
import { spawnServer, stopChild } from "./child-process.js";
import { relative } from "node:path";
import { CLI_ENTRY, RAW_HELLO_SERVER, SANDBOX_ARGS } from "./paths.js";
import type { Row } from "./report.js";
import { formatMs, median } from "./stats.js";
import { health } from "./yoomoney-client.js";

const SPAWNS = 11;
/** Issue 9: process start to the first 200 of health, median. */
const TARGET_MS = 150;

/** Time from spawn() to the first 200 of `path`, for one fresh process of `node ...args`. */
async function oneStart(args: readonly string[], path: string): Promise<number> {
  const running = await spawnServer({ args });
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      if ((await health(running.url, path)) === 200) return performance.now() - running.spawnedAt;
      await sleep(5);
    }
    throw new Error(`GET ${path} never answered 200`);
  } finally {
    await stopChild(running.child);
  }
}

export async function benchStartup(): Promise<{ rows: Row[]; notes: string[] }> {
  // Alternating with a raw node:http server started the same way: what node itself takes on this machine now.
  const times: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < SPAWNS; i++) {
    times.push(await oneStart(SANDBOX_ARGS, "/__sandbox/health"));
    raw.push(await oneStart([RAW_HELLO_SERVER], "/"));
  }
  const mid = median(times);
  const rawMid = median(raw);
  return {
    rows: [
      {
        metric: `startup: process start (spawn of node ${relative(process.cwd(), CLI_ENTRY)}) → first 200 of GET /__sandbox/health (median of ${SPAWNS})`,
        measured: `${formatMs(mid)} (min ${formatMs(Math.min(...times))}, max ${formatMs(Math.max(...times))})`,
        target: `≤ ${TARGET_MS} ms median`,
        pass: mid <= TARGET_MS,
      },
      {
        metric: `startup: the same for a raw node:http hello server (bench/raw-hello-server.ts), alternating with the sandbox: node's own start on this machine`,
        measured: `${formatMs(rawMid)} (the sandbox's start adds ${formatMs(mid - rawMid)})`,
        target: "—",
      },
    ],
    notes: [`startup runs (ms): ${times.map((t) => Math.round(t)).join(", ")}; raw node:http: ${raw.map((t) => Math.round(t)).join(", ")}`],
  };
}
