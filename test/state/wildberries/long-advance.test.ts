import { describe, expect, it } from "vitest";
import type { Tenant } from "../../../src/state/kernel/tenant.js";
import { createMedia } from "../../../src/state/wildberries/media.js";
import { exportWildberries } from "../../../src/state/wildberries/snapshot.js";
import { wildberriesState } from "../../../src/state/wildberries/state.js";
import { autoStatWords } from "../../../src/state/wildberries/stat-words.js";
import { oldestKeptDay, STATS_RETENTION_DAYS } from "../../../src/state/wildberries/stats-retention.js";
import { DAY, HOUR, putCampaign, wbTenant } from "./traffic-fixture.js";

/** A seller with every kind of running traffic: promotion campaigns (one that runs dry) and media campaigns. */
function busySeller(seed = "seed"): Tenant {
  const tenant = wbTenant("seller", seed);
  putCampaign(tenant, { budget: 10_000_000 });
  putCampaign(tenant, { type: 9, budget: 10_000_000 });
  putCampaign(tenant, { budget: 3_000 });
  putCampaign(tenant, { type: 9, budget: 2_000, cpm: 400 });
  const media = [
    { name: "Дни", brand: "Б", type: 1 as const, items: [{ name: "Баннер", cpm: 2400 }] },
    { name: "Показы", brand: "Б", type: 2 as const, budget: 30_000, items: [{ name: "Баннер", cpm: 300 }, { name: "Второй", cpm: 500 }] },
    { name: "Лимит", brand: "Б", type: 2 as const, budget: 1_000_000, items: [{ name: "Баннер", cpm: 400, dailyLimit: 700 }] },
  ];
  for (const input of media) if (!createMedia(tenant, input).ok) throw new Error("media not created");
  return tenant;
}

/** Everything of the tenant that a state export holds, plus its event log. */
function stateOf(tenant: Tenant): string {
  return JSON.stringify({
    now: tenant.now(),
    wildberries: exportWildberries(tenant),
    scheduler: tenant.scheduler.snapshot(),
    rng: tenant.rng.snapshot(),
    events: tenant.events.toArray(),
  });
}

/** The first path where two JSON values differ ("" when equal): a readable failure for large states. */
function firstDifference(a: unknown, b: unknown, path = ""): string {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Object.is(a, b) ? "" : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(Reflect.get(a, key), Reflect.get(b, key), `${path}.${key}`);
    if (found !== "") return found;
  }
  return JSON.stringify(Object.keys(a)) === JSON.stringify(Object.keys(b)) ? "" : `${path}: keys in another order`;
}

const sameState = (a: Tenant, b: Tenant) => firstDifference(JSON.parse(stateOf(a)), JSON.parse(stateOf(b)));

function advanceBy(tenant: Tenant, steps: readonly number[]): void {
  for (const ms of steps) tenant.advance(ms);
}

describe("a long clock move", () => {
  it("leaves the same state as the same time moved hour by hour (60 one-day advances tick every hour)", () => {
    const once = busySeller();
    once.advance(60 * DAY);
    const daily = busySeller();
    advanceBy(daily, Array.from({ length: 60 }, () => DAY));
    expect(sameState(once, daily)).toBe("");
    // The run had something to show: budgets ran out and media paused at daily limits.
    const events = once.events.toArray();
    expect(events.filter((e) => e.entity === "campaign" && e.to === 11)).toHaveLength(2);
    expect(events.filter((e) => e.entity === "media-campaign" && e.to === 10).length).toBeGreaterThan(30);
    expect(events.filter((e) => e.entity === "media-campaign" && e.to === 11)).toHaveLength(1);
  });

  it("split anywhere (odd minutes, mid-day, months), it leaves the same state as one advance", () => {
    const total = 700 * DAY + 5 * HOUR;
    const pieces = [77 * 60_000, 3 * HOUR, 2 * DAY + 13 * HOUR, 45 * DAY, 200 * DAY];
    const rest = total - pieces.reduce((a, b) => a + b, 0);
    const once = busySeller();
    once.advance(total);
    const split = busySeller();
    advanceBy(split, [...pieces, rest]);
    expect(sameState(once, split)).toBe("");
  });

  it("keeps per-day statistics for STATS_RETENTION_DAYS days, and whole-life keyword figures whole", () => {
    const tenant = busySeller();
    const auto = [...wildberriesState(tenant).campaigns.values()][0];
    if (auto === undefined) throw new Error("no campaign");
    const before = autoStatWords(tenant, auto.advertId);
    tenant.advance(30 * DAY);
    const month = autoStatWords(tenant, auto.advertId);
    tenant.advance(3 * 365 * DAY);
    const state = wildberriesState(tenant);
    const oldest = oldestKeptDay(tenant.now());
    for (const traffic of state.traffic.byCampaign.values()) {
      expect(traffic.days.length).toBeLessThanOrEqual(STATS_RETENTION_DAYS);
      expect(traffic.days.every((d) => d.day >= oldest)).toBe(true);
    }
    expect(state.upd.every((row) => row.day >= oldest)).toBe(true);
    // The media campaign paid by the day runs all along (the others paused or ran dry and keep what they had).
    const byDays = [...state.media.values()].find((m) => m.type === 1);
    expect(byDays?.status).toBe(6);
    expect(Object.keys(byDays?.traffic ?? {}).every((key) => key.slice(0, 10) >= oldest)).toBe(true);
    const later = autoStatWords(tenant, auto.advertId);
    const count = (r: typeof later) => (r.ok ? r.value.clusters.reduce((sum, c) => sum + c.count, 0) : -1);
    expect(count(before)).toBe(0);
    // Three years on, the clusters count every view since the start: far more than a month's.
    expect(count(later)).toBeGreaterThan(30 * count(month));
  });

  it("a century: the traffic timers jump, the state stays bounded", () => {
    const tenant = busySeller();
    const report = tenant.advanceReport(100 * 365 * DAY, 0);
    // Hour by hour this would be 876,000 ticks per timer.
    expect(report.total).toBeLessThan(200_000);
    const exported = JSON.stringify(exportWildberries(tenant));
    const state = wildberriesState(tenant);
    for (const traffic of state.traffic.byCampaign.values()) expect(traffic.days.length).toBeLessThanOrEqual(STATS_RETENTION_DAYS);
    expect(exported.length).toBeLessThan(5 * 1024 * 1024);
  });
});
