import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { once } from "node:events";

/** A server running in a child process, listening on `url`. */
export interface RunningChild {
  child: ChildProcess;
  url: string;
  /** performance.now() just before spawn and when the ready line was read. */
  spawnedAt: number;
  readyAt: number;
}

export interface SpawnOptions {
  /** Arguments for `node` (flags, then the script and its arguments). */
  args: readonly string[];
  /** Add an IPC channel (for the memory probe). */
  ipc?: boolean;
  /** Extra environment variables. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

const URL_PATTERN = /(https?:\/\/[^\s)]+)/;

/** Starts `node ...args` and resolves once it prints a line holding its URL. */
export function spawnServer(options: SpawnOptions): Promise<RunningChild> {
  const stdio: StdioOptions = options.ipc === true ? ["ignore", "pipe", "inherit", "ipc"] : ["ignore", "pipe", "inherit"];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, options.args, { stdio, env: { ...process.env, ...options.env } });
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => {
      fail(new Error(`no ready line within ${options.timeoutMs ?? 15_000} ms from node ${options.args.join(" ")}`));
    }, options.timeoutMs ?? 15_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    child.once("error", fail);
    child.once("exit", (code, signal) => fail(new Error(`node ${options.args.join(" ")} exited early (${code ?? signal})`)));
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      buffered += chunk;
      const match = URL_PATTERN.exec(buffered);
      if (match?.[1] === undefined) return;
      const readyAt = performance.now();
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.removeAllListeners("error");
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({ child, url: match[1], spawnedAt, readyAt });
    });
  });
}

/** Stops a child with SIGTERM (SIGKILL after a grace period) and waits for it to exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const grace = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await exited;
  clearTimeout(grace);
}
