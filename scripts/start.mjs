// `npm start [-- flags]`: builds first only when dist/ is stale, then runs the bundled CLI (package.json's
// `bin`) in this same process, so an up-to-date tree starts in one node process with no build.
import { buildIfStale } from "./build-if-stale.mjs";

await buildIfStale();
await import("../dist/src/promo-sandbox.mjs");
