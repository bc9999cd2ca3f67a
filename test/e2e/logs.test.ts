import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { CLI, runCli } from "../support/cli.js";
import { freePort } from "../support/free-port.js";

/** `--log-level` and `--log-format` (and their variables) of the command line, run from source as test/e2e/cli.test.ts does. */

const AUTH = { Authorization: "Bearer logs-e2e-tenant" };
const ACCESS_KEYS = ["fault", "level", "method", "ms", "msg", "operation", "path", "status", "tenant", "time"];

interface Running {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then everything it wrote. */
  stop(): Promise<{ stdout: string; stderr: string; code: number | null }>;
}


/** Starts the CLI on a free port (its ready line may be silenced, so health is polled), with `args` and `env`. */
async function start(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [...CLI, "--port", String(port), ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${err}`);
    const up = await fetch(`${url}/__sandbox/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (up) break;
    if (tries > 200) throw new Error(`no answer on ${url} within 20 s: ${out}${err}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    child,
    url,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = await exited;
      return { stdout: out, stderr: err, code: typeof code === "number" ? code : null };
    },
  };
}

const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line));

describe("promo-sandbox logs", () => {
  it("--log-format json: the ready line, then one JSON line per call with exactly the access fields, then the shutdown", async () => {
    const running = await start(["--log-format", "json"]);
    await fetch(`${running.url}/adv/v1/promotion/count`, { headers: AUTH });
    await fetch(`${running.url}/__sandbox/clock`, { headers: AUTH });
    const { stdout, stderr, code } = await running.stop();
    expect([code, stderr]).toEqual([0, ""]);
    const lines = jsonLines(stdout);
    const [ready, health, count, clock, ...rest] = lines;
    expect(ready).toEqual({
      level: 30,
      time: expect.any(Number),
      version: "0.1.0",
      providers: ["yoomoney", "wildberries", "myshare"],
      msg: `promo-sandbox 0.1.0 ready on ${running.url} (providers: yoomoney, wildberries, myshare; control plane: ${running.url}/__sandbox)`,
    });
    for (const line of [health, count, clock]) expect(Object.keys(line ?? {}).sort()).toEqual(ACCESS_KEYS);
    expect(health).toMatchObject({ level: 30, method: "GET", path: "/__sandbox/health", status: 200, operation: "health", tenant: null, fault: null });
    expect(count).toMatchObject({ level: 30, method: "GET", path: "/adv/v1/promotion/count", status: 200, operation: "countCampaigns", tenant: "logs-e2e…", fault: null });
    expect(clock).toMatchObject({ method: "GET", path: "/__sandbox/clock", status: 200, operation: "getClock", tenant: "logs-e2e…" });
    expect(count?.msg).toMatch(/^GET \/adv\/v1\/promotion\/count 200 \d+\.\dms$/);
    expect(rest.map((line) => line.msg)).toEqual(["SIGTERM: stopping (open event streams end)", "stopped"]);
  });

  it("--log-level warn writes no access line and no ready line; silent writes nothing at all", async () => {
    for (const level of ["warn", "silent"]) {
      const running = await start(["--log-level", level, "--log-format", "json"]);
      await fetch(`${running.url}/adv/v1/promotion/count`, { headers: AUTH });
      expect(await running.stop()).toEqual({ stdout: "", stderr: "", code: 0 });
    }
  });

  it("reads PROMO_SANDBOX_LOG_LEVEL and PROMO_SANDBOX_LOG_FORMAT; pretty is text naming method, path and status", async () => {
    const running = await start([], { PROMO_SANDBOX_LOG_FORMAT: "pretty", PROMO_SANDBOX_LOG_LEVEL: "info" });
    await fetch(`${running.url}/adv/v1/promotion/count`, { headers: AUTH });
    const { stdout } = await running.stop();
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\] INFO: promo-sandbox 0\\.1\\.0 ready on ${running.url} `));
    expect(stdout).toMatch(/\] INFO: GET \/adv\/v1\/promotion\/count 200 \d+\.\dms {2}countCampaigns tenant=logs-e2e…\n/);
    expect(stdout).not.toContain("{");

    const quiet = await start([], { PROMO_SANDBOX_LOG_LEVEL: "error" });
    await fetch(`${quiet.url}/adv/v1/promotion/count`, { headers: AUTH });
    expect((await quiet.stop()).stdout).toBe("");
  });

  it("refuses a level or format it does not know with exit code 2, naming the nearest", () => {
    const typo = runCli(["--log-level", "inof"]);
    expect([typo.status, typo.stdout, typo.stderr]).toEqual([2, "", 'promo-sandbox: --log-level must be one of silent|error|warn|info|debug, got "inof"; did you mean "info"?\n']);
    expect(runCli([], { PROMO_SANDBOX_LOG_FORMAT: "xml" }).stderr).toBe('promo-sandbox: PROMO_SANDBOX_LOG_FORMAT must be one of pretty|json, got "xml"\n');
    const help = runCli(["--help"]);
    expect(help.stdout).toContain("--log-level silent|error|warn|info|debug");
    expect(help.stdout).toContain("[PROMO_SANDBOX_LOG_FORMAT]");
  });
});
