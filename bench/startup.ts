import { setTimeout as sleep } from "node:timers/promises";
import { spawnServer, stopChild } from "./child-process.js";
import { relative } from "node:path";
import { CLI_ENTRY, SANDBOX_ARGS } from "./paths.js";
import type { Row } from "./report.js";
import { formatMs, median } from "./stats.js";
import { health } from "./yoomoney-client.js";

const SPAWNS = 11;
/** Issue 9: process start to the first 200 of health, median. */
const TARGET_MS = 150;

/** Time from spawn() to the first 200 of GET /__sandbox/health, for one fresh process. */
async function oneStart(): Promise<number> {
  const running = await spawnServer({ args: SANDBOX_ARGS });
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      if ((await health(running.url)) === 200) return performance.now() - running.spawnedAt;
      await sleep(5);
    }
    throw new Error("GET /__sandbox/health never answered 200");
  } finally {
    await stopChild(running.child);
  }
}

export async function benchStartup(): Promise<{ rows: Row[]; notes: string[] }> {
  const times: number[] = [];
  for (let i = 0; i < SPAWNS; i++) times.push(await oneStart());
  const mid = median(times);
  return {
    rows: [
      {
        metric: `startup: process start (spawn of node ${relative(process.cwd(), CLI_ENTRY)}) → first 200 of GET /__sandbox/health (median of ${SPAWNS})`,
        measured: `${formatMs(mid)} (min ${formatMs(Math.min(...times))}, max ${formatMs(Math.max(...times))})`,
        target: `≤ ${TARGET_MS} ms median`,
        pass: mid <= TARGET_MS,
      },
    ],
    notes: [`startup runs (ms): ${times.map((t) => Math.round(t)).join(", ")}`],
  };
}
