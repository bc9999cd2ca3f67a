// What one-call tenants cost: 50,000 tokens making one authenticated call each (a Wildberries GET /ping,
// a YooMoney categories/get), against the sandbox with its defaults in a child process; the memory it keeps,
// against the target of issue 8 (≤ 100 MB). Memory is read after two forced collections, right after the
// calls and again once the server has been idle SETTLE_MS (V8's memory reducer compacts the old space of an
// idle process and gives pages back: right after a burst much of the resident growth is half-empty pages).
// Then the same with --tenant-ttl 1: once they are idle past it, the tenants are evicted and their memory
// is given back.
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { spawnServer, stopChild } from "./child-process.js";
import { probeSettled, type MemoryProbeReply } from "./memory-probe.js";
import type { Row } from "./report.js";
import { MB, formatMb } from "./stats.js";

const TENANTS = 50_000;
const WARM_UP = 1_000;
const IN_FLIGHT = 32;
const SETTLE_MS = 20_000;
const TARGET_BYTES = 100 * MB;
/** After eviction, the tenants' memory must be (nearly) all given back. */
const EVICTED_TARGET_BYTES = 10 * MB;
const TENANTS_SERVER = fileURLToPath(new URL("./tenants-server.js", import.meta.url));

interface OneCall {
  label: string;
  call(baseUrl: string, token: string): Promise<Response>;
}

const CALLS: readonly OneCall[] = [
  { label: "Wildberries GET /ping", call: (url, token) => fetch(`${url}/ping`, { headers: { authorization: token } }) },
  {
    label: "YooMoney categories/get",
    call: (url, token) =>
      fetch(`${url}/api/offerwall/v1/categories/get`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: "{}",
      }),
  },
];

/** `count` tenants named `${prefix}-<n>`, one call each, IN_FLIGHT at a time; every answer must be 200. */
async function oneCallTenants(baseUrl: string, call: OneCall, prefix: string, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const token = `${prefix}-${next++}`;
      const response = await call.call(baseUrl, token);
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${call.label} for ${token}: HTTP ${response.status} ${text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

interface Growth {
  rss: number;
  heap: number;
}

function grown(before: MemoryProbeReply, after: MemoryProbeReply): Growth {
  return { rss: after.rss - before.rss, heap: after.heapUsed + after.external - (before.heapUsed + before.external) };
}

/** Baseline after a warm-up and a pause, then TENANTS one-call tenants: the growth right after, and settled. */
async function measure(call: OneCall, ttlSeconds?: number): Promise<{ immediate: Growth; settled: Growth; seconds: number }> {
  const args = ["--expose-gc", TENANTS_SERVER, ...(ttlSeconds === undefined ? [] : ["--tenant-ttl", String(ttlSeconds)])];
  const server = await spawnServer({ args, ipc: true });
  try {
    await oneCallTenants(server.url, call, "warm-up", WARM_UP);
    await sleep(SETTLE_MS);
    const before = await probeSettled(server.child);
    const started = performance.now();
    await oneCallTenants(server.url, call, "bench-tenant", TENANTS);
    const seconds = (performance.now() - started) / 1000;
    const immediate = grown(before, await probeSettled(server.child));
    await sleep(SETTLE_MS);
    return { immediate, settled: grown(before, await probeSettled(server.child)), seconds };
  } finally {
    await stopChild(server.child);
  }
}

export async function benchTenantsMemory(): Promise<{ rows: Row[]; notes: string[] }> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const count = TENANTS.toLocaleString("en");
  for (const call of CALLS) {
    const kept = await measure(call);
    const { settled, immediate } = kept;
    rows.push({
      metric: `tenants-memory: ${count} one-call tenants (${call.label} each, defaults), resident memory added, ${SETTLE_MS / 1000} s after the calls`,
      measured: `${formatMb(settled.rss)} (heap +${formatMb(settled.heap)}, ${Math.round(settled.heap / TENANTS)} B a tenant; right after the calls: resident +${formatMb(immediate.rss)})`,
      target: `≤ ${formatMb(TARGET_BYTES)}`,
      pass: settled.rss <= TARGET_BYTES && settled.heap <= TARGET_BYTES,
    });
    notes.push(`tenants-memory: ${count} ${call.label} calls, ${IN_FLIGHT} in flight, took ${kept.seconds.toFixed(1)} s`);
  }
  const first = CALLS[0];
  if (first !== undefined) {
    // The sweep runs at least once a TTL (here every second), so by then every tenant is gone.
    const { settled } = await measure(first, 1);
    rows.push({
      metric: `tenants-memory: the same ${count} tenants with --tenant-ttl 1, ${SETTLE_MS / 1000} s after the last call, heap added`,
      measured: `${formatMb(settled.heap)} (resident +${formatMb(settled.rss)})`,
      target: `≤ ${formatMb(EVICTED_TARGET_BYTES)}`,
      pass: settled.heap <= EVICTED_TARGET_BYTES,
    });
  }
  return { rows, notes };
}
