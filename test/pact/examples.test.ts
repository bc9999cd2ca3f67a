import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { REPO, run } from "../package/consumer-project.js";

// examples/consumer end to end, offline: its Pact tests (written with promo-sandbox/pact) write its pacts, then
// `promo-sandbox verify pacts` verifies them against a sandbox started in-process. The project is a copy in a
// temporary folder whose node_modules links promo-sandbox to this repo (built: its exports point at dist/) and
// every other package the example's package.json names to this repo's node_modules.
const EXAMPLE = join(REPO, "examples/consumer");
const Manifest = z.object({ devDependencies: z.record(z.string(), z.string()), bin: z.record(z.string(), z.string()).optional() });

const manifestOf = async (dir: string) => Manifest.parse(JSON.parse(await readFile(join(dir, "package.json"), "utf8")));

let root: string;
let project: string;

async function link(target: string, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await symlink(target, path, "dir");
}

beforeAll(async () => {
  const built = await run(process.execPath, ["scripts/build-if-stale.mjs"], REPO);
  if (built.code !== 0) throw new Error(`the build failed (exit ${built.code}):\n${built.output}`);
  root = await mkdtemp(join(tmpdir(), "promo-sandbox-example-"));
  project = join(root, "consumer");
  await cp(EXAMPLE, project, { recursive: true, filter: (source) => !/[/\\](node_modules|pacts)$/.test(source) });
  const own = await manifestOf(REPO);
  for (const name of Object.keys((await manifestOf(project)).devDependencies)) {
    await link(name === "promo-sandbox" ? REPO : join(REPO, "node_modules", name), join(project, "node_modules", name));
  }
  for (const [command, file] of Object.entries(own.bin ?? {})) {
    await mkdir(join(project, "node_modules/.bin"), { recursive: true });
    await symlink(join(REPO, file), join(project, "node_modules/.bin", command));
  }
}, 120_000);

afterAll(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

const promoSandbox = (args: readonly string[]) => run(join(project, "node_modules/.bin/promo-sandbox"), args, project);

describe("examples/consumer", () => {
  it("type-checks against the package's types (given, fromState, matchersFor, the typed clients)", async () => {
    const checked = await run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "."], project);
    expect(checked.output).toBe("");
    expect(checked.code).toBe(0);
  });

  it("its Pact tests pass and write one pact per provider", async () => {
    const tested = await run(process.execPath, ["node_modules/vitest/vitest.mjs", "run"], project);
    expect(tested.output).toMatch(/Tests\s+6 passed \(6\)/);
    expect(tested.code).toBe(0);
    expect((await readdir(join(project, "pacts"))).sort()).toEqual([
      "promotions-service-myshare.json",
      "promotions-service-wildberries-promotion.json",
      "promotions-service-yoomoney.json",
    ]);
  }, 90_000);

  it("promo-sandbox verify pacts: every interaction passes against the sandbox, exit 0", async () => {
    const verified = await promoSandbox(["verify", "pacts"]);
    expect(verified.output).toContain("verified 3 pact file(s): every interaction passed");
    expect(verified.output).not.toContain("MISMATCH");
    expect(verified.code).toBe(0);
  });

  it("a pact that expects a wrong status fails, exit 1, naming the interaction and what differed", async () => {
    const file = "promotions-service-yoomoney.json";
    const pact: unknown = JSON.parse(await readFile(join(project, "pacts", file), "utf8"));
    const interactions = z.object({ interactions: z.array(z.looseObject({ description: z.string(), response: z.looseObject({ status: z.number() }) })) }).parse(pact).interactions;
    const broken = interactions.find((interaction) => interaction.description.startsWith("campaigns/info"));
    if (broken === undefined) throw new Error(`${file} has no campaigns/info interaction: ${interactions.map((i) => i.description).join(", ")}`);
    broken.response.status = 201;
    const dir = join(root, "broken");
    await mkdir(dir);
    await writeFile(join(dir, file), JSON.stringify({ ...z.looseObject({}).parse(pact), interactions }));

    const verified = await promoSandbox(["verify", dir]);
    expect(verified.code).toBe(1);
    const report = verified.output.slice(verified.output.indexOf("\nMISMATCH ") + 1);
    expect(report).toMatch(/^MISMATCH .*campaigns\/info of a started campaign with 2 unused codes of 3: expected 201 but was 200\n/);
    expect(report).toContain("verification failed: 0 state(s) failed, 1 mismatch(es)");
    expect(report).not.toContain("campaigns/redeem");
  });
});
