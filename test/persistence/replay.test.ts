import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { exportSnapshot } from "../../src/state/kernel/snapshot.js";
import { afterThisTest } from "../support/after-test.js";
import { busySession, send, YM_CAMPAIGN } from "../support/busy-session.js";
import { T0 } from "../support/fixed-time.js";
import { MemoryLogStore } from "../support/memory-log-store.js";

/** Every tenant's state export, events and journal (without its real durations), by tenant id. */
function stateOf(sandbox: Sandbox): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const tenant of sandbox.registry.all()) {
    out[tenant.id] = {
      state: exportSnapshot(sandbox.registry, tenant),
      events: tenant.events.toArray(),
      journal: tenant.journal.toArray().map(({ durationMs: _ignored, ...rest }) => rest),
    };
  }
  return out;
}

describe("replay of the recorded calls (issue 12, no storage)", () => {
  it("a busy session's entries replayed on a fresh sandbox with the same seed give the same states, events and journals", async () => {
    const store = new MemoryLogStore();
    const clock = { now: T0 };
    const first = createSandbox({ logStore: store, seed: "replay", realNow: () => clock.now });
    afterThisTest(() => void first.close());
    const base = await first.listen(0);
    // Real time passes between calls (37 ms each): the replay must read each call's own time, not its own.
    const answers = await busySession(base, () => {
      clock.now += 37;
    });
    const statuses = answers.map((answer) => answer.status);
    // The session went through refusals, faults and rate limits, not only successes.
    expect(statuses).toContain(429);
    expect(statuses).toContain(503);
    expect(statuses).toContain(201);
    expect(store.size).toBeGreaterThan(50);
    await first.flush();
    const before = stateOf(first);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(5);

    // A day later, a new process on the same log.
    clock.now += 86_400_000;
    const second = createSandbox({ logStore: store, seed: "replay", realNow: () => clock.now });
    afterThisTest(() => void second.close());
    await second.ready;
    expect(stateOf(second)).toEqual(before);
    // Tokens issued by the session (the login's) still name their tenants.
    expect(second.registry.tokens.all().map((token) => token.tenantId).sort()).toEqual(first.registry.tokens.all().map((token) => token.tenantId).sort());
  });

  it("another seed gives another state (the comparison can fail)", async () => {
    const store = new MemoryLogStore();
    const first = createSandbox({ logStore: store, seed: "one", realNow: () => T0 });
    afterThisTest(() => void first.close());
    await busySession(await first.listen(0));
    const before = stateOf(first);
    const second = createSandbox({ logStore: store, seed: "two", realNow: () => T0 });
    afterThisTest(() => void second.close());
    await second.ready;
    expect(stateOf(second)).not.toEqual(before);
  });
});

describe("a store shared by two sandboxes (the Redis path of the pipeline, in memory)", () => {
  it.each([
    ["catching up by the entries it missed", undefined],
    ["reloading the tenant when the other's snapshot took the entries it missed", 2],
  ])("one tenant's calls alternating between two sandboxes give the answers and state of one sandbox: %s", async (_name, snapshotAfterEntries) => {
    const clock = { now: T0 };
    const tick = () => {
      clock.now += 13;
    };
    const shared = new MemoryLogStore(false);
    const a = createSandbox({ logStore: shared, seed: "pair", realNow: () => clock.now, snapshotAfterEntries });
    const b = createSandbox({ logStore: shared, seed: "pair", realNow: () => clock.now, snapshotAfterEntries });
    const alone = createSandbox({ seed: "pair", realNow: () => clock.now });
    afterThisTest(() => void Promise.all([a.close(), b.close(), alone.close()]));
    const [urlA, urlB, urlAlone] = await Promise.all([a.listen(0), b.listen(0), alone.listen(0)]);
    const calls: Array<[string, string, unknown]> = [
      ["POST", "/api/offerwall/v1/campaigns/create", YM_CAMPAIGN],
      ["POST", "/api/offerwall/v1/campaigns/create", { ...YM_CAMPAIGN, partnerCampaignId: 21 }],
      ["POST", "/__sandbox/clock/advance", { by: "PT2H" }],
      ["POST", "/__sandbox/wildberries/balance", { balance: 500 }],
      ["POST", "/adv/v2/seacat/save-ad", { campaignName: "A", nms: [1] }],
      ["GET", "/adv/v1/balance", undefined],
      ["POST", "/api/offerwall/v1/campaigns/get-all-campaigns", { limit: 10, offset: 0 }],
      ["GET", "/__sandbox/clock", undefined],
    ];
    const both: unknown[] = [];
    const single: unknown[] = [];
    for (const [index, [method, path, body]] of calls.entries()) {
      tick();
      both.push(await send(index % 2 === 0 ? urlA : urlB, method, path, "pair-tenant", body));
      // Let a snapshot scheduled by that call be written before the next call (it runs in the background).
      await a.flush();
      await b.flush();
      single.push(await send(urlAlone, method, path, "pair-tenant", body));
    }
    expect(both).toEqual(single);
    // Each sandbox applies the other's entries before its own next call: one more call on each catches up.
    tick();
    await send(urlA, "GET", "/__sandbox/clock", "pair-tenant");
    await send(urlB, "GET", "/__sandbox/clock", "pair-tenant");
    await send(urlAlone, "GET", "/__sandbox/clock", "pair-tenant");
    await send(urlAlone, "GET", "/__sandbox/clock", "pair-tenant");
    const only = (sandbox: Sandbox) => stateOf(sandbox)["pair-tenant"];
    // Both hold the state, events and journal of the one alone (a reloaded tenant's from the snapshot's history).
    expect(only(a)).toEqual(only(alone));
    expect(only(b)).toEqual(only(alone));
    if (snapshotAfterEntries !== undefined) {
      expect(shared.logs.get("pair-tenant")?.snapshot).toBeDefined();
      expect(shared.reloads).toBeGreaterThan(0);
    }
  });
});
