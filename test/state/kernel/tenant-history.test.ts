import { describe, expect, it } from "vitest";
import { TenantHistoryData } from "../../../src/contracts/sandbox/tenant-history.js";
import { describeIssues } from "../../../src/state/kernel/issues.js";
import { exportHistory, restoreHistory } from "../../../src/state/kernel/tenant-history.js";
import type { Tenant } from "../../../src/state/kernel/tenant.js";
import { makeTenant } from "./tenant-fixture.js";

const call = {
  provider: "wildberries",
  method: "GET",
  path: "/adv/v1/balance",
  query: "",
  status: 200,
  requestBody: undefined,
  responseBody: '{"balance":0}',
  headers: "{}",
  durationMs: 1.25,
  operation: "getBalance",
  nearestOperation: undefined,
  fault: undefined,
};

/** A tenant's history as a durable snapshot stores it and reads it back: JSON text, then checked. */
function throughJson(tenant: Tenant) {
  return TenantHistoryData.parse(JSON.parse(JSON.stringify(exportHistory(tenant))));
}

describe("a tenant's history (journal, events, rate buckets)", () => {
  it("restored on a fresh tenant gives the same journal, events and buckets, and the seqs go on", () => {
    const tenant = makeTenant();
    for (let i = 0; i < 12; i++) tenant.log({ ...call, status: 200 + i });
    tenant.record({ provider: "wildberries", entity: "balance", id: "1", from: 0, to: 5, detail: { why: "test" } });
    tenant.record({ provider: "wildberries", entity: "balance", id: "1", from: 5, to: null });
    tenant.limiter.take("getBalance", { burst: 2, intervalMs: 1000 }, tenant.now());
    const restored = makeTenant();
    restored.log(call);
    restoreHistory(restored, throughJson(tenant));
    expect(restored.journal.toArray()).toEqual(tenant.journal.toArray());
    expect(restored.journal.droppedCount).toBe(2);
    expect(restored.events.toArray()).toEqual(tenant.events.toArray());
    expect(restored.events.toArray()[1]).not.toHaveProperty("detail");
    expect(restored.limiter.snapshot()).toEqual(tenant.limiter.snapshot());
    restored.log(call);
    restored.record({ provider: "wildberries", entity: "balance", id: "1", from: null, to: 1 });
    expect(restored.journal.toArray().at(-1)?.seq).toBe(13);
    expect(restored.lastEventSeq).toBe(3);
  });

  it("a tenant that never recorded an event keeps no event log after a restore", () => {
    const restored = makeTenant();
    restoreHistory(restored, throughJson(makeTenant()));
    expect(restored.peekEvents()).toBeUndefined();
    expect(restored.lastEventSeq).toBe(0);
  });

  it("a history whose seqs or buckets contradict themselves does not check", () => {
    const history = exportHistory(makeTenant());
    const entry = { seq: 3, at: 0, provider: "p", entity: "e", id: "1", from: null, to: null, cause: "request" };
    const refused = TenantHistoryData.safeParse({
      ...history,
      events: { seq: 2, dropped: 0, entries: [entry, { ...entry, seq: 1 }] },
      rateBuckets: [
        { key: "k", tokens: 1, updatedAt: 0 },
        { key: "k", tokens: 1, updatedAt: 0 },
      ],
    });
    expect(refused.success).toBe(false);
    if (refused.success) return;
    expect(describeIssues(refused.error)).toBe(
      'events.entries[0].seq: seq 3 is past the log\'s last seq 2; events.entries[1].seq: seq 1 must be greater than the one before (3); rateBuckets[1].key: bucket "k" appears twice',
    );
  });
});
