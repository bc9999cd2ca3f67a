import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { constants } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

/** Every child still running, killed if the bench process ends early (error, Ctrl-C, SIGTERM). */
const live = new Set<ChildProcess>();
/** Throw-away folders of running children, removed then too. */
const folders = new Set<string>();
let exitHooksInstalled = false;

function cleanUp(): void {
  for (const child of live) child.kill("SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}

/** Removes `folder` if the bench process ends before `forgetFolder(folder)` is called. */
export function removeOnExit(folder: string): void {
  folders.add(folder);
  installExitHooks();
}

export function forgetFolder(folder: string): void {
  folders.delete(folder);
}

function track(child: ChildProcess): void {
  live.add(child);
  child.once("exit", () => live.delete(child));
  installExitHooks();
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.once("exit", cleanUp);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      cleanUp();
      process.exit(128 + constants.signals[signal]);
    });
  }
}

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
  track(child);
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
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      fail(new Error(`node ${options.args.join(" ")} exited early (${code ?? signal})`));
    };
    child.once("error", fail);
    child.once("exit", onExit);
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      buffered += chunk;
      const match = URL_PATTERN.exec(buffered);
      if (match?.[1] === undefined) return;
      const readyAt = performance.now();
      clearTimeout(timer);
      child.off("exit", onExit);
      child.off("error", fail);
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

/** A process that is not one of our node scripts (the JVM, Prism), with the tail of its output for errors. */
export interface SpawnedCommand {
  child: ChildProcess;
  /** The last few KB the process wrote to stdout and stderr. */
  outputTail: () => string;
}

const TAIL_CHARS = 2_000;

/** Starts `command ...args`, collecting the tail of its output; `waitForHttp` tells when it serves. */
export function spawnCommand(command: string, args: readonly string[], cwd?: string): SpawnedCommand {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], cwd });
  track(child);
  let tail = "";
  const keep = (chunk: string) => {
    tail = (tail + chunk).slice(-TAIL_CHARS);
  };
  child.stdout?.setEncoding("utf8").on("data", keep);
  child.stderr?.setEncoding("utf8").on("data", keep);
  return { child, outputTail: () => tail };
}

/** Polls `url` until it answers anything at all over HTTP; fails if the process exits or `timeoutMs` passes. */
export async function waitForHttp(url: string, spawned: SpawnedCommand, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let spawnError: Error | undefined;
  spawned.child.once("error", (error) => {
    spawnError = error;
  });
  while (performance.now() < deadline) {
    if (spawnError !== undefined) throw new Error(`${what} could not start: ${spawnError.message}`);
    if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) {
      throw new Error(`${what} exited (${spawned.child.exitCode ?? spawned.child.signalCode}) before serving; its output ends: ${spawned.outputTail().slice(-300)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch {
      await sleep(100);
    }
  }
  spawned.child.kill("SIGKILL");
  throw new Error(`${what} did not answer ${url} within ${timeoutMs} ms; its output ends: ${spawned.outputTail().slice(-300)}`);
}
