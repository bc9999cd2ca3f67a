import { fileURLToPath } from "node:url";

// The benchmarks run compiled, from dist/bench/ (see bench/tsconfig.json), next to dist/src/.

/** The sandbox CLI exactly as users run it. */
export const CLI_JS = fileURLToPath(new URL("../src/cli.js", import.meta.url));
export const HELLO_SERVER = fileURLToPath(new URL("./hello-server.js", import.meta.url));
export const POST_ECHO_SERVER = fileURLToPath(new URL("./post-echo-server.js", import.meta.url));
export const MEMORY_SERVER = fileURLToPath(new URL("./memory-server.js", import.meta.url));
/** In the source tree, not in dist/. */
export const RESULTS_FILE = fileURLToPath(new URL("../../bench/results/latest.md", import.meta.url));

/** node arguments that run the sandbox CLI on a free port with rate limits off. */
export const SANDBOX_ARGS: readonly string[] = [CLI_JS, "--port", "0", "--host", "127.0.0.1", "--rate-limits", "off"];
