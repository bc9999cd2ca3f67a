import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, control, OTHER_TOKEN, settings, wb, type Target } from "./helpers.js";

const BANNER = { name: "Баннер", cpm: 300 };
const BUDGET_REASON = "Для возобновления показов пополните бюджет медиакампании";
const DEFAULT_REJECTION = "Медиакампания отклонена модератором: исправьте баннеры и отправьте её на модерацию снова";

async function setup(body: JsonObject = {}): Promise<{ app: Target; id: number }> {
  const { app } = makeSandbox();
  await settings(app, { rateLimits: "off" });
  const res = await control(app, "POST", "/wildberries/media-campaigns", { name: "Медиа", brand: "Plank", type: 2, budget: 10000, items: [BANNER], ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { app, id: res.body.advertId };
}

const advert = async (app: Target, id: number) => (await wb(app, "GET", `/adv/v1/advert?id=${id}`).expect(200)).body;

async function mediaEvents(app: Target, id: number, entity = "media-campaign"): Promise<JsonObject[]> {
  const res = await control(app, "GET", "/events?provider=wildberries").expect(200);
  return res.body.events.filter((e: { entity: string; id: string }) => e.entity === entity && e.id === String(id));
}

describe("POST /__sandbox/wildberries/media-campaigns/{advertId}/moderation", () => {
  it("approve moves a campaign in moderation (2) to 4 (ready to launch), recorded with cause control", async () => {
    const { app, id } = await setup({ status: 2 });
    const res = await control(app, "POST", `/wildberries/media-campaigns/${id}/moderation`, { decision: "approve" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ advertId: id, status: 4, reason: null });
    const shown = await advert(app, id);
    expect(shown.status).toBe(4);
    expect(shown.extended.reason).toBeNull();
    expect(shown.items.map((i: { status: number }) => i.status)).toEqual([4]);
    expect((await wb(app, "GET", "/adv/v1/count").expect(200)).body).toEqual({ all: 1, adverts: [{ type: 2, status: 4, count: 1 }] });
    expect((await mediaEvents(app, id)).slice(1)).toEqual([
      expect.objectContaining({ from: 2, to: 4, cause: "control", detail: { decision: "approve" } }),
    ]);
    // Approved is "ready to launch": the seller may pause it, then start it (the API has no launch from 4).
    await wb(app, "POST", "/adv/v1/advert/pause", { advert_id: id }).expect(200);
    await wb(app, "POST", "/adv/v1/advert/start", { advert_id: id }).expect(200);
    await advance(app, "PT5M");
    expect((await advert(app, id)).status).toBe(6);
  });

  it("reject moves it to 3 with the moderator's comment in extended.reason (the sandbox's text when none is given)", async () => {
    const { app, id } = await setup({ status: 2 });
    const res = await control(app, "POST", `/wildberries/media-campaigns/${id}/moderation`, { decision: "reject", reason: "Баннер не соответствует требованиям" });
    expect(res.body).toEqual({ advertId: id, status: 3, reason: "Баннер не соответствует требованиям" });
    const shown = await advert(app, id);
    expect(shown.status).toBe(3);
    expect(shown.extended.reason).toBe("Баннер не соответствует требованиям");
    expect((await mediaEvents(app, id)).at(-1)).toEqual(
      expect.objectContaining({ from: 2, to: 3, cause: "control", detail: { decision: "reject", reason: "Баннер не соответствует требованиям" } }),
    );
    // A rejected campaign may be stopped, not started (start is for 9 and 11).
    expect((await wb(app, "POST", "/adv/v1/advert/start", { advert_id: id })).body).toBe("Changing status is not possible");

    const other = await setup({ status: 2 });
    const plain = await control(other.app, "POST", `/wildberries/media-campaigns/${other.id}/moderation`, { decision: "reject" }).expect(200);
    expect(plain.body.reason).toBe(DEFAULT_REJECTION);
  });

  it("only a campaign in moderation: 409 not_in_moderation, nothing changes", async () => {
    const { app, id } = await setup({ status: 6 });
    const res = await control(app, "POST", `/wildberries/media-campaigns/${id}/moderation`, { decision: "approve" });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: { code: "not_in_moderation", message: `media campaign ${id} has status 6; only a campaign in moderation (2) can be approved or rejected` },
    });
    expect((await advert(app, id)).status).toBe(6);
  });

  it("404 for an unknown or another tenant's campaign, 400 for a bad decision", async () => {
    const { app, id } = await setup({ status: 2 });
    const foreign = await control(app, "POST", `/wildberries/media-campaigns/${id}/moderation`, { decision: "approve" }, OTHER_TOKEN);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toEqual({ code: "media_campaign_not_found", message: `this tenant has no Wildberries media campaign ${id}` });
    expect((await control(app, "POST", "/wildberries/media-campaigns/abc/moderation", { decision: "approve" })).status).toBe(404);
    const bad = await control(app, "POST", `/wildberries/media-campaigns/${id}/moderation`, { decision: "maybe" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    expect((await advert(app, id)).status).toBe(2);
  });
});

describe("POST /__sandbox/wildberries/media-campaigns/{advertId}/budget", () => {
  it("pays into a campaign paused for its budget (11): the reason goes, it stays 11 until the seller starts it, then runs", async () => {
    const { app, id } = await setup({ status: 11, budget: 0 });
    // A start without money lands back in 11 with the documented reason.
    await wb(app, "POST", "/adv/v1/advert/start", { advert_id: id }).expect(200);
    await advance(app, "PT5M");
    expect((await advert(app, id)).extended).toEqual(expect.objectContaining({ budget: 0, reason: BUDGET_REASON }));

    const res = await control(app, "POST", `/wildberries/media-campaigns/${id}/budget`, { sum: 5000 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ advertId: id, status: 11, budget: 5000 });
    const paid = await advert(app, id);
    expect(paid.status).toBe(11);
    expect(paid.extended).toEqual(expect.objectContaining({ budget: 5000, reason: null }));
    expect(await mediaEvents(app, id, "media-budget")).toEqual([expect.objectContaining({ from: 0, to: 5000, cause: "control" })]);

    await wb(app, "POST", "/adv/v1/advert/start", { advert_id: id }).expect(200);
    await advance(app, "PT5M");
    expect((await advert(app, id)).status).toBe(6);
    // It spends the new budget.
    await advance(app, "PT2H");
    expect((await advert(app, id)).extended.budget).toBeLessThan(5000);
  });

  it("a running campaign's spend so far is accounted first, at the old budget", async () => {
    const { app, id } = await setup({ status: 6, budget: 10000 });
    await advance(app, "PT30M");
    const res = await control(app, "POST", `/wildberries/media-campaigns/${id}/budget`, { sum: 1000 }).expect(200);
    const shown = await advert(app, id);
    expect(shown.extended.expenses).toBeGreaterThan(0);
    expect(res.body.budget).toBe(shown.extended.budget);
    // Whole rubles both (budget rounded down, expenses to the nearest): they add up to 11000 within a ruble.
    expect(Math.abs(shown.extended.budget + shown.extended.expenses - 11000)).toBeLessThanOrEqual(1);
  });

  it("409 for a placement by days (no budget) and for completed or refused campaigns; 404 and 400 as elsewhere", async () => {
    const days = await setup({ type: 1, status: 6 });
    const noBudget = await control(days.app, "POST", `/wildberries/media-campaigns/${days.id}/budget`, { sum: 1000 });
    expect(noBudget.status).toBe(409);
    expect(noBudget.body.error.code).toBe("no_budget");
    const done = await setup({ status: 7 });
    const ended = await control(done.app, "POST", `/wildberries/media-campaigns/${done.id}/budget`, { sum: 1000 });
    expect(ended.status).toBe(409);
    expect(ended.body.error).toEqual({ code: "not_fundable", message: `media campaign ${done.id} has status 7 (completed or refused) and takes no more money` });
    expect((await control(done.app, "POST", `/wildberries/media-campaigns/${done.id}/budget`, { sum: 1000 }, OTHER_TOKEN)).status).toBe(404);
    const bodies: JsonObject[] = [{ sum: 0 }, { sum: 1.5 }, {}];
    for (const body of bodies) {
      const bad = await control(done.app, "POST", `/wildberries/media-campaigns/${done.id}/budget`, body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("invalid_request");
    }
  });
});
