// Issue 12's team sandbox: throughput and sequential latency with `--store redis://…` (one and two replicas
// on one Redis, appendfsync always) against memory only. Informative rows (the issue sets no target here).
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { redisServer, TestRedis } from "../test/support/redis-server.js";
import { spawnServer, stopChild, type RunningChild } from "./child-process.js";
import type { Row } from "./report.js";
import { formatMs, median, percentile } from "./stats.js";

const DURABLE_SERVER = fileURLToPath(new URL("./durable-server.js", import.meta.url));
const LOAD_SECONDS = 5;
const CONNECTIONS = 50;
const SEQUENTIAL_MS = 3_000;
/** Tenants the many-tenant load spreads over (one per connection). */
const TENANTS = CONNECTIONS;

/** A top-up: a write every store records (one entry), answered 200 with the new balance. */
const WRITE = { method: "POST" as const, path: "/__sandbox/wildberries/balance", body: JSON.stringify({ balance: 1 }) };

function start(store: string | undefined): Promise<RunningChild> {
  return spawnServer({ args: [DURABLE_SERVER], env: { STORE: store ?? "" }, timeoutMs: 30_000 });
}

/**
 * How a load's requests name tenants: all one tenant; TENANTS tenants each on every replica (no sticky
 * routing); or TENANTS tenants split between the replicas (sticky routing, as deploy/nginx.conf hashes tokens).
 */
type Spread = "one tenant" | "tenants on every replica" | "tenants split by replica";

/** `CONNECTIONS` connections spread over `urls`, for LOAD_SECONDS. Returns req/s (sum), bad answers and the worst p99. */
async function loadOn(urls: readonly string[], spread: Spread): Promise<{ rps: number; bad: number; p99: number }> {
  let next = 0;
  const perReplica = Math.ceil(TENANTS / urls.length);
  const tenantOf = (replica: number): string => (spread === "tenants split by replica" ? `bench-${replica}-${next++ % perReplica}` : `bench-${next++ % TENANTS}`);
  const runs = await Promise.all(
    urls.map((url, replica) =>
      autocannon({
        url: `${url}${WRITE.path}`,
        method: WRITE.method,
        body: WRITE.body,
        headers: { "content-type": "application/json", authorization: "Bearer bench-one" },
        connections: Math.round(CONNECTIONS / urls.length),
        duration: LOAD_SECONDS,
        ...(spread === "one tenant" ? {} : { requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${tenantOf(replica)}` } }) }] }),
        renderProgressBar: false,
        renderResultsTable: false,
        renderLatencyTable: false,
      }),
    ),
  );
  return {
    rps: runs.reduce((sum, run) => sum + run.requests.average, 0),
    bad: runs.reduce((sum, run) => sum + run.errors + run.non2xx + run.mismatches, 0),
    p99: Math.max(...runs.map((run) => run.latency.p99)),
  };
}

/** One write at a time for SEQUENTIAL_MS, alternating over `urls`: milliseconds per answered write. */
async function sequentialOn(urls: readonly string[]): Promise<{ samples: number[]; bad: number }> {
  const samples: number[] = [];
  let bad = 0;
  const deadline = performance.now() + SEQUENTIAL_MS;
  for (let i = 0; performance.now() < deadline; i++) {
    const url = urls[i % urls.length] ?? "";
    const started = performance.now();
    const res = await fetch(`${url}${WRITE.path}`, { method: WRITE.method, body: WRITE.body, headers: { "content-type": "application/json", authorization: "Bearer bench-seq" } });
    await res.text();
    if (i < 20) continue;
    if (res.status === 200) samples.push(performance.now() - started);
    else bad++;
  }
  return { samples, bad };
}

export async function benchReplicas(): Promise<{ rows: Row[]; notes: string[] }> {
  const program = redisServer.path;
  if (program === undefined) return { rows: [], notes: ["replicas: skipped, redis-server is not installed (apt-get install -y redis-server)"] };
  // The tests' own redis-server (appendonly, fsync before each acknowledgement, a temporary folder).
  const redis = await TestRedis.start(program);
  const rows: Row[] = [];
  const notes: string[] = [`replicas: ${CONNECTIONS} connections × ${LOAD_SECONDS} s of Wildberries balance top-ups per run; sequential: one write at a time for ${SEQUENTIAL_MS / 1000} s; Redis ${program} with appendfsync always on this machine's disk`];
  const setups: Array<{ name: string; replicas: number; store: boolean }> = [
    { name: "memory only, 1 process", replicas: 1, store: false },
    { name: "--store redis, 1 replica", replicas: 1, store: true },
    { name: "--store redis, 2 replicas", replicas: 2, store: true },
  ];
  let db = 0;
  try {
    for (const setup of setups) {
      db += 1;
      const children: RunningChild[] = [];
      for (let i = 0; i < setup.replicas; i++) children.push(await start(setup.store ? redis.url(db) : undefined));
      const urls = children.map((child) => child.url);
      try {
        const spreads: Spread[] = setup.replicas > 1 ? ["tenants split by replica", "tenants on every replica", "one tenant"] : ["tenants on every replica", "one tenant"];
        for (const spread of spreads) {
          const run = await loadOn(urls, spread);
          const named = spread === "one tenant" ? "1 tenant" : setup.replicas > 1 ? `${TENANTS} ${spread}` : `${TENANTS} tenants`;
          rows.push({ metric: `write throughput, ${setup.name}, ${named}`, measured: `${Math.round(run.rps).toLocaleString("en-US")} req/s (p99 ${run.p99} ms, ${run.bad} bad)`, target: "report" });
        }
        const seq = await sequentialOn(urls);
        rows.push({
          metric: `sequential write latency, ${setup.name}${setup.replicas > 1 ? " (alternating)" : ""}`,
          measured: `p50 ${formatMs(median(seq.samples))}, p95 ${formatMs(percentile(seq.samples, 95))}, p99 ${formatMs(percentile(seq.samples, 99))} (${seq.samples.length} writes, ${seq.bad} bad)`,
          target: "report",
        });
      } finally {
        for (const child of children) await stopChild(child.child);
      }
    }
  } finally {
    await redis.stop();
  }
  return { rows, notes };
}
