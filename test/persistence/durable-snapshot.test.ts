import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { exportSnapshot } from "../../src/state/kernel/snapshot.js";
import { afterThisTest } from "../support/after-test.js";
import { YM_CAMPAIGN } from "../support/busy-session.js";
import { T0 } from "../support/fixed-time.js";
import { MemoryLogStore } from "../support/memory-log-store.js";
import { tempDataDir } from "../support/data-dir.js";
import { collectingLogger } from "../support/collecting-logger.js";

/**
 * Issue 12: a durable snapshot keeps the tenant's history (request journal, event log and their seqs, rate
 * buckets) beside its export, so a tenant restarted past a snapshot answers as the one that never stopped.
 */

const TENANT = "history-tenant";

interface Seen {
  status: number;
  /** The rate-limit headers (X-Ratelimit-*, Retry-After), names in lower case. */
  limits: Record<string, string>;
  body: unknown;
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<Seen> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${TENANT}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const limits: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (/^(x-ratelimit-|retry-after$)/.test(name)) limits[name] = value;
  });
  return { status: res.status, limits, body: text === "" ? undefined : JSON.parse(text) };
}

/** GET /__sandbox/requests with each entry's real duration left out (it is real time, never the same twice). */
async function journal(base: string): Promise<unknown> {
  const { body } = await call(base, "GET", "/__sandbox/requests");
  const requests: unknown = Reflect.get(Object(body), "requests");
  const dropped: unknown = Reflect.get(Object(body), "dropped");
  return { dropped, requests: Array.isArray(requests) ? requests.map((entry) => ({ ...Object(entry), durationMs: "(real)" })) : requests };
}

async function events(base: string, since?: number): Promise<unknown[]> {
  const { body } = await call(base, "GET", `/__sandbox/events${since === undefined ? "" : `?since=${since}`}`);
  const list: unknown = Reflect.get(Object(body), "events");
  return Array.isArray(list) ? list : [];
}

/** The first part of the session: all three providers, a Wildberries rate limit hit (getConfig: 1 a minute). */
const BEFORE_SNAPSHOT: Array<[string, string, unknown?]> = [
  ["POST", "/api/offerwall/v1/campaigns/create", YM_CAMPAIGN],
  ["POST", "/__sandbox/wildberries/balance", { balance: 5000 }],
  ["GET", "/adv/v1/balance"],
  ["GET", "/adv/v0/config"],
  ["GET", "/adv/v0/config"],
  ["POST", "/catalog/", { title: "History", catalog_code: "history", hold_duration: "30 00:00:00", canceled_duration: "14 00:00:00", is_promocode_allowed: true, is_published: true }],
];
/** After the snapshot (taken after BEFORE_SNAPSHOT's entries): a few more calls, left in the log. */
const AFTER_SNAPSHOT: Array<[string, string, unknown?]> = [
  ["GET", "/adv/v1/balance"],
  ["POST", "/api/offerwall/v1/campaigns/create", { ...YM_CAMPAIGN, partnerCampaignId: 21 }],
];

/**
 * Runs the session on `durable` (a store, a snapshot after BEFORE_SNAPSHOT) and on the sandbox alone (memory
 * only), with the same seed and the same real times (each call moves both `clocks`); every answer must be equal.
 */
async function session(durableUrl: string, aloneUrl: string, clocks: Array<{ now: number }>, durable: Sandbox): Promise<void> {
  const both = async (method: string, path: string, body?: unknown) => {
    for (const clock of clocks) clock.now += 17;
    const [a, b] = [await call(durableUrl, method, path, body), await call(aloneUrl, method, path, body)];
    expect(a).toEqual(b);
    return a;
  };
  const answers: Seen[] = [];
  for (const [method, path, body] of BEFORE_SNAPSHOT) answers.push(await both(method, path, body));
  // The second getConfig of the minute is refused: the bucket is empty when the snapshot is taken.
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 429, 201]);
  await durable.flush();
  for (const [method, path, body] of AFTER_SNAPSHOT) await both(method, path, body);
}

