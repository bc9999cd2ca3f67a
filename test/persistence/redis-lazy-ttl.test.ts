import { createClient } from "@redis/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxLogger } from "../../src/mocks/http/logger.js";
import { RedisLogStore } from "../../src/persistence/redis-log-store.js";
import { createSandbox, type Sandbox, type SandboxOptions } from "../../src/server.js";
import { exportSnapshot } from "../../src/state/kernel/snapshot.js";
import { afterThisTest } from "../support/after-test.js";
import { send } from "../support/busy-session.js";
import { T0 } from "../support/fixed-time.js";
import { redisServer, TestRedis } from "../support/redis-server.js";

/**
 * Issue 12, the team sandbox on Redis over weeks of CI: a replica loads a tenant on its first call (not every
 * stored tenant at start), and `--tenant-ttl` holds in the store too (a tenant idle past it on every replica is
 * gone from Redis, with its tokens and registry records) with the answers of memory mode after eviction.
 * In process, on a real Redis, one virtual real-time clock for the replicas (the TTL is real time).
 */

const ADMIN = "lazy-ttl-admin-token-0123456789";

/** A logger that keeps its lines (level and message). */
function recordingLogger(): SandboxLogger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (_fields: object, message: string) => void lines.push(`${level} ${message}`);
  return { lines, isLevelEnabled: () => true, error: keep("error"), warn: keep("warn"), info: keep("info"), debug: keep("debug") };
}

function stateOf(sandbox: Sandbox, id: string): unknown {
  const tenant = sandbox.registry.peek(id);
  return tenant === undefined ? undefined : exportSnapshot(sandbox.registry, tenant);
}

