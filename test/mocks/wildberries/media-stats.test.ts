import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, control, settings, wb, type Target } from "./helpers.js";

interface AppStats {
  views: number;
  clicks: number;
  atbs: number;
  ctr: number;
  orders?: number;
  cr?: number;
}
interface Block {
  item_id: number;
  views: number;
  clicks: number;
  atbs: number;
  orders: number;
  ctr: number;
  cr: number;
  cpc: number;
  cr1: number;
  cr2: number;
  expenses: number;
  price: number;
  advert_type: number;
  status: number;
  daily_stats: { date: string; app_type_stats: { app_type: number; stats: AppStats[] }[] }[];
}
interface Entry {
  dates?: string[];
  interval?: { begin: string; end: string };
  stats: Block[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A running views campaign with two banners, 25 hours in: traffic on Moscow days 15 and 16 January. */
async function running(body: JsonObject = {}): Promise<{ app: Target; id: number; itemIds: number[] }> {
  const { app } = makeSandbox();
  await settings(app, { rateLimits: "off" });
  const res = await control(app, "POST", "/wildberries/media-campaigns", {
    name: "Медиа",
    brand: "Plank",
    type: 2,
    budget: 1_000_000,
    items: [
      { name: "Первый", cpm: 300, place: 1 },
      { name: "Второй", cpm: 500, place: 3 },
    ],
    ...body,
  });
  expect(res.status).toBe(201);
  await advance(app, "PT25H");
  return { app, id: res.body.advertId, itemIds: res.body.itemIds };
}

async function stats(app: Target, body: JsonValue): Promise<Entry[]> {
  const res = await wb(app, "POST", "/adv/v1/stats", body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

function sumDays(block: Block): { views: number; clicks: number; atbs: number } {
  const out = { views: 0, clicks: 0, atbs: 0 };
  for (const day of block.daily_stats) {
    for (const app of day.app_type_stats) {
      for (const s of app.stats) {
        out.views += s.views;
        out.clicks += s.clicks;
        out.atbs += s.atbs;
        expect(s.ctr).toBe(s.views === 0 ? 0 : round2((s.clicks / s.views) * 100));
      }
    }
  }
  return out;
}

describe("POST /adv/v1/stats", () => {
  it("{id} gives every day of every banner; totals are the sums of days and app types, ratios consistent", async () => {
    const { app, id, itemIds } = await running();
    const [entry] = await stats(app, [{ id }]);
    expect(entry?.dates).toBeUndefined();
    expect(entry?.interval).toBeUndefined();
    expect(entry?.stats.map((b) => b.item_id)).toEqual(itemIds);
    for (const block of entry?.stats ?? []) {
      expect(block.daily_stats.map((d) => d.date)).toEqual(["2026-01-15T00:00:00+03:00", "2026-01-16T00:00:00+03:00"]);
      expect(block.daily_stats[0]?.app_type_stats.map((a) => a.app_type)).toEqual([1, 32, 64]);
      expect(block.daily_stats[0]?.app_type_stats[0]?.stats[0]).not.toHaveProperty("orders");
      const sums = sumDays(block);
      expect({ views: block.views, clicks: block.clicks, atbs: block.atbs }).toEqual(sums);
      expect(block.views).toBeGreaterThan(1000);
      expect(block.clicks).toBeGreaterThan(0);
      expect(block.ctr).toBe(round2((block.clicks / block.views) * 100));
      expect(block.cr).toBe(round2((block.orders / block.clicks) * 100));
      expect(block.cr1).toBe(round2((block.atbs / block.clicks) * 100));
      expect(block.cr2).toBe(block.atbs === 0 ? 0 : Math.round((block.orders / block.atbs) * 100));
      expect(Math.abs(block.cpc - block.expenses / block.clicks)).toBeLessThanOrEqual(0.01);
      expect(block.price).toBe(block.expenses);
      expect(block.advert_type).toBe(2);
      expect(block.status).toBe(6);
      expect(block.orders).toBeLessThanOrEqual(block.atbs);
    }
    const [first, second] = entry?.stats ?? [];
    // Views cost cpm per 1000: 300 and 500.
    expect(first?.expenses).toBe(round2(((first?.views ?? 0) * 300) / 1000));
    expect(second?.expenses).toBe(round2(((second?.views ?? 0) * 500) / 1000));
    const advert = await wb(app, "GET", `/adv/v1/advert?id=${id}`).expect(200);
    // extended.expenses is whole rubles of the same spend.
    expect(Math.abs(advert.body.extended.expenses - ((first?.expenses ?? 0) + (second?.expenses ?? 0)))).toBeLessThanOrEqual(0.5);
  });

  it("dates and interval select days, echo the request, and add up to the whole", async () => {
    const { app, id } = await running();
    const [whole, byDates, byInterval] = await stats(app, [
      { id },
      { id, dates: ["2026-01-16", "2026-01-20"] },
      { id, interval: { begin: "2026-01-10", end: "2026-01-15" } },
    ]);
    expect(byDates?.dates).toEqual(["2026-01-16", "2026-01-20"]);
    expect(byInterval?.interval).toEqual({ begin: "2026-01-10", end: "2026-01-15" });
    expect(byDates?.stats[0]?.daily_stats.map((d) => d.date)).toEqual(["2026-01-16T00:00:00+03:00"]);
    expect(byInterval?.stats[0]?.daily_stats.map((d) => d.date)).toEqual(["2026-01-15T00:00:00+03:00"]);
    const appStats = byDates?.stats[0]?.daily_stats[0]?.app_type_stats[0]?.stats[0];
    expect(appStats).toHaveProperty("orders");
    expect(appStats?.cr).toBe((appStats?.clicks ?? 0) === 0 ? 0 : round2(((appStats?.orders ?? 0) / (appStats?.clicks ?? 1)) * 100));
    whole?.stats.forEach((block, i) => {
      expect((byDates?.stats[i]?.views ?? 0) + (byInterval?.stats[i]?.views ?? 0)).toBe(block.views);
      // Each answer rounds to kopecks on its own, so the parts may differ from the whole by a kopeck.
      expect(Math.abs((byDates?.stats[i]?.expenses ?? 0) + (byInterval?.stats[i]?.expenses ?? 0) - block.expenses)).toBeLessThanOrEqual(0.011);
    });
  });

  it("answers unknown and foreign campaigns, and days without traffic, with empty stats in their place", async () => {
    const { app, id } = await running();
    const entries = await stats(app, [{ id: 99999999 }, { id, dates: ["2026-01-01"] }, { id }]);
    expect(entries[0]).toEqual({ stats: [] });
    expect(entries[1]).toEqual({ dates: ["2026-01-01"], stats: [] });
    expect(entries[2]?.stats).toHaveLength(2);
    const foreign = await wb(app, "POST", "/adv/v1/stats", [{ id }], "seller-b").expect(200);
    expect(foreign.body).toEqual([{ stats: [] }]);
  });

  it("is deterministic: the same seed and calls give the same numbers", async () => {
    const a = await running();
    const b = await running();
    expect(await stats(b.app, [{ id: b.id }])).toEqual(await stats(a.app, [{ id: a.id }]));
  });

  it("counts nothing while the campaign is paused", async () => {
    const { app, id } = await running();
    await wb(app, "POST", "/adv/v1/advert/pause", { advert_id: id }).expect(200);
    const before = await stats(app, [{ id }]);
    await advance(app, "PT5H");
    expect(await stats(app, [{ id }])).toEqual(before);
  });

  it("a views campaign stops at its budget: it pauses (11) and never spends more than it had", async () => {
    const { app, id } = await running({ budget: 100 });
    const advert = await wb(app, "GET", `/adv/v1/advert?id=${id}`).expect(200);
    expect(advert.body.status).toBe(11);
    const [entry] = await stats(app, [{ id }]);
    const spent = (entry?.stats ?? []).reduce((sum, b) => sum + b.expenses, 0);
    expect(spent).toBeLessThanOrEqual(100);
    expect(spent).toBeGreaterThan(99);
  });

  it("a days campaign (type 1) pays each banner's cpm as its day rate", async () => {
    const { app, id } = await running({ type: 1, budget: 0 });
    const [entry] = await stats(app, [{ id, interval: { begin: "2026-01-15", end: "2026-01-16" } }]);
    // 25 hours at 300 and 500 a day.
    expect(entry?.stats[0]?.expenses).toBe(round2((300 * 25) / 24));
    expect(entry?.stats[1]?.expenses).toBe(round2((500 * 25) / 24));
    expect(entry?.stats[0]?.advert_type).toBe(1);
  });

  it.each<[string, JsonValue]>([
    ["an empty array", []],
    ["101 items", Array.from({ length: 101 }, (_, i) => ({ id: i + 1 }))],
    ["an item without id", [{ dates: ["2026-01-15"] }]],
    ["an object instead of an array", { id: 1 }],
    ["dates and interval together", [{ id: 1, dates: ["2026-01-15"], interval: { begin: "2026-01-15", end: "2026-01-15" } }]],
    ["an interval ending before it begins", [{ id: 1, interval: { begin: "2026-01-16", end: "2026-01-15" } }]],
    ["an impossible date", [{ id: 1, dates: ["2026-02-30"] }]],
    ["a date in another format", [{ id: 1, dates: ["15.01.2026"] }]],
  ])("answers 400 {\"error\": \"Некорректное тело запроса\"} for %s", async (_name, body) => {
    const { app } = makeSandbox();
    const res = await wb(app, "POST", "/adv/v1/stats", body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: "Некорректное тело запроса" });
  });
});
