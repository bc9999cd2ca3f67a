import { fileURLToPath } from "node:url";

/** Files the benchmarks start, resolved from this folder so the working directory does not matter. */
export const CLI_JS = fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));
export const HELLO_SERVER = fileURLToPath(new URL("./hello-server.ts", import.meta.url));
export const MEMORY_SERVER = fileURLToPath(new URL("./memory-server.ts", import.meta.url));
export const RESULTS_FILE = fileURLToPath(new URL("./results/latest.md", import.meta.url));

/** node arguments that run the compiled sandbox CLI exactly as a user would, on a free port. */
export const SANDBOX_ARGS: readonly string[] = [CLI_JS, "--port", "0", "--host", "127.0.0.1", "--rate-limits", "off"];

/** node arguments that load a TypeScript file of this folder through tsx. */
export function tsxArgs(file: string, nodeFlags: readonly string[] = []): string[] {
  return [...nodeFlags, "--import", "tsx", file];
}
