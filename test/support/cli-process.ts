import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { CLI } from "./cli.js";
import { freePort } from "./free-port.js";

export interface CliProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** kill -9: no handler runs, nothing is flushed. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}


/** Starts the CLI (from source, through tsx) on a free port with `args`; resolves once health answers. */
export async function startCli(args: string[]): Promise<CliProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...CLI, "--port", String(port), "--log-level", "error", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`the CLI exited with ${child.exitCode}: ${out}`);
    const up = await fetch(`${url}/__sandbox/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (up) break;
    if (tries > 300) throw new Error(`no answer on ${url} within 30 s: ${out}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  const exited = once(child, "exit");
  return {
    child,
    url,
    output: () => out,
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