describe.skipIf(redisServer.path === undefined)("a team sandbox on Redis: lazy load and the tenant TTL", { timeout: 60_000 }, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await TestRedis.start(redisServer.path ?? "redis-server");
  });
  afterAll(async () => {
    await redis?.stop();
  });

  /** A plain client on the test server's database `db`, for what the store does not expose. */
  async function raw(db: number, ...args: string[]): Promise<unknown> {
    const client = createClient({ url: redis.url(db), RESP: 2 });
    await client.connect();
    try {
      return await client.sendCommand<unknown>(args);
    } finally {
      await client.close();
    }
  }

  /** A replica on database `db`, serving; closed after the test. */
  async function replica(db: number, options: SandboxOptions, logger?: SandboxLogger): Promise<{ sandbox: Sandbox; url: string }> {
    const logStore = await RedisLogStore.open(redis.url(db), logger === undefined ? {} : { logger });
    const sandbox = createSandbox({ ...options, logStore, ...(logger === undefined ? {} : { logger }) });
    afterThisTest(() => sandbox.close());
    return { sandbox, url: await sandbox.listen(0) };
  }

  it("a replica started on a store of 3 tenants loads none of them, lists them, and answers each as the replica that made them", async () => {
    const db = 8;
    const clock = { now: T0 };
    const options = { seed: "lazy", adminToken: ADMIN, realNow: () => clock.now, snapshotAfterEntries: 3 };
    const a = await replica(db, options);
    const tenants = ["lazy-1", "lazy-2", "lazy-3"];
    // lazy-1: 5 calls (a snapshot after 3: the other replica loads it from the snapshot and the entries after it).
    for (const [i, id] of tenants.entries()) {
      for (let n = 0; n < 5 - 2 * i; n++) {
        clock.now += 1_000;
        expect((await send(a.url, "POST", "/__sandbox/wildberries/balance", id, { balance: 1_000 * (i + 1) })).status).toBe(200);
      }
    }
    const issued = await send(a.url, "POST", "/__sandbox/tokens", ADMIN, { tenant: "lazy-2" });
    expect(issued.status).toBe(201);
    await a.sandbox.flush();
    const logger = recordingLogger();
    const b = await replica(db, options, logger);

    // Its start replayed nothing: it says so, holds no tenant, and yet its admin list shows the store's three.
    expect(logger.lines).toContainEqual(expect.stringMatching(/^info the store holds 3 tenant\(s\), each loaded on its first call here; read 1 registry record\(s\)/));
    expect(b.sandbox.registry.size).toBe(0);
    const listed = await send(b.url, "GET", "/__sandbox/tenants", ADMIN);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(await send(a.url, "GET", "/__sandbox/tenants", ADMIN).then((sent) => sent.body));
    expect(listed.body).toMatchObject({ tenants: expect.arrayContaining(tenants.map((tenant) => expect.objectContaining({ tenant, tokens: tenant === "lazy-2" ? 1 : 0 }))) });
    expect(b.sandbox.registry.size).toBe(0);

    // A call on each, on the lazy replica, answers as the one that made it: the balances it was given.
    for (const id of tenants) {
      clock.now += 1_000;
      const onB = await send(b.url, "GET", "/adv/v1/balance", id);
      clock.now += 1_000;
      const onA = await send(a.url, "GET", "/adv/v1/balance", id);
      expect(onB).toEqual(onA);
      expect(onB.status).toBe(200);
    }
    // Rebuilt from the snapshot (lazy-1) or the entries: the same states once each replica applied the other's last call.
    for (const id of tenants) await send(b.url, "GET", "/__sandbox/clock", id);
    for (const id of tenants) expect(stateOf(b.sandbox, id)).toEqual(stateOf(a.sandbox, id));
    expect(logger.lines).toContainEqual("debug tenant lazy-1: reloading from the store's snapshot (this replica was at seq 0)");
    // The issued token works on the lazy replica (its tenant is loaded by its first call).
    const token = String(Reflect.get(Object(issued.body), "token"));
    expect((await send(b.url, "GET", "/adv/v1/balance", token)).body).toEqual((await send(a.url, "GET", "/adv/v1/balance", "lazy-2")).body);
  });

  /**
   * The TTL scenario, on `base` (one memory-only sandbox, or two replicas `base` and `other` on one store): two
   * tenants get money at T0; `kept` is read on the other replica 40 s later; at 70 s (TTL 60 s) the admin lists
   * the tenants, and both tenants' tokens are used again. Returns every answer, for the two modes to compare.
   */
  async function ttlScenario(auth: "strict" | "open", clock: { now: number }, base: string, other: string, redisCheck?: () => Promise<void>): Promise<unknown[]> {
    const answers: unknown[] = [];
    const tokenOf = async (tenant: string): Promise<string> => {
      if (auth === "open") return tenant;
      const sent = await send(base, "POST", "/__sandbox/tokens", ADMIN, { tenant });
      expect(sent.status).toBe(201);
      return String(Reflect.get(Object(sent.body), "token"));
    };
    const old = await tokenOf(`old-${auth}`);
    const kept = await tokenOf(`kept-${auth}`);
    for (const token of [old, kept]) answers.push(await send(base, "POST", "/__sandbox/wildberries/balance", token, { balance: 12_345 }));
    clock.now += 40_000;
    answers.push(await send(other, "GET", "/adv/v1/balance", kept));
    clock.now += 30_000;
    answers.push(await send(base, "GET", "/__sandbox/tenants", ADMIN));
    await redisCheck?.();
    // The forgotten tenant's token, on the replica that did not issue it, then on the one that did.
    answers.push(await send(other, "GET", "/adv/v1/balance", old));
    answers.push(await send(base, "GET", "/adv/v1/balance", old));
    // The tenant used within the TTL on the other replica: still there, on the replica that had evicted it from memory.
    answers.push(await send(base, "GET", "/adv/v1/balance", kept));
    answers.push(await send(base, "GET", "/__sandbox/tenants", ADMIN));
    return answers;
  }

  it.each([
    ["strict", 6],
    ["open", 7],
  ] as const)("%s mode: a tenant idle past the TTL on every replica is gone from Redis, and its token answers as in memory mode", async (auth, db) => {
    const options = { seed: "ttl", auth, adminToken: ADMIN, tenantTtlMs: 60_000 };
    const memoryClock = { now: T0 };
    const memory = createSandbox({ ...options, realNow: () => memoryClock.now });
    afterThisTest(() => memory.close());
    const memoryUrl = await memory.listen(0);
    const alone = await ttlScenario(auth, memoryClock, memoryUrl, memoryUrl);

    const clock = { now: T0 };
    const a = await replica(db, { ...options, realNow: () => clock.now });
    const b = await replica(db, { ...options, realNow: () => clock.now });
    const [old, kept] = [`old-${auth}`, `kept-${auth}`];
    const inRedis = async (): Promise<void> => {
      // Nothing of `old` is left: no key of its own, no use time, no registry record of its tokens.
      expect(await raw(db, "KEYS", `promo-sandbox:tenant:${old}:*`)).toEqual([]);
      expect(await raw(db, "ZSCORE", "promo-sandbox:used", old)).toBeNull();
      expect(await raw(db, "HGET", "promo-sandbox:created", old)).toBeNull();
      expect(await raw(db, "SISMEMBER", "promo-sandbox:tenants", old)).toBe(0);
      const records = await raw(db, "LRANGE", "promo-sandbox:registry", "0", "-1");
      expect(Array.isArray(records) ? records.filter((text) => String(text).includes(`"tenantId":"${old}"`)) : records).toEqual([]);
      // `kept`, used 30 s ago on the other replica, keeps its log and (strict) its token record.
      expect(await raw(db, "EXISTS", `promo-sandbox:tenant:${kept}:log`)).toBe(1);
      expect(Array.isArray(records) ? records.filter((text) => String(text).includes(`"tenantId":"${kept}"`)).length : records).toBe(auth === "strict" ? 1 : 0);
    };
    const team = await ttlScenario(auth, clock, a.url, b.url, inRedis);
    // A 401's code and request id derive from the token sent (a random nonce in each run): the rest is compared.
    const comparable = (answers: unknown[]) =>
      answers.map((sent) => JSON.parse(JSON.stringify(sent), (key, value: unknown) => (key === "code" || key === "requestId" ? "<from the token>" : value)));
    expect(comparable(team)).toEqual(comparable(alone));
    // What the answers were (so the comparison is not of two wrong runs): the forgotten tenant's token is unknown
    // (strict) or names a fresh tenant (open); the kept one still has its money.
    const balance = (sent: unknown) => Reflect.get(Object(Reflect.get(Object(sent), "body")), "balance");
    if (auth === "strict") expect(team.slice(4, 6).map((sent) => Reflect.get(Object(sent), "status"))).toEqual([401, 401]);
    else expect(balance(team[4])).not.toBe(12_345);
    expect(balance(team[6])).toBe(12_345);
    expect(Reflect.get(Object(team[3]), "body")).toEqual({ tenants: [expect.objectContaining({ tenant: kept, tokens: auth === "strict" ? 1 : 0 })] });
  });

  it("the periodic sweep's script forgets at most its limit of idle tenants per run, oldest first", async () => {
    const store = await RedisLogStore.open(redis.url(9));
    afterThisTest(() => store.close());
    for (let i = 1; i <= 5; i++) await store.append(`idle-${i}`, 0, T0 + i, "x");
    await store.appendRegistry({ kind: "token", token: "t-2", tenantId: "idle-2", subject: "s", expiresAt: 0, serial: 1 }, { tenant: "idle-2", at: T0 + 2 });
    await store.appendRegistry({ kind: "token", token: "t-5", tenantId: "idle-5", subject: "s", expiresAt: 0, serial: 2 }, { tenant: "idle-5", at: T0 + 5 });
    expect(await store.sweep(T0 + 5, 3)).toEqual(["idle-1", "idle-2", "idle-3"]);
    expect(await store.registrySince({ index: 2, generation: 0 })).toEqual({ generation: 1, from: 0, records: [expect.objectContaining({ token: "t-5" })] });
    expect(await store.sweep(T0 + 5, 3)).toEqual(["idle-4"]);
    expect((await store.tenantsInUse()).map((use) => use.tenant)).toEqual(["idle-5"]);
  });
});
