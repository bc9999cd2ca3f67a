import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { z } from "zod";
import { packageRoot } from "../../src/contracts/openapi/package-root.js";
import type { ProbeAnswer } from "./server-process.js";
import type { WireRequest } from "./request-draft.js";
import { exchange } from "./wire-client.js";

export type Outcome =
  | { kind: "answer"; status: number; headers: Record<string, string>; body: Buffer }
  /** The sandbox process ended while (or right after) handling the request. */
  | { kind: "died"; detail: string }
  /** The connection ended or timed out without an answer, the process still up. */
  | { kind: "no-answer"; detail: string };

/** A request that takes longer is reported as a stall. */
const ANSWER_TIMEOUT_MS = 15_000;
const START_TIMEOUT_MS = 30_000;
const STDERR_KEPT = 4_000;

const ProbeAnswerSchema = z.object({ pollution: z.array(z.string()), contractViolations: z.array(z.string()) });

const SERVER_SCRIPT = join(packageRoot(), "test", "fuzz", "server-process.ts");

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Running {
  child: ChildProcess;
  host: string;
  port: number;
  stderr: string;
}

/**
 * The sandbox in a child process (server-process.ts) and how requests reach it: raw bytes on a fresh
 * connection per request (wire-client.ts). A request that kills the process is reported as "died" and the
 * next request starts a fresh process (`generation` counts them).
 */
export class FuzzTarget {
  generation = 0;
  crashes = 0;
  private running: Running | undefined;

  async start(): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", SERVER_SCRIPT], { cwd: packageRoot(), stdio: ["ignore", "pipe", "pipe", "ipc"] });
    const running: Running = { child, host: "", port: 0, stderr: "" };
    child.stderr?.on("data", (chunk: Buffer) => {
      running.stderr = (running.stderr + chunk.toString("utf8")).slice(-STDERR_KEPT);
    });
    const url = await new Promise<URL>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`the fuzz sandbox did not start within ${START_TIMEOUT_MS} ms: ${running.stderr}`)), START_TIMEOUT_MS);
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        const line = out.split("\n").find((l) => l.startsWith("http://"));
        if (line === undefined) return;
        clearTimeout(timer);
        resolve(new URL(line.trim()));
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the fuzz sandbox exited at start (code ${code}, signal ${signal}): ${running.stderr}`));
      });
    });
    running.host = url.hostname;
    running.port = Number(url.port);
    this.running = running;
    this.generation += 1;
  }

  get baseUrl(): string {
    if (this.running === undefined) throw new Error("the fuzz sandbox is not running: call start() first");
    return `http://${this.running.host}:${this.running.port}`;
  }

  /** Whether the current sandbox process is still up (send() would otherwise start a new one). */
  isAlive(): boolean {
    return this.running !== undefined && this.alive(this.running);
  }

  private alive(running: Running): boolean {
    return running.child.exitCode === null && running.child.signalCode === null;
  }

  async send(wire: WireRequest): Promise<Outcome> {
    if (this.running === undefined || !this.alive(this.running)) await this.start();
    const running = this.running;
    if (running === undefined) throw new Error("the fuzz sandbox did not start");
    const outcome = await exchange(running.host, running.port, wire, ANSWER_TIMEOUT_MS);
    if (outcome.kind === "answer") return outcome;
    // Give a dying process a moment to exit before telling a crash from a dropped connection.
    for (let waited = 0; waited < 2_000 && this.alive(running); waited += 50) await delay(50);
    if (this.alive(running)) return outcome;
    this.crashes += 1;
    const { exitCode, signalCode } = running.child;
    return { kind: "died", detail: `the sandbox process exited (code ${exitCode}, signal ${signalCode}); its stderr ends: ${running.stderr.slice(-1_500)}` };
  }

  /** What the sandbox process sees from inside: prototype pollution and zod contract violations. */
  async probe(): Promise<ProbeAnswer> {
    const running = this.running;
    if (running === undefined || !this.alive(running)) throw new Error("the fuzz sandbox is not running: nothing to probe");
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the fuzz sandbox did not answer the probe within 10 s")), 10_000);
      running.child.once("message", (message) => {
        clearTimeout(timer);
        const parsed = ProbeAnswerSchema.safeParse(message);
        if (parsed.success) resolve(parsed.data);
        else reject(new Error(`the fuzz sandbox answered the probe with ${JSON.stringify(message)}`));
      });
      running.child.send("probe");
    });
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running === undefined || !this.alive(running)) return;
    const exited = new Promise<void>((resolve) => running.child.once("exit", () => resolve()));
    running.child.kill("SIGTERM");
    await Promise.race([exited, delay(5_000)]);
    if (this.alive(running)) running.child.kill("SIGKILL");
  }
}
