/** Prism (`prism mock`) as a benchmark anchor mocking one of our OpenAPI documents: start and stop. */
import { existsSync } from "node:fs";
import { spawnCommand, stopChild, waitForHttp, type SpawnedCommand } from "./child-process.js";
import { freePort } from "../test/support/free-port.js";
import { PRISM_CLI } from "./paths.js";

/** Static examples, logging at warn: per-request info lines would cost Prism most of its time. */
export const PRISM_FLAGS: readonly string[] = ["-v", "warn"];

export interface Prism {
  url: string;
  spawned: SpawnedCommand;
}

export async function startPrism(spec: string): Promise<Prism> {
  if (!existsSync(PRISM_CLI)) throw new Error(`Prism missing: no ${PRISM_CLI} (npm install brings it with the @stoplight/prism-cli devDependency)`);
  const port = await freePort();
  const spawned = spawnCommand(process.execPath, [PRISM_CLI, "mock", "-p", String(port), "-h", "127.0.0.1", ...PRISM_FLAGS, spec]);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/`, spawned, `Prism (${PRISM_CLI})`);
  } catch (error) {
    await stopChild(spawned.child);
    throw error;
  }
  return { url, spawned };
}

export async function stopPrism(prism: Prism): Promise<void> {
  await stopChild(prism.spawned.child);
}
