import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, createAuto, fund } from "./campaign-fixtures.js";
import { advance, OTHER_TOKEN, settings, wb, type Target } from "./helpers.js";
import { expectConsistent, fullstatsOf } from "./traffic-fixtures.js";

async function withAuto(days: string = "P3D"): Promise<{ app: Target; id: number }> {
  const { app } = makeSandbox();
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  await fund(app, 5000);
  const id = await createAuto(app, { sum: 5000 });
  await advance(app, days);
  return { app, id };
}

const error = async (app: Target, body: unknown, token?: string) => {
  const res = await wb(app, "POST", "/adv/v2/fullstats", body as never, token);
  expect(res.status).toBe(400);
  return res.body;
};

describe("POST /adv/v2/fullstats", () => {
  it("answers the v2 nesting: totals, days[].apps[].nm[] with names, boosterStats for automatic campaigns", async () => {
    const { app, id } = await withAuto();
    const [c] = await fullstatsOf(app, [{ id, interval: { begin: "2026-01-15", end: "2026-01-18" } }]);
    if (c === undefined) throw new Error("no campaign");
    expect(Object.keys(c)).toEqual(["interval", "views", "clicks", "ctr", "cpc", "sum", "atbs", "orders", "cr", "shks", "sum_price", "days", "boosterStats", "advertId"]);
    expect(c.interval).toEqual({ begin: "2026-01-15", end: "2026-01-18" });
    expect(c.advertId).toBe(id);
    expect(c.days.map((d) => d.date)).toEqual(["2026-01-15T03:00:00+03:00", "2026-01-16T03:00:00+03:00", "2026-01-17T03:00:00+03:00", "2026-01-18T03:00:00+03:00"]);
    const app0 = c.days[1]?.apps[0];
    expect(Object.keys(app0 ?? {})).toEqual(["views", "clicks", "ctr", "cpc", "sum", "atbs", "orders", "cr", "shks", "sum_price", "nm", "appType"]);
    expect(c.days[1]?.apps.map((a) => a.appType)).toEqual([1, 32, 64]);
    const nm = app0?.nm[0];
    expect(Object.keys(nm ?? {})).toEqual(["views", "clicks", "ctr", "cpc", "sum", "atbs", "orders", "cr", "shks", "sum_price", "name", "nmId"]);
    expect(nm?.name).toMatch(/\S/);
    expect(c.boosterStats?.length).toBeGreaterThan(0);
    for (const b of c.boosterStats ?? []) {
      expect(b.date).toMatch(/^2026-01-1[5-8]T00:00:00Z$/);
      expect(b.avg_position).toBeGreaterThan(0);
    }
    expectConsistent(c);
    // A whole day has traffic in every hour: more than the first half-day.
    expect(c.days[1]?.views).toBeGreaterThan(c.days[0]?.views ?? 0);
  });

  it("dates answers just those days and echoes them; a repeated id answers once", async () => {
    const { app, id } = await withAuto();
    const [all] = await fullstatsOf(app, [{ id, interval: { begin: "2026-01-15", end: "2026-01-18" } }]);
    const picked = await fullstatsOf(app, [{ id, dates: ["2026-01-17", "2026-01-15"] }, { id }]);
    // (the repeated id is left out)
    expect(picked).toHaveLength(1);
    const [c] = picked;
    expect(c?.dates).toEqual(["2026-01-17", "2026-01-15"]);
    expect(c?.interval).toBeUndefined();
    expect(c?.days.map((d) => d.date)).toEqual(["2026-01-15T03:00:00+03:00", "2026-01-17T03:00:00+03:00"]);
    expect(c?.days[1]).toEqual(all?.days[2]);
    expect(c?.views).toBe((all?.days[0]?.views ?? 0) + (all?.days[2]?.views ?? 0));
  });

  it("an id alone answers yesterday and today (the last 24 hours at day grain), echoed as dates", async () => {
    const { app, id } = await withAuto();
    const [c] = await fullstatsOf(app, [{ id }]);
    expect(c?.dates).toEqual(["2026-01-17", "2026-01-18"]);
    expect(c?.interval).toBeUndefined();
    expect(c?.days.map((d) => d.date)).toEqual(["2026-01-17T03:00:00+03:00", "2026-01-18T03:00:00+03:00"]);
  });

  it("reports campaigns in 7, 9 and 11 only; none left is 400 {error: Не найдено}", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    await fund(app, 2000);
    const ready = await createAuction(app);
    const paused = await createAuto(app, { on_pause: true });
    expect(await error(app, [{ id: ready }])).toEqual({ error: "Не найдено" });
    expect(await error(app, [{ id: 1234 }])).toEqual({ error: "Не найдено" });
    expect(await error(app, [{ id: paused }], OTHER_TOKEN)).toEqual({ error: "Не найдено" });
    const stats = await fullstatsOf(app, [{ id: ready }, { id: paused }, { id: 99 }]);
    expect(stats).toEqual([
      { dates: ["2026-01-14", "2026-01-15"], views: 0, clicks: 0, ctr: 0, cpc: 0, sum: 0, atbs: 0, orders: 0, cr: 0, shks: 0, sum_price: 0, days: [], boosterStats: [], advertId: paused },
    ]);
    await wb(app, "GET", `/adv/v0/stop?id=${ready}`).expect(200);
    expect((await fullstatsOf(app, [{ id: ready }]))[0]?.advertId).toBe(ready);
  });

  it("refuses bad dates with the documented texts", async () => {
    const { app, id } = await withAuto("PT1H");
    const begin = { error: "Некорректная дата начала" };
    const end = { error: "Некорректная дата конца" };
    expect(await error(app, [{ id, interval: { begin: "2026-13-01", end: "2026-01-15" } }])).toEqual(begin);
    expect(await error(app, [{ id, interval: { end: "2026-01-15" } }])).toEqual(begin);
    expect(await error(app, [{ id, interval: { begin: "2026-01-15", end: "15.01.2026" } }])).toEqual(end);
    expect(await error(app, [{ id, interval: { begin: "2026-01-15" } }])).toEqual(end);
    expect(await error(app, [{ id, interval: { begin: "2026-01-15", end: "2026-01-14" } }])).toEqual(end);
    expect(await error(app, [{ id, dates: ["2026-01-15", "yesterday"] }])).toEqual(begin);
    expect(await error(app, [{ id, dates: [] }])).toEqual(begin);
    // api_fullstat_day_depth: a period spans at most 31 days.
    expect(await error(app, [{ id, interval: { begin: "2025-12-15", end: "2026-01-15" } }])).toEqual(begin);
    expect(await error(app, [{ id, dates: ["2025-12-15", "2026-01-15"] }])).toEqual(begin);
    expect((await fullstatsOf(app, [{ id, interval: { begin: "2025-12-16", end: "2026-01-15" } }]))[0]?.views).toBeGreaterThan(0);
  });

  it("refuses a body that is not 1-100 items of {id, dates | interval} with {error}", async () => {
    const { app, id } = await withAuto("PT1H");
    const bodies: unknown[] = [
      [],
      { id },
      [{ dates: ["2026-01-15"] }],
      [{ id: "x" }],
      [{ id, dates: ["2026-01-15"], interval: { begin: "2026-01-15", end: "2026-01-15" } }],
      Array.from({ length: 101 }, () => ({ id })),
    ];
    for (const body of bodies) expect((await error(app, body)).error).toMatch(/^Некорректное тело запроса/);
    const junk = await wb(app, "POST", "/adv/v2/fullstats").set("Content-Type", "application/json").send("[{");
    expect(junk.status).toBe(400);
    expect(junk.body.error).toMatch(/^Некорректное тело запроса/);
    // Unknown keys (__proto__ included) are ignored.
    const extra = await wb(app, "POST", "/adv/v2/fullstats").set("Content-Type", "application/json").send(`[{"id":${id},"extra":1,"__proto__":{"id":5}}]`);
    expect(extra.status).toBe(200);
    expect(extra.body[0].advertId).toBe(id);
  });

  it("holds 100 campaigns", async () => {
    const { app, id } = await withAuto("PT2H");
    const items = Array.from({ length: 100 }, (_, i) => ({ id: i === 99 ? id : 1000 + i }));
    expect((await fullstatsOf(app, items)).map((c) => c.advertId)).toEqual([id]);
  });
});
