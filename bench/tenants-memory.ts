// What one-call tenants cost: 50,000 tokens making one authenticated call each (a Wildberries GET /ping,
// a YooMoney categories/get), against the sandbox with its defaults in a child process; the memory it keeps,
// against the target of issue 8 (≤ 100 MB). Memory is read after two forced collections, right after the
// calls and again once the idle server's resident memory has settled (V8's memory reducer compacts the old
// space of an idle process and gives pages back: right after a burst much of the resident growth is
// half-empty pages). The baseline is read settled too.
// Then the same with --tenant-ttl 1: once they are idle past it, the tenants are evicted and their memory
// is given back. With the 50,000 YooMoney tenants in place, campaigns/stop of another partner's campaign
// (failMerchant, which once looked through every tenant: 14.7 ms) is timed against categories/get.
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { spawnServer, stopChild, type RunningChild } from "./child-process.js";
import { probeSettled, type MemoryProbeReply } from "./memory-probe.js";
import type { Row } from "./report.js";
import { MB, formatMb, formatMs, median } from "./stats.js";
import { campaignBody, createCampaign, postJson } from "./yoomoney-client.js";

const TENANTS = 50_000;
const WARM_UP = 1_000;
const IN_FLIGHT = 32;
/** Settled: two reads SETTLE_STEP_MS apart differ by less than SETTLE_TOLERANCE (at most SETTLE_STEPS reads). */
const SETTLE_STEP_MS = 5_000;
const SETTLE_STEPS = 12;
const SETTLE_TOLERANCE = 2 * MB;
const TARGET_BYTES = 100 * MB;
/** After eviction, the tenants' memory must be (nearly) all given back. */
const EVICTED_TARGET_BYTES = 10 * MB;
const TENANTS_SERVER = fileURLToPath(new URL("./tenants-server.js", import.meta.url));
/** Within one tenant's YooMoney burst (100 calls), since the server enforces rate limits as by default. */
const STOP_CALLS = 90;
/** campaigns/stop may cost at most this much more than categories/get (median): no work grows with the tenants. */
const STOP_EXTRA_TARGET_MS = 1;

interface OneCall {
  label: string;
  call(baseUrl: string, token: string): Promise<Response>;
  /** Runs against the server once its tenants' memory was read. */
  afterwards?: (baseUrl: string) => Promise<Row>;
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
    afterwards: timeStop,
  },
];

/** Median milliseconds of `count` sequential YooMoney calls of `method` with `body`; each must answer `expect`. */
async function medianMs(baseUrl: string, token: string, method: string, body: unknown, expect: (text: string) => boolean, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const answer = await postJson(baseUrl, `/api/offerwall/v1/${method}`, token, body);
    times.push(performance.now() - started);
    if (answer.status !== 200 || !expect(answer.text)) throw new Error(`${method}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
  }
  return median(times);
}

/** campaigns/stop of another partner's campaign (failMerchant) against categories/get, among TENANTS tenants. */
async function timeStop(baseUrl: string): Promise<Row> {
  const owned = await createCampaign(baseUrl, "stop-owner", campaignBody(1));
  const reference = await medianMs(baseUrl, "stop-reference", "categories/get", {}, (text) => text.includes('"success"'), STOP_CALLS);
  const stop = await medianMs(baseUrl, "stop-other", "campaigns/stop", { ymCampaignId: owned }, (text) => text.includes('"failMerchant"'), STOP_CALLS);
  return {
    metric: `tenants-memory: campaigns/stop of another partner's campaign (failMerchant) among ${TENANTS.toLocaleString("en")} tenants, median of ${STOP_CALLS}`,
    measured: `${formatMs(stop)} (categories/get: ${formatMs(reference)})`,
    target: `≤ categories/get + ${STOP_EXTRA_TARGET_MS} ms`,
    pass: stop <= reference + STOP_EXTRA_TARGET_MS,
  };
}

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

/** The server's memory once it stopped giving pages back while idle; how long that took. */
async function settled(server: RunningChild): Promise<{ memory: MemoryProbeReply; seconds: number }> {
  let last = await probeSettled(server.child);
  for (let step = 1; step <= SETTLE_STEPS; step++) {
    await sleep(SETTLE_STEP_MS);
    const now = await probeSettled(server.child);
    if (Math.abs(now.rss - last.rss) < SETTLE_TOLERANCE) return { memory: now, seconds: (step * SETTLE_STEP_MS) / 1000 };
    last = now;
  }
  return { memory: last, seconds: (SETTLE_STEPS * SETTLE_STEP_MS) / 1000 };
}

/** Baseline after a warm-up, settled, then TENANTS one-call tenants: the growth right after, and settled. */
async function measure(call: OneCall, ttlSeconds?: number): Promise<{ immediate: Growth; settled: Growth; seconds: number; settledAfter: number; extra: Row | undefined }> {
  const args = ["--expose-gc", TENANTS_SERVER, ...(ttlSeconds === undefined ? [] : ["--tenant-ttl", String(ttlSeconds)])];
  const server = await spawnServer({ args, ipc: true });
  try {
    await oneCallTenants(server.url, call, "warm-up", WARM_UP);
    const before = (await settled(server)).memory;
    const started = performance.now();
    await oneCallTenants(server.url, call, "bench-tenant", TENANTS);
    const seconds = (performance.now() - started) / 1000;
    const immediate = grown(before, await probeSettled(server.child));
    const after = await settled(server);
    const extra = ttlSeconds === undefined ? await call.afterwards?.(server.url) : undefined;
    return { immediate, settled: grown(before, after.memory), seconds, settledAfter: after.seconds, extra };
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
      metric: `tenants-memory: ${count} one-call tenants (${call.label} each, defaults), resident memory added once settled`,
      measured: `${formatMb(settled.rss)} (heap +${formatMb(settled.heap)}, ${Math.round(settled.heap / TENANTS)} B a tenant; right after the calls: resident +${formatMb(immediate.rss)})`,
      target: `≤ ${formatMb(TARGET_BYTES)}`,
      pass: settled.rss <= TARGET_BYTES && settled.heap <= TARGET_BYTES,
    });
    if (kept.extra !== undefined) rows.push(kept.extra);
    notes.push(`tenants-memory: ${count} ${call.label} calls, ${IN_FLIGHT} in flight, took ${kept.seconds.toFixed(1)} s; resident memory settled ${kept.settledAfter} s after`);
  }
  const first = CALLS[0];
  if (first !== undefined) {
    // The sweep runs at least once a TTL (here every second), so by then every tenant is gone.
    const evicted = (await measure(first, 1)).settled;
    rows.push({
      metric: `tenants-memory: the same ${count} tenants with --tenant-ttl 1, once idle and settled, heap added`,
      measured: `${formatMb(evicted.heap)} (resident +${formatMb(evicted.rss)})`,
      target: `≤ ${formatMb(EVICTED_TARGET_BYTES)}`,
      pass: evicted.heap <= EVICTED_TARGET_BYTES,
    });
  }
  return { rows, notes };
}
