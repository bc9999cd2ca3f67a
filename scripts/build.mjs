// `npm run build`: dist/src from scratch (files of deleted or moved sources must not linger into the package),
// tsc (the .js and .d.ts of every module, tsconfig.build.json), then the bundled CLI (scripts/bundle.mjs).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(new URL("../dist/src", import.meta.url), { recursive: true, force: true });
const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
const compiled = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
if (compiled.status !== 0) {
  process.stderr.write(`build: tsc -p tsconfig.build.json failed (exit ${compiled.status ?? compiled.signal}); fix the errors above and run npm run build again\n`);
  process.exit(1);
}
await import("./bundle.mjs");
