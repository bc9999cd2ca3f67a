import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { advertInfo, createAuction, createAuto, fund, sellerCatalogue, statusOf, transitions } from "./campaign-fixtures.js";
import { advance, control, SECOND, settings, wb, type Target } from "./helpers.js";

/** Moves the clock and returns what fired: [kind, at, detail...]. */
async function tick(app: Target, by: string | number): Promise<Record<string, unknown>[]> {
  const res = await control(app, "POST", "/clock/advance", { by }).expect(200);
  return res.body.fired;
}

async function realistic() {
  const { app } = makeSandbox();
  await settings(app, { consistency: "realistic", rateLimits: "off" });
  return app;
}

describe("realistic consistency: the 3-minute sync of lists and info", () => {
  it("a new campaign is listed only from the next 3-minute sync", async () => {
    const app = await realistic();
    const id = await createAuction(app);
    expect((await wb(app, "POST", "/adv/v1/promotion/adverts", [id])).status).toBe(204);
    expect((await wb(app, "GET", "/adv/v1/promotion/count").expect(200)).body).toEqual({ adverts: null, all: 0 });
    await advance(app, 3 * 60_000 - SECOND);
    expect(await statusOf(app, id)).toBeUndefined();
    await advance(app, SECOND);
    expect(await statusOf(app, id)).toBe(4);
    expect((await wb(app, "GET", "/adv/v1/promotion/count").expect(200)).body.all).toBe(1);
  });

  it("immediate consistency lists it at once", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    const id = await createAuction(app);
    expect(await statusOf(app, id)).toBe(4);
  });

  it("a rename shows from the next sync; until then readers see the old name", async () => {
    const app = await realistic();
    const id = await createAuction(app);
    await advance(app, "PT3M10S");
    await wb(app, "POST", "/adv/v0/rename", { advertId: id, name: "Новое" }).expect(200);
    expect((await advertInfo(app, id))?.["name"]).toBe("Аукцион");
    await advance(app, "PT2M50S");
    expect((await advertInfo(app, id))?.["name"]).toBe("Новое");
  });
});

describe("realistic consistency: status actions at the next minute boundary", () => {
  it("stop is accepted now, applied by a timer at the minute, and shown from the following sync", async () => {
    const app = await realistic();
    const id = await createAuction(app);
    await advance(app, "PT3M10S");
    await wb(app, "GET", `/adv/v0/stop?id=${id}`).expect(200);
    const fired = await tick(app, "PT50S");
    expect(fired).toContainEqual({ at: "2026-01-15T09:04:00.000Z", kind: "wildberries.campaignAction", advertId: id, action: "stop", applied: true, status: 7 });
    expect((await transitions(app, id))[1]).toEqual([4, 7, "timer", "2026-01-15T09:04:00.000Z"]);
    await advance(app, "PT1M59S");
    expect(await statusOf(app, id)).toBe(4);
    await advance(app, SECOND);
    expect(await statusOf(app, id)).toBe(7);
  });

  it("a disallowed action is refused at call time even when queued actions are pending", async () => {
    const app = await realistic();
    const id = await createAuction(app);
    const res = await wb(app, "GET", `/adv/v0/start?id=${id}`);
    expect(res.status).toBe(422);
    expect(res.body).toBe("Статус кампании не изменен");
    await advance(app, "PT2M");
    expect(await transitions(app, id)).toEqual([[null, 4, "request", "2026-01-15T09:00:00.000Z"]]);
  });

  it("the last action in the minute wins: start then stop on a paused campaign goes 11 -> 7 only", async () => {
    const app = await realistic();
    await fund(app, 1000);
    const id = await createAuto(app, { on_pause: true });
    await advance(app, "PT3M10S");
    await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
    await advance(app, "PT10S");
    await wb(app, "GET", `/adv/v0/stop?id=${id}`).expect(200);
    await advance(app, "PT40S");
    expect(await transitions(app, id)).toEqual([
      [null, 11, "request", "2026-01-15T09:00:00.000Z"],
      [11, 7, "timer", "2026-01-15T09:04:00.000Z"],
    ]);
  });

  it("a call refused at call time does not replace the queued action", async () => {
    const app = await realistic();
    await fund(app, 1000);
    const id = await createAuto(app);
    await advance(app, "PT10S");
    await wb(app, "GET", `/adv/v0/pause?id=${id}`).expect(200);
    expect((await wb(app, "GET", `/adv/v0/start?id=${id}`)).status).toBe(422);
    await advance(app, "PT50S");
    expect((await transitions(app, id))[1]).toEqual([9, 11, "timer", "2026-01-15T09:01:00.000Z"]);
  });

  it("the queued action is validated again when applied: declined in the meantime, nothing happens", async () => {
    const app = await realistic();
    await fund(app, 1000);
    const id = await createAuto(app);
    await wb(app, "GET", `/adv/v0/pause?id=${id}`).expect(200);
    await control(app, "POST", `/wildberries/campaigns/${id}/moderation`, { decision: "decline" }).expect(200);
    await advance(app, "PT2M");
    expect((await transitions(app, id)).map(([from, to, cause]) => [from, to, cause])).toEqual([
      [null, 9, "request"],
      [9, 8, "control"],
    ]);
  });
});

describe("realistic consistency: bids at the next 30-second boundary", () => {
  it("the last bid of the window is applied at the boundary, and shown from the following sync", async () => {
    const app = await realistic();
    const id = await createAuction(app);
    const subject = (await sellerCatalogue(app)).subjects[0]?.id ?? 0;
    await advance(app, "PT3M10S");
    await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 200, param: subject }).expect(200);
    await advance(app, "PT10S");
    await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 300, param: subject }).expect(200);
    const fired = await tick(app, "PT10S");
    expect(fired).toEqual([{ at: "2026-01-15T09:03:30.000Z", kind: "wildberries.campaignBids", advertId: id, applied: 1 }]);
    await advance(app, "PT2M30S");
    expect((await advertInfo(app, id))?.["unitedParams"]).toMatchObject([{ searchCPM: 300 }]);
    // A bid 10 s before the 09:09 sync is applied at 09:09:00, after the sync: it shows at 09:12.
    await advance(app, "PT2M50S");
    await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 400, param: subject }).expect(200);
    await advance(app, "PT10S");
    expect((await advertInfo(app, id))?.["unitedParams"]).toMatchObject([{ searchCPM: 300 }]);
    await advance(app, "PT3M");
    expect((await advertInfo(app, id))?.["unitedParams"]).toMatchObject([{ searchCPM: 400 }]);
  });
});
