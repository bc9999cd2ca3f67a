// `npm run bench`: the speed targets, measured in one run on this machine; exits 1 when one fails.
// `node dist/bench/run.js startup timers` runs only the named benchmarks (and leaves results/latest.md alone).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { RESULTS_FILE } from "./paths.js";
import { renderReport, type Row } from "./report.js";

interface Bench {
  name: string;
  run: () => Promise<{ rows: Row[]; notes: string[] }>;
}

// Each bench is imported only when it runs: one that imports the sandbox's own modules (wb-fullstats,
// add-pins, tenant-isolation) cannot stop the others from loading while src/ is mid-change.
const BENCHES: readonly Bench[] = [
  { name: "startup", run: async () => (await import("./startup.js")).benchStartup() },
  { name: "npm-start", run: async () => (await import("./npm-start.js")).benchNpmStart() },
  { name: "throughput", run: async () => (await import("./throughput.js")).benchThroughput() },
  { name: "anchors", run: async () => (await import("./anchors.js")).benchAnchors() },
  { name: "add-pins", run: async () => (await import("./add-pins.js")).benchAddPins() },
  { name: "timers", run: async () => (await import("./timers.js")).benchTimers() },
  { name: "wb-advance", run: async () => (await import("./wb-advance.js")).benchWbAdvance() },
  { name: "wb-fullstats", run: async () => (await import("./wb-fullstats.js")).benchWbFullstats() },
  { name: "tenants-memory", run: async () => (await import("./tenants-memory.js")).benchTenantsMemory() },
  { name: "tenant-isolation", run: async () => (await import("./tenant-isolation.js")).benchTenantIsolation() },
  { name: "durability-kill9", run: async () => (await import("./durability.js")).killTrials() },
  { name: "durability-throughput", run: async () => (await import("./durability.js")).throughput() },
  { name: "durability-1m", run: async () => (await import("./durability.js")).millionCodes() },
  { name: "replicas", run: async () => (await import("./replicas.js")).benchReplicas() },
];

const selected = process.argv.slice(2);
const unknown = selected.filter((name) => !BENCHES.some((bench) => bench.name === name));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench ${unknown.join(", ")}; the benches are: ${BENCHES.map((bench) => bench.name).join(", ")}\n`);
  process.exit(2);
}
const rows: Row[] = [];
const notes: string[] = [];
const began = performance.now();
for (const bench of BENCHES) {
  if (selected.length > 0 && !selected.includes(bench.name)) continue;
  process.stderr.write(`bench: ${bench.name}…\n`);
  try {
    const outcome = await bench.run();
    rows.push(...outcome.rows);
    notes.push(...outcome.notes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    rows.push({ metric: `${bench.name}: could not run`, measured: message.slice(0, 300), target: "runs", pass: false });
  }
}
notes.push(`total bench time ${((performance.now() - began) / 1000).toFixed(0)} s`);

const report = renderReport(rows, notes, new Date());
process.stdout.write(report);
if (selected.length === 0) {
  await mkdir(dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, report);
}
process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0;
