import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";

export const REPO = resolve(import.meta.dirname, "../..");
const FIXTURE = join(import.meta.dirname, "fixture");
const README_SECTION = "## Use it from your tests";
/** A README code block written into the project as a file starts with its name: `// campaigns.test.ts`. */
const EXAMPLE_FILE = /^\/\/ ([\w.-]+\.ts)\n/;

export interface Ran {
  code: number;
  output: string;
}

/**
 * The environment of a child: this process's, without what npm and vitest set for their own children (a
 * nested npm would read npm_config_* as its own configuration, a nested vitest VITEST_* as its pool's).
 */
function childEnv(): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|VITEST)/i.test(name))), NO_COLOR: "1" };
}

/** Runs a command to its end; never rejects, so a test can show what it printed. */
export async function run(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd, env: childEnv(), maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error instanceof Error ? error : new Error(String(error));
    const code = Reflect.get(failed, "code");
    const output = `${String(Reflect.get(failed, "stdout") ?? "")}${String(Reflect.get(failed, "stderr") ?? "")}`;
    return { code: typeof code === "number" ? code : 1, output: output === "" ? failed.message : output };
  }
}

async function mustRun(command: string, args: readonly string[], cwd: string): Promise<string> {
  const ran = await run(command, args, cwd);
  if (ran.code !== 0) throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${ran.code}:\n${ran.output}`);
  return ran.output;
}

/** The packages the tarball needs at run time: package-lock.json's entries that are not dev-only. */
async function runtimePackages(): Promise<string[]> {
  const lock: unknown = JSON.parse(await readFile(join(REPO, "package-lock.json"), "utf8"));
  const packages: unknown = typeof lock === "object" && lock !== null ? Reflect.get(lock, "packages") : undefined;
  if (typeof packages !== "object" || packages === null) throw new Error("package-lock.json has no packages map: run npm install");
  return Object.entries(packages)
    .filter(([path, entry]: [string, unknown]) => path !== "" && typeof entry === "object" && entry !== null && Reflect.get(entry, "dev") !== true && Reflect.get(entry, "devOptional") !== true)
    .map(([path]) => join(REPO, path));
}

/** The README section's examples: every ```ts block that starts with its file name. */
export async function readmeExamples(): Promise<Map<string, string>> {
  const readme = await readFile(join(REPO, "README.md"), "utf8");
  const start = readme.indexOf(`\n${README_SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no "${README_SECTION}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const examples = new Map<string, string>();
  for (const block of section.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const code = block[1] ?? "";
    const name = EXAMPLE_FILE.exec(code)?.[1];
    if (name !== undefined) examples.set(name, code);
  }
  return examples;
}

export interface ConsumerProject {
  /** The temporary folder holding the tarballs and the project: removed after the tests. */
  root: string;
  dir: string;
  tarball: string;
  examples: readonly string[];
  /** tsc on check.ts (every entry but ./pact) before the package's optional peers were installed. */
  withoutPeers: Ran;
}

/**
 * A new project that installed the packed tarball, as a user's would: `npm pack` (its prepack builds only
 * when dist/ is stale), then `npm install <tarball>` offline. The registry may be unreachable here, so the
 * tarball's own dependencies are installed from tarballs packed from this repo's node_modules (a user's npm
 * fetches the same versions from the registry). typescript and vitest are linked from this repo.
 */
export async function makeConsumerProject(): Promise<ConsumerProject> {
  const root = await mkdtemp(join(tmpdir(), "promo-sandbox-consumer-"));
  const packs = join(root, "packs");
  const dir = join(root, "project");
  await mkdir(packs);
  await mkdir(dir);
  await mustRun("npm", ["pack", "--pack-destination", packs], REPO);
  const tarball = (await readdir(packs)).find((name) => name.startsWith("promo-sandbox-") && name.endsWith(".tgz"));
  if (tarball === undefined) throw new Error(`npm pack wrote no promo-sandbox-*.tgz into ${packs}`);
  const deps = join(root, "deps");
  await mkdir(deps);
  await mustRun("npm", ["pack", "--ignore-scripts", "--offline", "--pack-destination", deps, ...(await runtimePackages())], root);

  await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`);
  const depTarballs = (await readdir(deps)).map((name) => join(deps, name));
  await mustRun("npm", ["install", "--offline", "--no-audit", "--no-fund", ...depTarballs, join(packs, tarball)], dir);
  for (const tool of ["typescript", "vitest"]) await symlink(join(REPO, "node_modules", tool), join(dir, "node_modules", tool), "dir");

  for (const file of await readdir(FIXTURE)) await copyFile(join(FIXTURE, file), join(dir, file));
  const examples = await readmeExamples();
  for (const [name, code] of examples) await writeFile(join(dir, name), code);
  // Before the optional peers are there: every entry but ./pact must type-check without them.
  const withoutPeers = await typeCheck(dir, "no-peer");
  for (const peer of await peersOf(join(dir, "node_modules/promo-sandbox/package.json"))) {
    await mkdir(dirname(join(dir, "node_modules", peer)), { recursive: true });
    await symlink(join(REPO, "node_modules", peer), join(dir, "node_modules", peer), "dir");
  }
  return { root, dir, tarball: join(packs, tarball), examples: [...examples.keys()], withoutPeers };
}

/** tsc -p tsconfig.<config>.json in the project. */
export function typeCheck(dir: string, config: string): Promise<Ran> {
  return run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", `tsconfig.${config}.json`], dir);
}

/** The package's peer dependencies, optional ones included: a user of the entry that needs one installs it. */
async function peersOf(manifestPath: string): Promise<string[]> {
  const manifest: unknown = JSON.parse(await readFile(manifestPath, "utf8"));
  const peers: unknown = typeof manifest === "object" && manifest !== null ? Reflect.get(manifest, "peerDependencies") : undefined;
  return typeof peers === "object" && peers !== null ? Object.keys(peers) : [];
}
