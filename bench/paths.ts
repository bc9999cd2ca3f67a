import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The benchmarks run compiled, from dist/bench/ (see bench/tsconfig.json), next to dist/src/.

const PACKAGE_ROOT = new URL("../../", import.meta.url);

/** The command users run: package.json's `bin` entry (the bundled CLI), falling back to dist/src/cli.js. */
function cliEntry(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("package.json", PACKAGE_ROOT), "utf8"));
  const bin: unknown = typeof manifest === "object" && manifest !== null ? Reflect.get(manifest, "bin") : undefined;
  const entry: unknown = typeof bin === "object" && bin !== null ? Reflect.get(bin, "promo-sandbox") : bin;
  return fileURLToPath(new URL(typeof entry === "string" ? entry : "dist/src/cli.js", PACKAGE_ROOT));
}

export const CLI_ENTRY = cliEntry();
export const HELLO_SERVER = fileURLToPath(new URL("./hello-server.js", import.meta.url));
export const RAW_HELLO_SERVER = fileURLToPath(new URL("./raw-hello-server.js", import.meta.url));
export const POST_ECHO_SERVER = fileURLToPath(new URL("./post-echo-server.js", import.meta.url));
export const MEMORY_SERVER = fileURLToPath(new URL("./memory-server.js", import.meta.url));
/** The folder of the WireMock standalone jar the `wiremock` devDependency ships. */
export const WIREMOCK_BUILD_DIR = fileURLToPath(new URL("node_modules/wiremock/build/", PACKAGE_ROOT));
/** Prism's CLI script (a node script; `node_modules/.bin/prism` links to it). */
export const PRISM_CLI = fileURLToPath(new URL("node_modules/.bin/prism", PACKAGE_ROOT));
/** Our Wildberries OpenAPI document, the spec Prism mocks. */
export const WB_OPENAPI = fileURLToPath(new URL("openapi/wildberries.json", PACKAGE_ROOT));
/** In the source tree, not in dist/. */
export const RESULTS_FILE = fileURLToPath(new URL("bench/results/latest.md", PACKAGE_ROOT));

/** node arguments that run the sandbox CLI on a free port with rate limits off. */
export const SANDBOX_ARGS: readonly string[] = [CLI_ENTRY, "--port", "0", "--host", "127.0.0.1", "--rate-limits", "off"];
