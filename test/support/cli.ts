import { spawnSync } from "node:child_process";

/** The CLI run from source through tsx, as `npm start` runs its compiled bundle. */
export const CLI = ["--import", "tsx", "src/cli.ts"];

/** Runs the CLI to its end with `args` (and extra environment), at most 20 s. */
export function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [...CLI, ...args], { encoding: "utf8", timeout: 20_000, env: { ...process.env, ...env } });
}
