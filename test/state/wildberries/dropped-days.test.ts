import { describe, expect, it } from "vitest";
import type { Tenant } from "../../../src/state/kernel/tenant.js";
import { createMedia } from "../../../src/state/wildberries/media.js";
import { moscowDate, MOSCOW_OFFSET_MS } from "../../../src/state/wildberries/moscow-time.js";
import { exportWildberries } from "../../../src/state/wildberries/snapshot.js";
import { wildberriesState } from "../../../src/state/wildberries/state.js";
import { oldestKeptDay } from "../../../src/state/wildberries/stats-retention.js";
import { DAY, HOUR, putCampaign, wbTenant } from "./traffic-fixture.js";

/**
 * A long clock move accounts the days that retention surely drops by its end without their per-day
 * cells (stats-retention.ts surelyDroppedBefore). Moved a day at a time, no day is ever such a day:
 * both must leave the same state, whole-life figures (budgets, media expenses, pastWords, upd numbers) included.
 */
function seller(): Tenant {
  const tenant = wbTenant("seller", "dropped-days");
  // Sure to pay for the whole move: these make the days before the last year droppable.
  putCampaign(tenant, { budget: 50_000_000 });
  putCampaign(tenant, { type: 9, budget: 50_000_000 });
  // Runs dry on the way (about a year and a half at ~500 ₽ a day).
  putCampaign(tenant, { budget: 250_000 });
  const media = [
    { name: "Дни", brand: "Б", type: 1 as const, items: [{ name: "Баннер", cpm: 2400 }, { name: "Второй", cpm: 1200 }] },
    { name: "Показы", brand: "Б", type: 2 as const, budget: 50_000_000, items: [{ name: "Баннер", cpm: 300 }] },
    // Pays for about a year and a half of views: runs dry on the way.
    { name: "Мало", brand: "Б", type: 2 as const, budget: 2_500_000, items: [{ name: "Баннер", cpm: 300 }] },
  ];
  for (const input of media) if (!createMedia(tenant, input).ok) throw new Error("media not created");
  return tenant;
}

const stateOf = (tenant: Tenant): string =>
  JSON.stringify({ now: tenant.now(), wildberries: exportWildberries(tenant), scheduler: tenant.scheduler.snapshot(), events: tenant.events.toArray() });

describe("days retention surely drops", () => {
  it("a 900-day move leaves the state of 900 one-day moves, budgets that ran dry on the way included", () => {
    const once = seller();
    once.advance(900 * DAY + 7 * HOUR);
    const daily = seller();
    for (let day = 0; day < 900; day++) daily.advance(DAY);
    daily.advance(7 * HOUR);
    expect(stateOf(once)).toBe(stateOf(daily));
    // Something was dropped, and something ran dry on the way.
    const state = wildberriesState(once);
    expect(state.upd.every((row) => row.day >= oldestKeptDay(once.now()))).toBe(true);
    expect(state.nextUpdNum).toBeGreaterThan(state.upd.length + 365);
    const events = once.events.toArray();
    expect(events.filter((e) => e.entity === "campaign" && e.to === 11)).toHaveLength(1);
    expect(events.filter((e) => e.entity === "media-campaign" && e.to === 11)).toHaveLength(1);
    expect([...state.traffic.byCampaign.values()].every((traffic) => traffic.pastWords.some((n) => n > 0))).toBe(true);
  });
});

describe("moscowDate", () => {
  it("names the Moscow day as Date does, every 7 hours and 1 second over five centuries", () => {
    const reference = (ms: number) => new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1800, 0, 1); ms < Date.UTC(2300, 0, 1); ms += 7 * HOUR + 1000) {
      if (moscowDate(ms) !== reference(ms)) mismatches.push(`${ms}: ${moscowDate(ms)} vs ${reference(ms)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    for (const ms of [-62_167_219_200_000 - 1, 253_402_300_799_999, 8.64e15 - DAY, -8.64e15 + DAY]) expect(moscowDate(ms)).toBe(reference(ms));
  });
});