describe("a durable snapshot keeps the tenant's history (issue 12)", () => {
  it("restarted past a snapshot, a tenant answers its journal, events (since=) and rate limits as the one that never stopped, and its seqs go on", async () => {
    const dir = tempDataDir("promo-sandbox-history-");
    const clock = { now: T0 };
    const clockAlone = { now: T0 };
    // Small bounds, so the journal and the event log have pushed entries out (the journal says how many).
    const bounds = { seed: "history", journalSize: 3, eventLogSize: 4 };
    const options = { ...bounds, snapshotAfterEntries: BEFORE_SNAPSHOT.length };
    const first = createSandbox({ ...options, dataDir: dir, realNow: () => clock.now });
    const alone = createSandbox({ ...bounds, realNow: () => clockAlone.now });
    afterThisTest(() => Promise.all([first.close(), alone.close()]).then(() => undefined));
    const [firstUrl, aloneUrl] = [await first.listen(0), await alone.listen(0)];
    await session(firstUrl, aloneUrl, [clock, clockAlone], first);

    // Killed (no close, no flush): a new process on the same folder loads the snapshot and the entries after it.
    clock.now += 5;
    clockAlone.now += 5;
    const logger = collectingLogger();
    const second = createSandbox({ ...options, dataDir: dir, realNow: () => clock.now, logger });
    afterThisTest(() => second.close());
    const url = await second.listen(0);
    expect(logger.lines.filter((line) => line.level === "error")).toEqual([]);
    // The log held only the calls after the snapshot: the rest came from it.
    expect(logger.lines.find((line) => line.message.startsWith("loaded "))?.fields).toMatchObject({ entries: AFTER_SNAPSHOT.length });

    // Control-plane reads are not journaled and record no event: each is read on both, in turn.
    const journalBefore = await journal(aloneUrl);
    expect(await journal(url)).toEqual(journalBefore);
    // 7 provider calls (the balance set is a control-plane call, not journaled) in a journal of 3: 2 were dropped by the snapshot.
    expect(journalBefore).toMatchObject({ dropped: 4, requests: { length: 3 } });
    const kept = await events(aloneUrl);
    expect(kept).toHaveLength(4);
    expect(Reflect.get(Object(kept[0]), "seq")).toBeGreaterThan(1);
    expect(await events(url)).toEqual(kept);
    const since = Number(Reflect.get(Object(kept[1]), "seq"));
    expect(await events(url, since)).toEqual(await events(aloneUrl, since));
    expect(await events(url, since)).toEqual(kept.slice(2));

    // The next getConfig, at the same virtual time on both: the same 429 and the same rate-limit headers.
    clock.now += 9;
    clockAlone.now += 9;
    const limited = await call(url, "GET", "/adv/v0/config");
    expect(limited.status).toBe(429);
    expect(limited.limits["x-ratelimit-retry"]).toBeDefined();
    expect(limited).toEqual(await call(aloneUrl, "GET", "/adv/v0/config"));
    // A call that records events: the journal's and the event log's seqs go on from where they were.
    clock.now += 9;
    clockAlone.now += 9;
    const lastEvent = Number(Reflect.get(Object(kept.at(-1)), "seq"));
    expect(await call(url, "POST", "/__sandbox/wildberries/balance", { balance: 7000 })).toEqual(await call(aloneUrl, "POST", "/__sandbox/wildberries/balance", { balance: 7000 }));
    expect(await call(url, "GET", "/adv/v1/balance")).toEqual(await call(aloneUrl, "GET", "/adv/v1/balance"));
    const newer = await events(url, lastEvent);
    expect(newer.length).toBeGreaterThan(0);
    expect(newer).toEqual(await events(aloneUrl, lastEvent));
    expect(Reflect.get(Object(newer[0]), "seq")).toBe(lastEvent + 1);
    expect(await journal(url)).toEqual(await journal(aloneUrl));
  });

  describe("what a stored snapshot may hold", () => {
    /** A sandbox on a memory store after the session (snapshotted after its first part), and the tenant's state. */
    async function snapshotted(): Promise<{ store: MemoryLogStore; state: unknown }> {
      const store = new MemoryLogStore();
      const first = createSandbox({ logStore: store, seed: "history", realNow: () => T0, snapshotAfterEntries: BEFORE_SNAPSHOT.length });
      afterThisTest(() => first.close());
      const base = await first.listen(0);
      for (const [method, path, body] of BEFORE_SNAPSHOT) await call(base, method, path, body);
      await first.flush();
      for (const [method, path, body] of AFTER_SNAPSHOT) await call(base, method, path, body);
      const tenant = first.registry.peek(TENANT);
      if (tenant === undefined) throw new Error("the session made the tenant");
      expect(store.logs.get(TENANT)?.snapshot?.seq).toBe(BEFORE_SNAPSHOT.length);
      return { store, state: exportSnapshot(first.registry, tenant) };
    }

    /** Rewrites the stored snapshot's text through `change` (its parsed value in, the value to store out). */
    function rewrite(store: MemoryLogStore, change: (stored: Record<string, unknown>) => unknown): void {
      const log = store.logs.get(TENANT);
      if (log?.snapshot === undefined) throw new Error("a snapshot was taken");
      log.snapshot = { seq: log.snapshot.seq, text: JSON.stringify(change(Object(JSON.parse(log.snapshot.text)))) };
    }

    /** A new sandbox on `store`: the errors it logged, its url and the tenant's state. */
    async function restarted(store: MemoryLogStore): Promise<{ errors: string[]; url: string; state: unknown }> {
      const logger = collectingLogger();
      const second = createSandbox({ logStore: store, seed: "history", realNow: () => T0, logger });
      afterThisTest(() => second.close());
      const url = await second.listen(0);
      const tenant = second.registry.peek(TENANT);
      if (tenant === undefined) throw new Error("the tenant was loaded");
      const errors = logger.lines.filter((line) => line.level === "error").map((line) => line.message);
      return { errors, url, state: exportSnapshot(second.registry, tenant) };
    }

    /** The journal of a tenant loaded without history: the calls after the snapshot only, their seqs from 1. */
    function afterSnapshotOnly(journalSeen: unknown): void {
      const requests: unknown = Reflect.get(Object(journalSeen), "requests");
      expect(Array.isArray(requests) ? requests.map((entry) => [Reflect.get(Object(entry), "seq"), Reflect.get(Object(entry), "path")]) : requests).toEqual(
        AFTER_SNAPSHOT.map(([, path], index) => [index + 1, path.split("?")[0]]),
      );
    }

    it("holds the export and the history in an envelope", async () => {
      const { store } = await snapshotted();
      const stored: unknown = JSON.parse(store.logs.get(TENANT)?.snapshot?.text ?? "null");
      expect(Object.keys(Object(stored))).toEqual(["durable", "state", "history"]);
      expect(Reflect.get(Object(stored), "durable")).toBe(1);
    });

    it("a snapshot in the form before (the export alone) still loads, with the history of the entries after it", async () => {
      const { store, state } = await snapshotted();
      rewrite(store, (stored) => stored["state"]);
      const { errors, url, state: loaded } = await restarted(store);
      expect(errors).toEqual([]);
      expect(loaded).toEqual(state);
      afterSnapshotOnly(await journal(url));
      // Its buckets start full: the getConfig the snapshot's tenant was refused passes.
      expect((await call(url, "GET", "/adv/v0/config")).status).toBe(200);
    });

    it("a history that does not check is reported, and the tenant loads without it", async () => {
      const { store, state } = await snapshotted();
      rewrite(store, (stored) => ({ ...stored, history: { ...Object(stored["history"]), journal: { seq: 1, dropped: 0, entries: [{ seq: 2 }] } } }));
      const { errors, url, state: loaded } = await restarted(store);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^tenant ${TENANT}: the history in its snapshot \\(journal, events, rate buckets\\) does not check \\(journal\\.entries\\[0\\]\\.`));
      expect(errors[0]).toContain("the tenant is loaded without it");
      expect(loaded).toEqual(state);
      afterSnapshotOnly(await journal(url));
      expect((await call(url, "GET", "/adv/v1/balance")).status).toBe(200);
    });

    it("an envelope of another form is reported, and the tenant's entries are replayed on a fresh tenant", async () => {
      const { store } = await snapshotted();
      rewrite(store, (stored) => ({ ...stored, durable: 2 }));
      const { errors } = await restarted(store);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^tenant ${TENANT}: its snapshot does not import \\(its envelope is not one this sandbox reads \\(durable: .*\\); a newer version of the sandbox may have written it\\)`));
    });
  });
});
