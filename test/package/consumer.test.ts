import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeConsumerProject, REPO, run, typeCheck, type ConsumerProject } from "./consumer-project.js";

// The package as a user gets it: packed, installed into a new project, type-checked and run there.
let project: ConsumerProject;

beforeAll(async () => {
  project = await makeConsumerProject();
}, 120_000);

afterAll(async () => {
  if (project !== undefined) await rm(project.root, { recursive: true, force: true });
});

const ENTRIES = ["index", "contracts/index", "clients/index", "pact/index", "testing/index"];

describe("the packed tarball", () => {
  it("holds what a user runs and reads: the bundle, the entries with their types, openapi, the console, docs, README and LICENSE; no sources, tests, bench or scripts", async () => {
    const listing = await run("tar", ["-tzf", project.tarball], REPO);
    expect(listing.code).toBe(0);
    const files = listing.output.trim().split("\n").map((line) => line.replace(/^package\//, ""));
    const expected = ["dist/src/promo-sandbox.mjs", "LICENSE", "README.md", "package.json", "openapi/yoomoney.json", "openapi/sandbox.json", "console/index.html", "console/app.js"];
    for (const entry of ENTRIES) expected.push(`dist/src/${entry}.js`, `dist/src/${entry}.d.ts`);
    expect(files).toEqual(expect.arrayContaining(expected));
    expect(files.filter((file) => /^(src|test|bench|scripts|examples|pacts|\.github)\/|^dist\/(bench|test)\/|^Dockerfile$|^tsconfig|^console\/(tsconfig\.json|.*\.d\.ts)$/.test(file))).toEqual([]);
  });

  it("runs no script when installed", async () => {
    const manifest: unknown = JSON.parse(await readFile(join(project.dir, "node_modules/promo-sandbox/package.json"), "utf8"));
    const scripts: unknown = typeof manifest === "object" && manifest !== null ? Reflect.get(manifest, "scripts") : undefined;
    const installTime = ["preinstall", "install", "postinstall", "prepare", "preprepare", "postprepare"];
    expect(Object.keys(typeof scripts === "object" && scripts !== null ? scripts : {}).filter((name) => installTime.includes(name))).toEqual([]);
  });
});

describe("a new project that installed it", () => {
  it("has the README's examples to run", () => {
    expect(project.examples).toEqual(["campaigns.test.ts", "in-process.test.ts"]);
  });

  // The fixture's @ts-expect-error lines fail the check when a type resolves to `any` (a .d.ts not found).
  it("type-checks every entry but ./pact before the package's optional peers are installed", () => {
    expect(project.withoutPeers.output).toBe("");
    expect(project.withoutPeers.code).toBe(0);
  });

  it.concurrent.each(["nodenext", "bundler"])("type-checks every entry and the README's examples under moduleResolution %s, with no flag and no @types of its own", async (mode) => {
    const checked = await typeCheck(project.dir, mode);
    expect(checked.output).toBe("");
    expect(checked.code).toBe(0);
  });

  it("runs the README's examples with vitest: the sandbox in-process, called through typed clients, answers parsed with the exported contracts", async () => {
    const tested = await run(process.execPath, ["node_modules/vitest/vitest.mjs", "run"], project.dir);
    expect(tested.output).toMatch(/Tests\s+4 passed \(4\)/);
    expect(tested.code).toBe(0);
  });

  it("starts the promo-sandbox command from the installed package", async () => {
    const child = spawn(join(project.dir, "node_modules/.bin/promo-sandbox"), ["--port", "0"], { cwd: project.dir, stdio: ["ignore", "pipe", "inherit"] });
    try {
      const lines = createInterface({ input: child.stdout });
      let url: string | undefined;
      for await (const line of lines) {
        url = /ready on (http:\/\/\S+)/.exec(line)?.[1];
        if (url !== undefined) break;
      }
      expect(url).toBeDefined();
      const health = await fetch(`${url}/__sandbox/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", providers: ["yoomoney", "wildberries", "myshare"] });
    } finally {
      child.kill("SIGTERM");
    }
  });
});
