import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, createAuto, fund, statusOf } from "./campaign-fixtures.js";
import { advance, control, HOUR, MINUTE, settings, wb, type Target } from "./helpers.js";
import { budgetTotal, expectConsistent, fullstatsOf, spentKop, statusEvents, updSum } from "./traffic-fixtures.js";

const T0_ISO = (ms: number) => new Date(Date.UTC(2026, 0, 15, 9) + ms).toISOString();

async function sandbox(seed?: string) {
  const { app } = makeSandbox(seed === undefined ? {} : { seed });
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  return app;
}

/** An automatic campaign created paused (11) with a 1000 ₽ budget. */
async function pausedAuto(app: Target): Promise<number> {
  await fund(app, 1000);
  return createAuto(app, { on_pause: true });
}

const week = (id: number) => [{ id, interval: { begin: "2026-01-15", end: "2026-01-21" } }];

describe("traffic simulation", () => {
  it("a campaign gets traffic only while it is active (9)", async () => {
    const app = await sandbox();
    const id = await pausedAuto(app);
    await advance(app, "PT6H");
    let [stats] = await fullstatsOf(app, week(id));
    expect(stats).toMatchObject({ advertId: id, views: 0, clicks: 0, sum: 0, days: [] });
    expect(await budgetTotal(app, id)).toBe(1000);

    await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
    await advance(app, "PT3H");
    [stats] = await fullstatsOf(app, week(id));
    const afterActive = stats?.views ?? 0;
    expect(afterActive).toBeGreaterThan(0);
    expect(stats?.sum).toBeGreaterThan(0);

    await wb(app, "GET", `/adv/v0/pause?id=${id}`).expect(200);
    const budgetAtPause = await budgetTotal(app, id);
    await advance(app, "P2D");
    [stats] = await fullstatsOf(app, week(id));
    expect(stats?.views).toBe(afterActive);
    expect(await budgetTotal(app, id)).toBe(budgetAtPause);

    await wb(app, "GET", `/adv/v0/stop?id=${id}`).expect(200);
    await advance(app, "P1D");
    [stats] = await fullstatsOf(app, week(id));
    expect(stats?.views).toBe(afterActive);
  });

  it("counts exactly the part of an hour a campaign was active", async () => {
    const app = await sandbox();
    await fund(app, 1000);
    const id = await createAuction(app);
    await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000 }).expect(200);
    await advance(app, "PT3M");
    await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
    await advance(app, "PT20M");
    await wb(app, "GET", `/adv/v0/pause?id=${id}`).expect(200);
    const words = async () => (await wb(app, "GET", `/adv/v1/stat/words?id=${id}`).expect(200)).body.stat[0];
    const total = await words();
    // Booked at the pause, before any hourly tick: 20 minutes of traffic, duration 1200 s.
    expect(total.duration).toBe(20 * 60);
    expect(total.views).toBeGreaterThan(0);
    await advance(app, "PT5H");
    expect(await words()).toEqual(total);
    await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
    await advance(app, "PT1H30M");
    // Started at 14:23 Moscow; the hourly tick at 15:00 booked 37 minutes, 15:00-15:53 waits for the 16:00 tick.
    expect((await words()).duration).toBe(20 * 60 + 37 * 60);
    await advance(app, "PT7M");
    expect((await words()).duration).toBe(20 * 60 + 97 * 60);
    const clock = await control(app, "GET", "/clock").expect(200);
    expect(clock.body.now).toBe(T0_ISO(7 * HOUR));
  });

  it("is deterministic: two sandboxes with the same seed and calls give the same statistics", async () => {
    const run = async () => {
      const app = await sandbox("same-seed");
      await fund(app, 3000);
      const auto = await createAuto(app, { sum: 2000 });
      const auction = await createAuction(app);
      await wb(app, "POST", `/adv/v1/budget/deposit?id=${auction}`, { sum: 1000 }).expect(200);
      await wb(app, "GET", `/adv/v0/start?id=${auction}`).expect(200);
      await advance(app, "P2DT5H");
      return fullstatsOf(app, [...week(auto), ...week(auction)]);
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.map((c) => c.views).every((v) => v > 0)).toBe(true);
    const other = await (async () => {
      const app = await sandbox("another-seed");
      await fund(app, 2000);
      const auto = await createAuto(app, { sum: 2000 });
      await advance(app, "P2DT5H");
      return fullstatsOf(app, week(auto));
    })();
    expect(other[0]?.views).not.toBe(a[0]?.views);
  });

  it("debits the budget by exactly the spend (whole rubles charged, kopecks carried) and upd rows sum to it", async () => {
    const app = await sandbox();
    await fund(app, 5000);
    const id = await createAuto(app, { sum: 5000 });
    await advance(app, "P1DT7H30M");
    const budget = await budgetTotal(app, id);
    const charged = await updSum(app, id, "2026-01-15", "2026-01-16");
    const spent = await spentKop(app, id, "2026-01-15", "2026-01-16");
    expect(charged).toBeGreaterThan(0);
    expect(5000 - budget).toBe(charged);
    expect(spent - charged * 100).toBeGreaterThanOrEqual(0);
    expect(spent - charged * 100).toBeLessThan(100);
  });

  it("an empty budget pauses the campaign (11) at the end of the hour it ran out in, spending exactly the budget", async () => {
    const app = await sandbox("budget");
    await fund(app, 1000);
    const id = await createAuto(app);
    await advance(app, "P10D");
    expect(await statusOf(app, id)).toBe(11);
    expect(await budgetTotal(app, id)).toBe(0);
    const events = await statusEvents(app, id);
    const paused = events.at(-1);
    expect(paused?.slice(0, 3)).toEqual([9, 11, "timer"]);
    const at = Date.parse(String(paused?.[3]));
    expect(at % HOUR).toBe(0);
    expect(await spentKop(app, id, "2026-01-15", "2026-01-25")).toBe(1000 * 100);
    expect(await updSum(app, id, "2026-01-15", "2026-01-25")).toBe(1000);

    // The same seller one millisecond before that instant: still active, with money left.
    const twin = await sandbox("budget");
    await fund(twin, 1000);
    const twinId = await createAuto(twin);
    expect(twinId).toBe(id);
    await advance(twin, at - Date.UTC(2026, 0, 15, 9) - 1);
    expect(await statusOf(twin, id)).toBe(9);
    expect(await budgetTotal(twin, id)).toBeGreaterThan(0);
    await advance(twin, 1);
    expect(await statusOf(twin, id)).toBe(11);
    expect(await budgetTotal(twin, id)).toBe(0);

    // A top-up does not restart it; the seller does.
    await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000, type: 0 }).expect(400);
    await fund(app, 1000);
    await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000 }).expect(200);
    await advance(app, "PT2H");
    expect(await statusOf(app, id)).toBe(11);
    await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
    await advance(app, "PT2H");
    expect(await budgetTotal(app, id)).toBeLessThan(1000);
  });

  it("fullstats levels are exact sums with consistent ratios, for both campaign types", async () => {
    const app = await sandbox();
    await fund(app, 3000);
    const auto = await createAuto(app, { sum: 2000 });
    const auction = await createAuction(app);
    await wb(app, "POST", `/adv/v1/budget/deposit?id=${auction}`, { sum: 1000 }).expect(200);
    await wb(app, "GET", `/adv/v0/start?id=${auction}`).expect(200);
    await advance(app, "P3D");
    const stats = await fullstatsOf(app, [...week(auto), ...week(auction)]);
    expect(stats).toHaveLength(2);
    expect(stats[0]?.boosterStats?.length).toBeGreaterThan(0);
    expect(stats[1]?.boosterStats).toEqual([]);
    for (const c of stats) {
      expect(c.days.length).toBeGreaterThanOrEqual(3);
      expectConsistent(c);
    }
  });
});
