// `npm run bench`: the speed targets, measured in one run on this machine; exits 1 when one fails.
// `node dist/bench/run.js startup timers` runs only the named benchmarks (and leaves results/latest.md alone).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { benchAddPins } from "./add-pins.js";
import { RESULTS_FILE } from "./paths.js";
import { renderReport, type Row } from "./report.js";
import { benchStartup } from "./startup.js";
import { benchTenantsMemory } from "./tenants-memory.js";
import { benchTenantIsolation } from "./tenant-isolation.js";
import { benchThroughput } from "./throughput.js";
import { benchTimers } from "./timers.js";
import { benchWbAdvance } from "./wb-advance.js";
import { benchWbFullstats } from "./wb-fullstats.js";

interface Bench {
  name: string;
  run: () => Promise<{ rows: Row[]; notes: string[] }>;
}

const BENCHES: readonly Bench[] = [
  { name: "startup", run: benchStartup },
  { name: "throughput", run: benchThroughput },
  { name: "add-pins", run: benchAddPins },
  { name: "timers", run: benchTimers },
  { name: "wb-advance", run: benchWbAdvance },
  { name: "wb-fullstats", run: benchWbFullstats },
  { name: "tenants-memory", run: benchTenantsMemory },
  { name: "tenant-isolation", run: benchTenantIsolation },
];

const selected = process.argv.slice(2);
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
