import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envName } from "../../src/cli-args.js";
import { START_FLAGS } from "../../src/cli-start.js";
import { SandboxStateFile } from "../../src/contracts/sandbox/state-file.js";
import { containerCommand, finalEnv, finalStage, readDockerfile, type Instruction } from "../support/dockerfile.js";
import { freePort } from "../support/free-port.js";

/**
 * The image cannot be built on these machines (its base image's registry is unreachable), so this runs
 * what the Dockerfile says on the host instead: the build stage's COPY instructions into a temporary
 * /app, its `npm run build` there (the repository's node_modules stand in for `npm ci`), then the final
 * stage's ENTRYPOINT + CMD with its ENV (and the `docker run -e` overrides a test needs), and its
 * HEALTHCHECK command. Not covered: the base image itself, USER node, and Docker's own volume handling.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const DOCKERFILE = readDockerfile(join(ROOT, "Dockerfile"));
const { entrypoint, cmd, healthcheck } = containerCommand(DOCKERFILE);
const IMAGE_ENV = finalEnv(DOCKERFILE);
let app = "";

/** The build stage's COPY (not --from) of the repository's files into `app`, as Docker copies them into /app. */
function copyBuildContext(instructions: readonly Instruction[], into: string): void {
  for (const copy of instructions.filter((instruction) => instruction.stage === 0 && instruction.keyword === "COPY")) {
    const words = copy.text.split(/\s+/);
    const destination = words.pop() ?? "";
    for (const source of words) {
      const target = destination.endsWith("/") ? join(into, destination, basename(source)) : join(into, destination);
      cpSync(join(ROOT, source), target, { recursive: true });
    }
  }
}


/** The container's environment: only the image's ENV and `docker run -e` ones (no host variables but PATH). */
const containerEnv = (overrides: Record<string, string>): Record<string, string> => ({ PATH: process.env.PATH ?? "", ...IMAGE_ENV, ...overrides });

/** Runs `words` in /app (the temporary one) as the container would, until its first stdout line. */
async function startContainer(words: readonly string[], env: Record<string, string>): Promise<{ child: ChildProcess; line: string }> {
  const [program = "", ...args] = words;
  const child = spawn(program, args, { cwd: app, env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout }).once("line", done);
    child.once("exit", (code) => fail(new Error(`exited with ${code}: ${stderr}`)));
  });
  return { child, line };
}

const stopped = (child: ChildProcess): Promise<unknown> => new Promise((done) => (child.exitCode === null ? child.once("exit", done).kill("SIGTERM") : done(child.exitCode)));

const runHealthcheck = (env: Record<string, string>) => {
  const [program = "", ...args] = healthcheck;
  return spawnSync(program, args, { cwd: app, env, encoding: "utf8", timeout: 10_000 });
};

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), "promo-sandbox-container-"));
  copyBuildContext(DOCKERFILE, app);
  symlinkSync(join(ROOT, "node_modules"), join(app, "node_modules"), "dir");
  const build = DOCKERFILE.filter((instruction) => instruction.stage === 0 && instruction.keyword === "RUN" && instruction.text === "npm run build");
  expect(build).toHaveLength(1);
  const built = spawnSync("sh", ["-c", "npm run build"], { cwd: app, encoding: "utf8", timeout: 120_000 });
  expect(built.status, built.stderr).toBe(0);
}, 150_000);

afterAll(() => {
  if (app !== "") rmSync(app, { recursive: true, force: true });
});

