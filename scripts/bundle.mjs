// Bundles the compiled CLI into one file: loading one module instead of a few hundred small ones
// (express alone is ~70) is what keeps process start to first answer under the 300 ms target
// (docs/performance.md). The openapi command stays a separate module, loaded only when asked for.
import { build } from "esbuild";

await build({
  entryPoints: ["dist/src/cli.js"],
  outfile: "dist/src/promo-sandbox.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // The openapi command loads only when asked for; the Pact kit's verifier is an optional peer, loaded by `verify` alone.
  external: ["./openapi-command.js", "@pact-foundation/pact"],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
});
