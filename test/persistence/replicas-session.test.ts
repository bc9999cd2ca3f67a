import { createServer, request, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisLogStore } from "../../src/persistence/redis-log-store.js";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { exportSnapshot } from "../../src/state/kernel/snapshot.js";
import { afterThisTest } from "../support/after-test.js";
import { busySession, SESSION_TENANTS } from "../support/busy-session.js";
import { T0 } from "../support/fixed-time.js";
import { redisServer, TestRedis } from "../support/redis-server.js";

/**
 * Issue 12's team sandbox, in process on a real Redis (one clock for all, so answers compare exactly): the busy
 * session (all three providers, a login, a named token, faults, rate limits, clock moves, a reset, a state
 * import) sent through a front that hands each call to the next replica in turn, against one sandbox alone.
 */

/** Every tenant's state export and events, by tenant id (the journal differs: each replica journals its catch-up call). */
function stateOf(sandbox: Sandbox, ids: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const id of ids) {
    const tenant = sandbox.registry.peek(id);
    out[id] = tenant === undefined ? undefined : { state: exportSnapshot(sandbox.registry, tenant), events: tenant.events.toArray() };
  }
  return out;
}

/** Answers as compared: issued tokens carry a random nonce (never the same twice), links name the server called. */
function comparable(value: unknown, base: string): unknown {
  if (typeof value === "string") return value.replaceAll(base, "<base>").replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, "<jwt>");
  if (Array.isArray(value)) return value.map((item) => comparable(item, base));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, comparable(item, base)]));
  return value;
}

/** An HTTP front that sends each request to the next of `targets` in turn (no sticky routing at all). */
async function roundRobin(targets: readonly string[]): Promise<{ url: string; server: Server }> {
  let next = 0;
  const server = createServer((req, res) => {
    const target = new URL(req.url ?? "/", targets[next++ % targets.length]);
    const forwarded = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on("error", () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`, server };
}

describe.skipIf(redisServer.path === undefined)("the busy session through two replicas on one Redis, in turn", { timeout: 60_000 }, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await TestRedis.start(redisServer.path ?? "redis-server");
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it.each([
    ["catching up by the entries", undefined, 1],
    ["reloading from the other's snapshots (one every 3 entries)", 3, 2],
  ])("gives the answers, states and events of one sandbox: %s", async (_name, snapshotAfterEntries, db) => {
    // One clock for the pair, one for the sandbox alone: both sessions read the same times.
    const clock = { now: T0 };
    const clockAlone = { now: T0 };
    const options = { seed: "session", adminToken: "session-admin-token-0123456789", snapshotAfterEntries };
    const stores = [await RedisLogStore.open(redis.url(db)), await RedisLogStore.open(redis.url(db))];
    const [a, b] = stores.map((logStore) => createSandbox({ ...options, realNow: () => clock.now, logStore }));
    const alone = createSandbox({ ...options, realNow: () => clockAlone.now });
    if (a === undefined || b === undefined) throw new Error("two replicas");
    afterThisTest(() => Promise.all([a.close(), b.close(), alone.close()]).then(() => undefined));
    const [urlA, urlB, urlAlone] = [await a.listen(0), await b.listen(0), await alone.listen(0)];
    const front = await roundRobin([urlA, urlB]);
    afterThisTest(() => new Promise<void>((resolve) => front.server.close(() => resolve())));
    const both = await busySession(front.url, () => void (clock.now += 37));
    const single = await busySession(urlAlone, () => void (clockAlone.now += 37));
    expect(comparable(both, front.url)).toEqual(comparable(single, urlAlone));
    // One more call per tenant on each replica: each applies what the other did last.
    for (const url of [urlA, urlB]) {
      for (const id of SESSION_TENANTS) await fetch(`${url}/__sandbox/clock`, { headers: { authorization: `Bearer ${id}` } });
    }
    for (const id of SESSION_TENANTS) await fetch(`${urlAlone}/__sandbox/clock`, { headers: { authorization: `Bearer ${id}` } });
    // A tenant rebuilt from a snapshot has its state and its events (the snapshot keeps them).
    const kept = (sandbox: Sandbox) => stateOf(sandbox, SESSION_TENANTS);
    expect(kept(a)).toEqual(kept(b));
    expect(kept(a)).toEqual(kept(alone));
    if (snapshotAfterEntries !== undefined) expect((await stores[0]?.load("busy-wb"))?.snapshot).toBeDefined();
  });
});

