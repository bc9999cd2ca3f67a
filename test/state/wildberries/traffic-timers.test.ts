import { describe, expect, it } from "vitest";
import { setCampaignStatus } from "../../../src/state/wildberries/campaign-status.js";
import { fullstats } from "../../../src/state/wildberries/fullstats.js";
import { keywordTotals } from "../../../src/state/wildberries/traffic-math.js";
import { WORD_METRICS, WORD_VIEWS } from "../../../src/state/wildberries/traffic-model.js";
import { TRAFFIC_TIMER } from "../../../src/state/wildberries/traffic-timers.js";
import { chargedRubles } from "../../../src/state/wildberries/upd.js";
import { wildberriesState } from "../../../src/state/wildberries/state.js";
import { DAY, HOUR, putCampaign, T0, wbTenant } from "./traffic-fixture.js";

const viewsOf = (tenant: ReturnType<typeof wbTenant>, id: number) => {
  const r = fullstats(tenant, [{ id, interval: { begin: "2026-01-01", end: "2026-01-31" } }]);
  return r.ok ? (r.value[0]?.views ?? 0) : -1;
};

describe("traffic timers", () => {
  it("one hourly tick serves every active campaign; it is cancelled when the last one leaves 9", () => {
    const tenant = wbTenant();
    const campaigns = Array.from({ length: 50 }, () => putCampaign(tenant, { budget: 1_000_000 }));
    expect(tenant.scheduler.pending().map((t) => [t.kind, t.at])).toEqual([[TRAFFIC_TIMER, T0 + HOUR]]);
    const fired = tenant.advance(DAY);
    expect(fired.filter((f) => f.kind === TRAFFIC_TIMER)).toHaveLength(24);
    expect(fired[0]?.detail).toEqual({ campaigns: 50 });
    for (const c of campaigns) setCampaignStatus(tenant, c, 11);
    expect(tenant.scheduler.size).toBe(0);
    const views = campaigns.map((c) => viewsOf(tenant, c.advertId));
    tenant.advance(DAY);
    expect(campaigns.map((c) => viewsOf(tenant, c.advertId))).toEqual(views);
    expect(views.every((v) => v > 0)).toBe(true);
  });

  it("is deterministic per seed and tenant", () => {
    const run = (seed: string) => {
      const tenant = wbTenant("seller", seed);
      const auto = putCampaign(tenant, { budget: 100_000 });
      const auction = putCampaign(tenant, { type: 9, budget: 100_000 });
      tenant.advance(3 * DAY + 5 * HOUR);
      return JSON.stringify(fullstats(tenant, [{ id: auto.advertId, interval: { begin: "2026-01-15", end: "2026-01-19" } }, { id: auction.advertId, interval: { begin: "2026-01-15", end: "2026-01-19" } }]));
    };
    expect(run("a")).toBe(run("a"));
    expect(run("a")).not.toBe(run("b"));
  });

  it("a budget that runs out: the slice is cut to it, the budget ends at exactly 0, the campaign goes to 11 at the tick", () => {
    const tenant = wbTenant();
    const c = putCampaign(tenant, { budget: 1000 });
    tenant.advance(10 * DAY);
    expect(c.status).toBe(11);
    expect(c.budget).toBe(0);
    expect(chargedRubles(wildberriesState(tenant), c.advertId)).toBe(1000);
    const r = fullstats(tenant, [{ id: c.advertId, interval: { begin: "2026-01-15", end: "2026-01-25" } }]);
    expect(r.ok && r.value[0]?.sum).toBe(1000);
    const pause = tenant.events.toArray().find((e) => e.entity === "campaign" && e.to === 11);
    expect(pause?.cause).toBe("timer");
    expect((pause?.at ?? 1) % HOUR).toBe(0);
    expect(tenant.scheduler.size).toBe(0);
  });

  it("minus phrases: strong removes the exact phrase, phrase/excluded remove every phrase holding their words", () => {
    const tenant = wbTenant();
    const c = putCampaign(tenant, { type: 9, budget: 1_000_000 });
    const traffic = wildberriesState(tenant).traffic.byCampaign.get(c.advertId);
    const keywords = traffic?.keywords ?? [];
    const base = keywords[0] ?? "";
    c.phrases = { ...c.phrases, strong: [base], phrase: ["недорого"], excluded: ["отзывы"] };
    tenant.advance(2 * DAY);
    const totals = traffic === undefined ? [] : keywordTotals(traffic);
    const viewed = keywords.filter((_, i) => (totals[i * WORD_METRICS + WORD_VIEWS] ?? 0) > 0);
    expect(viewed.length).toBeGreaterThan(2);
    expect(viewed).not.toContain(base);
    expect(viewed.filter((k) => k.includes("недорого") || k.includes("отзывы"))).toEqual([]);
    // Exact-match minus leaves longer phrases that contain the base phrase.
    expect(viewed.some((k) => k !== base && k.includes(base))).toBe(true);
  });

  it("every minus phrase set: no search traffic at all, and the Auction (catalog bid 0) shows nowhere", () => {
    const tenant = wbTenant();
    const c = putCampaign(tenant, { type: 9, budget: 1_000_000 });
    c.phrases = { ...c.phrases, excluded: [...(wildberriesState(tenant).traffic.byCampaign.get(c.advertId)?.keywords ?? [])] };
    tenant.advance(DAY);
    expect(viewsOf(tenant, c.advertId)).toBe(0);
    expect(c.budget).toBe(1_000_000);
  });

  it("a higher bid buys more views", () => {
    const tenant = wbTenant();
    const low = putCampaign(tenant, { budget: 1_000_000, cpm: 100 });
    const high = putCampaign(tenant, { budget: 1_000_000, cpm: 900 });
    tenant.advance(3 * DAY);
    expect(viewsOf(tenant, high.advertId)).toBeGreaterThan(2 * viewsOf(tenant, low.advertId));
  });
});