describe("the Dockerfile, run on the host", () => {
  it("starts the bundle from ENTRYPOINT, the package's bin, with CMD appended", () => {
    const bin: unknown = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin;
    expect(entrypoint).toEqual(["node", "dist/src/promo-sandbox.mjs"]);
    expect(bin).toEqual({ "promo-sandbox": "dist/src/promo-sandbox.mjs" });
    expect(cmd).toEqual(["start"]);
    // The final stage copies from the build stage exactly what the temporary /app now holds.
    for (const copy of finalStage(DOCKERFILE, "COPY")) {
      const from = /^--from=build \/app\/(\S+) \.\/(\S+)$/.exec(copy.text);
      expect(from, copy.text).not.toBeNull();
      expect(existsSync(join(app, from?.[1] ?? "?")), copy.text).toBe(true);
    }
  });

  it("sets only variables the CLI reads, binding 0.0.0.0 on 8787 by default", () => {
    const known = Object.keys(START_FLAGS).map(envName);
    const ours = Object.keys(IMAGE_ENV).filter((name) => name.startsWith("PROMO_SANDBOX_"));
    expect(ours.filter((name) => !known.includes(name))).toEqual([]);
    expect(IMAGE_ENV).toMatchObject({ PROMO_SANDBOX_HOST: "0.0.0.0", PROMO_SANDBOX_PORT: "8787" });
    expect(finalStage(DOCKERFILE, "EXPOSE").map((expose) => expose.text)).toEqual([IMAGE_ENV.PROMO_SANDBOX_PORT]);
  });

  it("serves health on the container's command line, and its healthcheck says healthy", async () => {
    const port = await freePort();
    const env = containerEnv({ PROMO_SANDBOX_PORT: String(port) });
    const { child, line } = await startContainer([...entrypoint, ...cmd], env);
    try {
      // Not a terminal: the ready line is a JSON log line (--log-format defaults to json there).
      expect(JSON.parse(line)).toMatchObject({ level: 30, msg: expect.stringMatching(new RegExp(`^promo-sandbox \\S+ ready on http://0\\.0\\.0\\.0:${port} `)) });
      expect((await fetch(`http://127.0.0.1:${port}/__sandbox/health`)).status).toBe(200);
      const health = runHealthcheck(env);
      expect(health.stderr).toBe("");
      expect(health.stdout).toBe(`healthy: http://127.0.0.1:${port}/__sandbox/health answered 200\n`);
      expect(health.status).toBe(0);
    } finally {
      await stopped(child);
    }
  });

  it("appends `docker run image FLAGS` to the ENTRYPOINT, keeping the image's defaults", async () => {
    const port = await freePort();
    const env = containerEnv({ PROMO_SANDBOX_PORT: String(port) });
    // Docker replaces CMD with the run's arguments.
    const { child, line } = await startContainer([...entrypoint, "--seed", "ci", "--rate-limits", "off"], env);
    try {
      expect(line).toContain(`ready on http://0.0.0.0:${port} `);
      const settings = await fetch(`http://127.0.0.1:${port}/__sandbox/settings`, { headers: { Authorization: "Bearer docker" } });
      expect(await settings.json()).toEqual({ rateLimits: "off", consistency: "realistic", moderation: "manual" });
      expect(runHealthcheck(env).status).toBe(0);
    } finally {
      await stopped(child);
    }
  });

  it("fails the healthcheck when nothing answers on PROMO_SANDBOX_PORT", async () => {
    const port = await freePort();
    const health = runHealthcheck(containerEnv({ PROMO_SANDBOX_PORT: String(port) }));
    expect(health.status).toBe(1);
    expect(health.stdout).toBe("");
    expect(health.stderr).toBe(`unhealthy: http://127.0.0.1:${port}/__sandbox/health did not answer (connect ECONNREFUSED 127.0.0.1:${port})\n`);
    const bad = runHealthcheck(containerEnv({ PROMO_SANDBOX_PORT: "http" }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('PROMO_SANDBOX_PORT must be 0-65535, got "http"\n');
  });

  it("declares VOLUME /data, writable by node, and keeps the state file there through PROMO_SANDBOX_STATE_FILE", async () => {
    const runs = finalStage(DOCKERFILE, "RUN").map((run) => run.text);
    expect(runs).toContain("mkdir /data && chown node:node /data");
    const volume = DOCKERFILE.findIndex((instruction) => instruction.keyword === "VOLUME");
    expect(DOCKERFILE[volume]?.text).toBe("/data");
    // The folder is prepared before VOLUME (later changes to it would be discarded).
    expect(DOCKERFILE.findIndex((instruction) => instruction.text === "mkdir /data && chown node:node /data")).toBeLessThan(volume);

    const data = join(app, "data"); // stands for the volume mounted at /data
    mkdirSync(data);
    const port = await freePort();
    const env = containerEnv({ PROMO_SANDBOX_PORT: String(port), PROMO_SANDBOX_STATE_FILE: join(data, "state.json") });
    const { child } = await startContainer([...entrypoint, ...cmd], env);
    try {
      expect((await fetch(`http://127.0.0.1:${port}/__sandbox/clock`, { headers: { Authorization: "Bearer kept" } })).status).toBe(200);
    } finally {
      await stopped(child);
    }
    const saved = SandboxStateFile.parse(JSON.parse(readFileSync(join(data, "state.json"), "utf8")));
    expect(saved.tenants).toHaveLength(1);
  });
});
