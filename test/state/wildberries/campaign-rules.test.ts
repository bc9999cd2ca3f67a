import { describe, expect, it } from "vitest";
import { textOf } from "../../../src/mocks/error-texts.js";
import { TOP_UP_TEXTS } from "../../../src/mocks/wildberries/budget-errors.js";
import { DEFAULT_SETTINGS } from "../../../src/state/kernel/settings.js";
import { peekState } from "../../../src/state/kernel/tenant-states.js";
import { Tenant } from "../../../src/state/kernel/tenant.js";
import { checkTopUp } from "../../../src/state/wildberries/budget-rules.js";
import { createAuctionCampaign, createAutoCampaign } from "../../../src/state/wildberries/campaign-create.js";
import { findCampaign } from "../../../src/state/wildberries/campaign-lookup.js";
import { deleteCampaign, requestAction } from "../../../src/state/wildberries/campaign-machine.js";
import { nextTick } from "../../../src/state/wildberries/consistency.js";
import { wildberriesProvider } from "../../../src/state/wildberries/provider.js";
import { wildberriesState } from "../../../src/state/wildberries/state.js";

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const MINUTE = 60_000;

function tenant(consistency: "immediate" | "realistic" = "immediate"): Tenant {
  return new Tenant("seller", () => T0, "seed", { ...DEFAULT_SETTINGS, consistency }, new Map(Object.entries(wildberriesProvider.timers)), {
    journalSize: 10,
    eventLogSize: 100,
  });
}

function auction(t: Tenant) {
  const nm = wildberriesState(t).catalogue.nms[0]?.nm ?? 0;
  const result = createAuctionCampaign(t, { name: "A", nms: [nm] });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe("checkTopUp (shared by save-ad and budget/deposit)", () => {
  it("needs at least budget_min (1000) and a multiple of 50", () => {
    const belowMinimum = { kind: "belowMinimum", min: 1000 };
    expect(checkTopUp(1000)).toBeUndefined();
    expect(checkTopUp(1050)).toBeUndefined();
    expect(checkTopUp(999)).toEqual(belowMinimum);
    expect(checkTopUp(0)).toEqual(belowMinimum);
    expect(checkTopUp(-1000)).toEqual(belowMinimum);
    expect(checkTopUp(1001)).toEqual({ kind: "notStep", step: 50 });
    expect(checkTopUp(1000.5)).toEqual(belowMinimum);
  });

  it("renders as Wildberries' text in the mocks", () => {
    expect(textOf(TOP_UP_TEXTS, { kind: "belowMinimum", min: 1000 })).toBe("Минимальная сумма пополнения 1000 рублей");
    expect(textOf(TOP_UP_TEXTS, { kind: "notStep", step: 50 })).toBe("Сумма пополнения должна быть кратна 50 руб");
  });
});

describe("nextTick", () => {
  it("is the first boundary strictly after the instant", () => {
    expect(nextTick(T0, MINUTE)).toBe(T0 + MINUTE);
    expect(nextTick(T0 + 1, MINUTE)).toBe(T0 + MINUTE);
    expect(nextTick(T0 + 29_999, 30_000)).toBe(T0 + 30_000);
  });
});

describe("findCampaign", () => {
  it("never creates state, and treats a deleted campaign past its purge time as gone", () => {
    const t = tenant();
    expect(findCampaign(t, 123)).toBeUndefined();
    expect(peekState(t, "wildberries")).toBeUndefined();
    const c = auction(t);
    expect(findCampaign(t, c.advertId)).toBe(c);
    expect(deleteCampaign(t, c).ok).toBe(true);
    expect(findCampaign(t, c.advertId)?.status).toBe(-1);
    const purgeAt = c.purgeAt ?? 0;
    expect(purgeAt - T0).toBeGreaterThanOrEqual(3 * MINUTE);
    expect(purgeAt - T0).toBeLessThanOrEqual(10 * MINUTE);
    t.clock.advance(purgeAt - T0); // the clock passes the purge time; the timer has not run yet
    expect(findCampaign(t, c.advertId)).toBeUndefined();
    t.settle();
    expect(wildberriesState(t).campaigns.has(c.advertId)).toBe(false);
  });

  it("the purge delay is seeded: the same tenant and seed purge at the same time", () => {
    const a = tenant();
    const b = tenant();
    const ca = auction(a);
    const cb = auction(b);
    deleteCampaign(a, ca);
    deleteCampaign(b, cb);
    expect(ca.purgeAt).toBe(cb.purgeAt);
  });
});

describe("realistic status actions", () => {
  it("queue one timer per minute; the last allowed action is the one applied", () => {
    const t = tenant("realistic");
    wildberriesState(t).money.balance = 1000;
    const created = createAutoCampaign(t, { type: 8, name: "x", subjectId: wildberriesState(t).catalogue.subjects[0]?.id ?? 0, sum: 1000, btype: 0, onPause: false, nms: [wildberriesState(t).catalogue.nms[0]?.nm ?? 0], cpm: 100 });
    if (!created.ok) throw new Error(created.error.kind);
    const c = created.value;
    expect(requestAction(t, c, "pause").ok).toBe(true);
    expect(requestAction(t, c, "stop").ok).toBe(true);
    expect(t.scheduler.pending().filter((x) => x.kind === "wildberries.campaignAction")).toHaveLength(1);
    expect(c.status).toBe(9);
    t.advance(MINUTE);
    expect(c.status).toBe(7);
    expect(c.pendingAction).toBeNull();
  });
});
