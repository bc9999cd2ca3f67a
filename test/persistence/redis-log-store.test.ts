import { createClient } from "@redis/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LogEntry } from "../../src/persistence/log-store.js";
import { StoreUnavailableError } from "../../src/persistence/redis-link.js";
import { RedisLogStore } from "../../src/persistence/redis-log-store.js";
import { APPEND } from "../../src/persistence/redis-scripts.js";
import type { SandboxLogger } from "../../src/mocks/http/logger.js";
import type { JsonValue } from "../../src/state/kernel/json.js";
import { redisServer, TestRedis } from "../support/redis-server.js";

/** A logger that keeps its warn lines. */
function recordingLogger(): SandboxLogger & { warnings: string[] } {
  const warnings: string[] = [];
  const nothing = (): void => {};
  return { warnings, isLevelEnabled: () => true, error: nothing, info: nothing, debug: nothing, warn: (_fields, message) => warnings.push(message) };
}

let tenantCount = 0;
/** A tenant id no other test uses. */
const freshTenant = (): string => `tenant-${++tenantCount}`;

describe.skipIf(redisServer.path === undefined)("the Redis log store, on Debian's redis-server", () => {
  let redis: TestRedis;
  const opened: RedisLogStore[] = [];

  async function open(url = redis.url(), options: Parameters<typeof RedisLogStore.open>[1] = {}): Promise<RedisLogStore> {
    const store = await RedisLogStore.open(url, options);
    opened.push(store);
    return store;
  }

  /** A plain client on the test server, for what the store does not expose (SCRIPT EXISTS, CONFIG SET). */
  async function raw(...args: string[]): Promise<unknown> {
    const client = createClient({ url: redis.url(), RESP: 2 });
    await client.connect();
    try {
      return await client.sendCommand<unknown>(args);
    } finally {
      await client.close();
    }
  }

  beforeAll(async () => {
    redis = await TestRedis.start(redisServer.path ?? "redis-server");
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("appends with consecutive seqs, loads them back, and a snapshot trims the entries it includes", async () => {
    const store = await open();
    const tenant = freshTenant();
    const inputs: JsonValue[] = [{ path: "/a", body: "é\n\"x\"" }, ["list", 1, null, true], "text"];
    const results = [];
    for (const [i, input] of inputs.entries()) results.push(await store.append(tenant, i, 1_000 + i, input));
    expect(results).toEqual([
      { seq: 1, missed: [] },
      { seq: 2, missed: [] },
      { seq: 3, missed: [] },
    ]);
    const entries: LogEntry[] = inputs.map((input, i) => ({ seq: i + 1, at: 1_000 + i, input }));
    expect(await store.load(tenant)).toEqual({ snapshot: undefined, entries });
    expect(await store.tenants()).toContain(tenant);

    await store.saveSnapshot(tenant, 2, ["state at 2"]);
    expect(await store.load(tenant)).toEqual({ snapshot: { seq: 2, text: "state at 2" }, entries: [entries[2]] });
    // An older snapshot (another replica's, late) is ignored; the entries it would include are gone already.
    await store.saveSnapshot(tenant, 1, ["state at 1"]);
    expect(await store.load(tenant)).toEqual({ snapshot: { seq: 2, text: "state at 2" }, entries: [entries[2]] });
    await expect(store.saveSnapshot(tenant, 9, ["future"])).rejects.toThrow(`snapshot of tenant ${tenant} at seq 9 is past its last entry 3`);

    // The seq goes on after the snapshot, and entries after `known` still come back.
    expect(await store.append(tenant, 2, 2_000, "four")).toEqual({ seq: 4, missed: [entries[2]] });
    await store.saveSnapshot(tenant, 4, ["state at 4"]);
    expect(await store.load(tenant)).toEqual({ snapshot: { seq: 4, text: "state at 4" }, entries: [] });
    expect(await store.append(tenant, 4, 2_001, "five")).toEqual({ seq: 5, missed: [] });
  });

  it("stores a large snapshot in chunks, whole (surrogate pairs at the cuts), keeping only the last two", async () => {
    const store = await open();
    const tenant = freshTenant();
    for (let i = 0; i < 4; i++) await store.append(tenant, i, i, i);
    // 1 + 2 × 1.3M characters: the 1 MiB-character cuts fall inside emoji (two UTF-16 units each).
    const big = `a${"😀".repeat(1_300_000)}`;
    await store.saveSnapshot(tenant, 1, ["first"]);
    await store.saveSnapshot(tenant, 2, ["a", big.slice(1, 100_001), big.slice(100_001)]);
    expect(await store.load(tenant)).toEqual({ snapshot: { seq: 2, text: big }, entries: [{ seq: 3, at: 2, input: 2 }, { seq: 4, at: 3, input: 3 }] });
    await store.saveSnapshot(tenant, 3, [""]);
    expect(await store.load(tenant)).toEqual({ snapshot: { seq: 3, text: "" }, entries: [{ seq: 4, at: 3, input: 3 }] });
    const keys = await raw("KEYS", `promo-sandbox:tenant:${tenant}:*`);
    expect(Array.isArray(keys) ? [...keys].sort() : keys).toEqual(["log", "snapshot", "snapshot:2", "snapshot:3"].map((name) => `promo-sandbox:tenant:${tenant}:${name}`));
    await store.drop(tenant);
    expect(await raw("KEYS", `promo-sandbox:tenant:${tenant}:*`)).toEqual([]);
  });

  it("drop forgets the tenant, its snapshot and its tokens; its next append starts again at seq 1", async () => {
    const store = await open();
    const tenant = freshTenant();
    await store.append(tenant, 0, 1, "one");
    await store.saveSnapshot(tenant, 1, ["s"]);
    await store.indexToken("token-of-dropped", tenant);
    await store.indexToken("token-moved", tenant);
    await store.indexToken("token-moved", "someone-else");

    await store.drop(tenant);
    expect(await store.tenants()).not.toContain(tenant);
    expect(await store.load(tenant)).toEqual({ snapshot: undefined, entries: [] });
    expect(await store.tenantOfToken("token-of-dropped")).toBeUndefined();
    expect(await store.tenantOfToken("token-moved")).toBe("someone-else");
    expect(await store.append(tenant, 0, 2, "again")).toEqual({ seq: 1, missed: [] });
  });

  it("a replica too far behind (a snapshot past what it knew) or ahead (the tenant dropped elsewhere) is told to reload", async () => {
    const logger = recordingLogger();
    const [a, b] = [await open(), await open(redis.url(), { logger })];
    const tenant = freshTenant();
    await a.append(tenant, 0, 1, "one");
    await a.append(tenant, 1, 2, "two");
    await a.append(tenant, 2, 3, "three");
    await a.saveSnapshot(tenant, 2, ["state at 2"]);
    // b knew seq 1 only: entry 2 is inside the snapshot now.
    expect(await b.append(tenant, 1, 4, "four")).toEqual({
      seq: 4,
      missed: [],
      reload: { snapshot: { seq: 2, text: "state at 2" }, entries: [{ seq: 3, at: 3, input: "three" }] },
    });
    expect(logger.warnings).toEqual([]);

    await a.drop(tenant);
    // b still holds the tenant at seq 4: the store's log is empty, b rebuilds a fresh tenant and its entry is seq 1.
    expect(await b.append(tenant, 4, 5, "five")).toEqual({ seq: 1, missed: [], reload: { snapshot: undefined, entries: [] } });
    expect(logger.warnings).toEqual([
      `tenant ${tenant}: this replica had seen seq 4 but the Redis store's log ends at 0; the tenant was idle past --tenant-ttl on every replica (the store forgot it), or Redis lost acknowledged writes (is appendfsync always?); reloading it from the store`,
    ]);
  });

  it("two replicas appending to one tenant at once get distinct consecutive seqs, and each sees the other's entries once, in order", async () => {
    const first = await open();
    const replicas = [first, await open()];
    const tenant = freshTenant();
    const perReplica = 60;
    const runs = await Promise.all(
      replicas.map(async (store, r) => {
        let known = 0;
        const seen: LogEntry[] = [];
        const own: number[] = [];
        for (let i = 0; i < perReplica; i++) {
          const input = { replica: r, call: i };
          const { seq, missed, reload } = await store.append(tenant, known, 10_000 + i, input);
          expect(reload).toBeUndefined();
          seen.push(...missed, { seq, at: 10_000 + i, input });
          own.push(seq);
          known = seq;
        }
        return { seen, own };
      }),
    );
    const total = perReplica * replicas.length;
    const stored = await first.load(tenant);
    expect(stored.entries.map((entry) => entry.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(runs.flatMap((run) => run.own)).size).toBe(total);
    for (const run of runs) {
      // Everything up to the replica's last entry, each exactly once and in seq order, as the store keeps it.
      const last = run.own[run.own.length - 1];
      expect(run.seen).toEqual(stored.entries.slice(0, last));
    }
    // They did interleave (else the test proves nothing about concurrency).
    expect(runs.every((run) => run.seen.length > run.own.length)).toBe(true);
  });

  it("the token index finds a token's tenant from another replica", async () => {
    const [a, b] = [await open(), await open()];
    const tenant = freshTenant();
    await a.indexToken("issued-on-a", tenant);
    expect(await b.tenantOfToken("issued-on-a")).toBe(tenant);
    expect(await b.tenantOfToken("never-issued")).toBeUndefined();
  });

  it("registry records are kept in order and read from an index", async () => {
    const [a, b] = [await open(redis.url(0) + "?prefix=registry-test:"), await open(redis.url(0) + "?prefix=registry-test:")];
    await a.appendRegistry({ token: "t1" });
    await b.appendRegistry({ token: "t2" });
    expect(await a.loadRegistry()).toEqual([{ token: "t1" }, { token: "t2" }]);
    expect(await a.registrySince({ index: 1, generation: 0 })).toEqual({ generation: 0, from: 1, records: [{ token: "t2" }] });
  });

  it("sandboxes with other prefixes or databases on one Redis do not see each other", async () => {
    const tenant = freshTenant();
    const [teamA, teamB, otherDb] = [await open(`${redis.url(0)}?prefix=team-a:`), await open(`${redis.url(0)}?prefix=team-b:`), await open(redis.url(3))];
    await teamA.append(tenant, 0, 1, "a");
    expect(await teamA.tenants()).toEqual([tenant]);
    expect(await teamB.tenants()).toEqual([]);
    expect(await otherDb.tenants()).toEqual([]);
    expect(await teamB.append(tenant, 0, 1, "b")).toEqual({ seq: 1, missed: [] });
  });

  it("runs its script again after SCRIPT FLUSH (EVALSHA answers NOSCRIPT, the store sends the source)", async () => {
    const store = await open();
    const tenant = freshTenant();
    await store.append(tenant, 0, 1, "one");
    expect(await raw("SCRIPT", "EXISTS", APPEND.sha)).toEqual([1]);
    await raw("SCRIPT", "FLUSH");
    expect(await store.append(tenant, 1, 2, "two")).toEqual({ seq: 2, missed: [] });
    expect(await raw("SCRIPT", "EXISTS", APPEND.sha)).toEqual([1]);
  });

  it("warns when Redis does not fsync every write (appendfsync not always)", async () => {
    await raw("CONFIG", "SET", "appendfsync", "everysec");
    try {
      const logger = recordingLogger();
      await open(redis.url(), { logger });
      expect(logger.warnings).toEqual([
        `the Redis store ${redis.url()} runs with appendonly yes and appendfsync everysec: a call acknowledged just before Redis stops can be lost; run it with --appendonly yes --appendfsync always`,
      ]);
    } finally {
      await raw("CONFIG", "SET", "appendfsync", "always");
    }
    const logger = recordingLogger();
    await open(redis.url(), { logger });
    expect(logger.warnings).toEqual([]);
  });

  it("Redis killed (kill -9) and restarted between appends: nothing acknowledged is lost and the script is loaded again", async () => {
    const store = await open();
    const tenant = freshTenant();
    const acknowledged: LogEntry[] = [];
    for (let i = 0; i < 30; i++) {
      const { seq } = await store.append(tenant, i, 100 + i, { call: i });
      acknowledged.push({ seq, at: 100 + i, input: { call: i } });
    }
    await store.saveSnapshot(tenant, 10, ["state at 10"]);
    await redis.restart("SIGKILL");
    expect(await raw("SCRIPT", "EXISTS", APPEND.sha)).toEqual([0]);
    // The store reconnects by itself; the append after the restart goes through EVAL (NOSCRIPT) and continues the seqs.
    expect(await store.append(tenant, 30, 200, "after")).toEqual({ seq: 31, missed: [] });
    expect(await store.load(tenant)).toEqual({
      snapshot: { seq: 10, text: "state at 10" },
      entries: [...acknowledged.slice(10), { seq: 31, at: 200, input: "after" }],
    });
  });

  it("Redis killed (kill -9) under two concurrent writers and restarted: every acknowledged append is in the log with its seq", async () => {
    const writers = [await open(), await open()];
    const tenant = freshTenant();
    const acknowledged = new Map<number, JsonValue>();
    const refused: JsonValue[] = [];
    let restarting: Promise<void> | undefined;
    let uncertain = 0;
    await Promise.all(
      writers.map(async (store, w) => {
        let known = 0;
        for (let i = 0; i < 150; i++) {
          const input = { writer: w, call: i };
          if (w === 0 && i === 40) restarting = redis.restart("SIGKILL");
          try {
            const { seq, reload } = await store.append(tenant, known, i, input);
            expect(reload).toBeUndefined();
            acknowledged.set(seq, input);
            known = seq;
          } catch (error) {
            expect(error).toBeInstanceOf(StoreUnavailableError);
            // Only a write that was never sent is said not to be recorded.
            if (error instanceof StoreUnavailableError && !error.maybeApplied) refused.push(input);
            else uncertain++;
          }
        }
      }),
    );
    await restarting;
    const stored = await writers[0]?.load(tenant);
    const byInput = new Map((stored?.entries ?? []).map((entry) => [JSON.stringify(entry.input), entry.seq]));
    for (const [seq, input] of acknowledged) expect(byInput.get(JSON.stringify(input))).toBe(seq);
    for (const input of refused) expect(byInput.has(JSON.stringify(input))).toBe(false);
    expect(acknowledged.size).toBeGreaterThan(200);
    // No entry twice, no hole: the seqs are 1..n, n = the acknowledged + at most the uncertain ones.
    const seqs = (stored?.entries ?? []).map((entry) => entry.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBeGreaterThanOrEqual(acknowledged.size);
    expect(seqs.length).toBeLessThanOrEqual(acknowledged.size + uncertain);
  });

  it("Redis down: a call waits briefly, then fails saying nothing was recorded; it works again once Redis is back", async () => {
    const own = await TestRedis.start(redisServer.path ?? "redis-server");
    try {
      const logger = recordingLogger();
      const store = await open(own.url(), { unavailableAfterMs: 300, logger });
      const tenant = freshTenant();
      await store.append(tenant, 0, 1, "one");
      await own.halt("SIGKILL");
      await expect.poll(() => store.connected).toBe(false);
      const failure = await store.append(tenant, 1, 2, "lost").catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(failure).toMatchObject({
        maybeApplied: false,
        message: `the Redis store ${own.url()} did not answer for 300 ms; nothing was recorded, try again when it is back`,
      });
      await own.resume();
      await expect.poll(() => store.connected, { timeout: 3_000 }).toBe(true);
      expect(await store.append(tenant, 1, 3, "two")).toEqual({ seq: 2, missed: [] });
      expect((await store.load(tenant)).entries.map((entry) => entry.input)).toEqual(["one", "two"]);
      expect(logger.warnings).toEqual([expect.stringMatching(new RegExp(`^the Redis store ${own.url()} is unreachable \\(.+\\); reconnecting, calls wait up to 300 ms$`))]);
    } finally {
      await own.stop();
    }
  });

  it("a Redis that does not answer at start stops the start with a message naming it", async () => {
    const gone = await TestRedis.start(redisServer.path ?? "redis-server");
    const url = gone.url();
    await gone.stop();
    await expect(RedisLogStore.open(url, { connectTimeoutMs: 300 })).rejects.toThrow(
      `--store ${url}: Redis at 127.0.0.1:${gone.port} did not answer within 300 ms (Error: connect ECONNREFUSED 127.0.0.1:${gone.port}); start it or fix the URL`,
    );
  });
});
