import { spawn } from "node:child_process";
import { once } from "node:events";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CLI_ENTRY } from "./paths.js";
import type { Row } from "./report.js";
import { formatMs, median } from "./stats.js";

const RUNS = 7;
/** Issue 10: `npm start` on a built, up-to-date tree, from the command to the ready line. */
const TARGET_MS = 500;
/** The repository (the benchmarks run from dist/bench/). */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const READY = /ready on http:\/\/\S+/;

interface Started {
  ms: number;
  stderr: string;
}

/**
 * Runs `command ...args` in the repository until it prints the ready line; returns the time from spawn to
 * that line and what it wrote on stderr. The command runs in its own process group, stopped as a whole
 * (npm start's node is npm's grandchild).
 */
async function timeToReady(command: string, args: readonly string[]): Promise<Started> {
  const spawnedAt = performance.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  try {
    const ms = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command} ${args.join(" ")}: no ready line within 60 s; stderr: ${stderr.slice(-300)}`)), 60_000);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${command} ${args.join(" ")} exited (${code}) before its ready line; stderr: ${stderr.slice(-300)}`));
      });
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        if (!READY.test(stdout)) return;
        clearTimeout(timer);
        resolve(performance.now() - spawnedAt);
      });
    });
    return { ms, stderr };
  } finally {
    child.removeAllListeners("exit");
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = once(child, "exit");
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
  }
}

export async function benchNpmStart(): Promise<{ rows: Row[]; notes: string[] }> {
  const bundle = CLI_ENTRY;
  // The tree must be built and up to date first: `npm run bench` has just built it; this makes sure.
  await timeToReady("npm", ["start", "--", "--port", "0", "--host", "127.0.0.1"]);
  const builtAt = statSync(bundle).mtimeMs;
  const npmRuns: Started[] = [];
  const direct: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    npmRuns.push(await timeToReady("npm", ["start", "--", "--port", "0", "--host", "127.0.0.1"]));
    direct.push((await timeToReady(process.execPath, [bundle, "--port", "0", "--host", "127.0.0.1"])).ms);
  }
  const times = npmRuns.map((run) => run.ms);
  const built = npmRuns.filter((run) => run.stderr.includes("building"));
  const rebuilt = statSync(bundle).mtimeMs !== builtAt;
  const mid = median(times);
  const directMid = median(direct);
  return {
    rows: [
      {
        metric: `npm-start: \`npm start\` on a built, up-to-date tree → its ready line (median of ${RUNS})`,
        measured: `${formatMs(mid)} (min ${formatMs(Math.min(...times))}, max ${formatMs(Math.max(...times))})`,
        target: `≤ ${TARGET_MS} ms median`,
        pass: mid <= TARGET_MS,
      },
      {
        metric: "npm-start: builds nothing (no build line, the bundle untouched)",
        measured: built.length === 0 && !rebuilt ? "nothing built" : `${built.length} of ${RUNS} runs built${rebuilt ? ", the bundle was rewritten" : ""}`,
        target: "nothing built",
        pass: built.length === 0 && !rebuilt,
      },
      {
        metric: "npm-start: the bundle started directly (node dist/src/promo-sandbox.mjs), alternating: what npm itself adds",
        measured: `${formatMs(directMid)} (npm start adds ${formatMs(mid - directMid)})`,
        target: "—",
      },
    ],
    notes: [`npm-start runs (ms): ${times.map((t) => Math.round(t)).join(", ")}; direct: ${direct.map((t) => Math.round(t)).join(", ")}`],
  };
}
