// `npm start`'s (scripts/start.mjs) and `npm pack`'s pre-step: builds only when dist/ is older than what it is built from, so
// `npm start` on a built, up-to-date tree starts at once and a fresh clone still builds on its first start.
// Stale: the bundled CLI (written last by the build) is missing, or a file or folder under src/ or scripts/
// (a deletion changes its folder's time), a tsconfig, or the installed dependencies changed after it.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const BUILT = join(root, "dist/src/promo-sandbox.mjs");
const INPUT_TREES = ["src", "scripts"];
const INPUT_FILES = ["tsconfig.json", "tsconfig.build.json", "node_modules/.package-lock.json"];

/** Modification time in ms, or undefined when the path does not exist. */
function mtimeOf(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

/** The first path under `dir` (the folder included) changed after `since`, or undefined. */
function newerUnder(dir, since) {
  if ((mtimeOf(dir) ?? 0) > since) return dir;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const found = entry.isDirectory() ? newerUnder(path, since) : (mtimeOf(path) ?? 0) > since ? path : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Why the build is stale ("src/server.ts changed since the last build"), or undefined when it is up to date. */
export function staleReason() {
  const built = mtimeOf(BUILT);
  if (built === undefined) return "no build yet: dist/src/promo-sandbox.mjs is missing";
  for (const file of INPUT_FILES) {
    if ((mtimeOf(join(root, file)) ?? 0) > built) return `${file} changed since the last build`;
  }
  for (const tree of INPUT_TREES) {
    const found = newerUnder(join(root, tree), built);
    if (found !== undefined) return `${found.slice(root.length)} changed since the last build`;
  }
  return undefined;
}

/** Builds (scripts/build.mjs) when the build is stale; says why on stderr. */
export async function buildIfStale() {
  const reason = staleReason();
  if (reason === undefined) return;
  process.stderr.write(`promo-sandbox: building (${reason})\n`);
  await import("./build.mjs");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildIfStale();
