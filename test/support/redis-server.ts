import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemComponent } from "./system-component.js";
import { freePort } from "./free-port.js";

/**
 * Debian's redis-server for the team-sandbox tests: `redisServer.path` is undefined where it is not installed
 * (the tests skip with one line naming the package; under .ci/run that is a failure instead).
 */
export const redisServer = systemComponent("redis-server", "redis-server");

/** How long a started server has to answer PING. */
const READY_TIMEOUT_MS = 10_000;


/** Whether a Redis at `port` answers PING with PONG (one attempt). */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let answer = "";
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** A redis-server started by a test: appendonly with `appendfsync always`, no RDB saves, in its own temporary folder. */
export class TestRedis {
  private child: ChildProcess | undefined;

  private constructor(
    private readonly program: string,
    /** The server's folder (its append-only files); kept across `restart`, removed by `stop`. */
    readonly dir: string,
    readonly port: number,
  ) {}

  /** `redis://127.0.0.1:<port>/<db>`. */
  url(db = 0): string {
    return `redis://127.0.0.1:${this.port}/${db}`;
  }

  /** Starts redis-server on a free port of 127.0.0.1 with a new temporary folder, and waits until it answers PING. */
  static async start(program: string): Promise<TestRedis> {
    const dir = mkdtempSync(join(tmpdir(), "promo-sandbox-redis-"));
    const redis = new TestRedis(program, dir, await freePort());
    try {
      await redis.launch();
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return redis;
  }

  private async launch(): Promise<void> {
    // prettier-ignore
    const args = [
      "--bind", "127.0.0.1", "--port", String(this.port), "--dir", this.dir,
      "--appendonly", "yes", "--appendfsync", "always", "--save", "",
      "--daemonize", "no", "--logfile", join(this.dir, "redis.log"),
    ];
    const child = spawn(this.program, args, { stdio: "ignore" });
    this.child = child;
    const failed = new Promise<never>((_, reject) => {
      child.once("error", reject);
      child.once("exit", (code, signal) => reject(new Error(`redis-server exited at start (code ${code}, signal ${signal}): ${this.log()}`)));
    });
    failed.catch(() => {});
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const ready = await Promise.race([pings(this.port), failed]);
      if (ready) return;
      if (Date.now() > deadline) {
        await this.kill("SIGKILL");
        throw new Error(`redis-server on port ${this.port} did not answer PING within ${READY_TIMEOUT_MS} ms: ${this.log()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The end of the server's log, for error messages. */
  private log(): string {
    try {
      return readFileSync(join(this.dir, "redis.log"), "utf8").split("\n").slice(-10).join("\n");
    } catch {
      return "(no log)";
    }
  }

  /** The server's process id, while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  private async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited(child);
  }

  /**
   * Stops the server and waits for its exit, keeping its folder and port for `resume` (SIGKILL: what an OOM
   * kill does, so only what was fsynced survives; SIGTERM: a clean shutdown).
   */
  async halt(signal: "SIGKILL" | "SIGTERM" = "SIGKILL"): Promise<void> {
    await this.kill(signal);
  }

  /** Starts the halted server again on the same port with the same folder, and waits until it answers PING. */
  async resume(): Promise<void> {
    if (this.child !== undefined) throw new Error("redis-server is running: halt it first");
    await this.launch();
  }

  /** `halt` then `resume`. */
  async restart(signal: "SIGKILL" | "SIGTERM" = "SIGKILL"): Promise<void> {
    await this.halt(signal);
    await this.resume();
  }

  /** Stops the server (and waits for its exit) and removes its folder. */
  async stop(): Promise<void> {
    await this.kill("SIGTERM");
    rmSync(this.dir, { recursive: true, force: true });
  }
}
