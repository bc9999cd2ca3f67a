import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { control, OTHER_TOKEN, settings, wb, type Target } from "./helpers.js";

const BANNER = { name: "Баннер на главной", cpm: 300, budget: 50000, daily_limit: 0, place: 2, advert_type: 1, category_name: "Главная" };

async function create(app: Target, body: JsonObject): Promise<{ advertId: number; itemIds: number[] }> {
  const res = await control(app, "POST", "/wildberries/media-campaigns", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("POST /__sandbox/wildberries/media-campaigns", () => {
  it("creates a running campaign (6) with its banners, shown by GET /adv/v1/advert", async () => {
    const { app } = makeSandbox();
    const { advertId, itemIds } = await create(app, { name: "Весенняя распродажа", brand: "Plank", type: 2, budget: 10000, items: [BANNER] });
    expect(advertId).toBeGreaterThanOrEqual(1_000_000);
    expect(advertId).toBeLessThan(100_000_000);
    expect(itemIds).toHaveLength(1);
    const res = await wb(app, "GET", `/adv/v1/advert?id=${advertId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      advertId,
      name: "Весенняя распродажа",
      brand: "Plank",
      type: 2,
      status: 6,
      createTime: "2026-01-15T12:00:00.000000+03:00",
      extended: {
        reason: null,
        expenses: 0,
        from: "2026-01-15T12:00:00.000000+03:00",
        to: "2100-01-01T00:00:00.000000+03:00",
        updated_at: "2026-01-15T12:00:00.000000+03:00",
        price: 0,
        budget: 10000,
        operation: 1,
        contract_id: 0,
      },
    });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: itemIds[0],
        name: "Баннер на главной",
        status: 6,
        place: 2,
        budget: 50000,
        daily_limit: 0,
        category_name: "Главная",
        cpm: 300,
        advert_type: 1,
        date_from: "2026-01-15T12:00:00.000000+03:00",
        date_to: "2100-01-01T00:00:00.000000+03:00",
      }),
    ]);
    const item = res.body.items[0];
    expect(item.nms.length).toBeGreaterThan(0);
    expect(typeof item.subject_name).toBe("string");
  });

  it("records the creation and takes the requested status, items' statuses following", async () => {
    const { app } = makeSandbox();
    const { advertId } = await create(app, { name: "Черновик", brand: "B", type: 1, status: 1, items: [BANNER, { name: "Второй", cpm: 200 }] });
    const res = await wb(app, "GET", `/adv/v1/advert?id=${advertId}`).expect(200);
    expect(res.body.status).toBe(1);
    expect(res.body.items.map((i: { status: number }) => i.status)).toEqual([1, 1]);
    expect(res.body.extended.price).toBe(500);
    const events = await control(app, "GET", "/events?provider=wildberries").expect(200);
    expect(events.body.events).toContainEqual(expect.objectContaining({ entity: "media-campaign", id: String(advertId), from: null, to: 1, cause: "control" }));
  });

  it("gives banners distinct ids and campaigns increasing ids shared with promotion campaigns' sequence", async () => {
    const { app } = makeSandbox();
    const a = await create(app, { name: "A", brand: "B", type: 2, items: [BANNER, BANNER] });
    const b = await create(app, { name: "B", brand: "B", type: 2, items: [BANNER] });
    expect(new Set([...a.itemIds, ...b.itemIds]).size).toBe(3);
    expect(b.advertId).toBeGreaterThan(a.advertId);
  });

  it("defaults the type-2 budget to the banners' budgets", async () => {
    const { app } = makeSandbox();
    const { advertId } = await create(app, { name: "A", brand: "B", type: 2, status: 9, items: [BANNER, { ...BANNER, budget: 700 }] });
    expect((await wb(app, "GET", `/adv/v1/advert?id=${advertId}`).expect(200)).body.extended.budget).toBe(50700);
  });

  it.each<[string, JsonObject, string]>([
    ["no name", { brand: "B", type: 1 }, "name"],
    ["type 3", { name: "A", brand: "B", type: 3 }, "type"],
    ["status 12", { name: "A", brand: "B", type: 1, status: 12 }, "status"],
    ["a negative budget", { name: "A", brand: "B", type: 2, budget: -1 }, "budget"],
    ["a banner without cpm", { name: "A", brand: "B", type: 2, items: [{ name: "x" }] }, "items.0.cpm"],
    ["a from that is not a date-time", { name: "A", brand: "B", type: 2, from: "tomorrow" }, "from"],
  ])("refuses %s with 400 invalid_request naming the field", async (_name, body, field) => {
    const { app } = makeSandbox();
    const res = await control(app, "POST", "/wildberries/media-campaigns", body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(res.body.error.message.startsWith(`${field}:`)).toBe(true);
    expect((await wb(app, "GET", "/adv/v1/count").expect(200)).body).toEqual({ all: 0, adverts: null });
  });

  it("refuses status 5 without a future from, and a to not after from", async () => {
    const { app } = makeSandbox();
    const scheduled = await control(app, "POST", "/wildberries/media-campaigns", { name: "A", brand: "B", type: 1, status: 5 });
    expect(scheduled.status).toBe(400);
    expect(scheduled.body.error).toEqual({ code: "invalid_request", message: "status 5 (scheduled) needs a from in the future; send from, or another status" });
    const backwards = await control(app, "POST", "/wildberries/media-campaigns", { name: "A", brand: "B", type: 1, from: "2026-02-01T00:00:00Z", to: "2026-01-20T00:00:00Z" });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toBe("to must be later than from");
  });

  it("keeps each tenant's media campaigns to itself", async () => {
    const { app } = makeSandbox();
    await settings(app, { rateLimits: "off" });
    const { advertId } = await create(app, { name: "A", brand: "B", type: 2, items: [BANNER] });
    expect((await wb(app, "GET", `/adv/v1/advert?id=${advertId}`, undefined, OTHER_TOKEN)).status).toBe(204);
    expect((await wb(app, "GET", "/adv/v1/count", undefined, OTHER_TOKEN).expect(200)).body).toEqual({ all: 0, adverts: null });
  });

  it("needs a token", async () => {
    const { app } = makeSandbox();
    const res = await control(app, "POST", "/wildberries/media-campaigns", { name: "A", brand: "B", type: 1 }, "").set("Authorization", "");
    expect(res.status).toBe(401);
  });
});
