import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, control, OTHER_TOKEN, settings, wb, type Target } from "./helpers.js";

async function setup(body: JsonObject = {}): Promise<{ app: Target; id: number; item: number }> {
  const { app } = makeSandbox();
  await settings(app, { rateLimits: "off" });
  const res = await control(app, "POST", "/wildberries/media-campaigns", {
    name: "Медиа",
    brand: "Plank",
    type: 2,
    budget: 1_000_000,
    items: [{ name: "Баннер", cpm: 300 }],
    ...body,
  });
  expect(res.status).toBe(201);
  return { app, id: res.body.advertId, item: res.body.itemIds[0] };
}

const change = (app: Target, body: JsonValue, token?: string) => wb(app, "POST", "/adv/v1/item/cpm/change", body, token);

async function cpmOf(app: Target, id: number): Promise<number> {
  return (await wb(app, "GET", `/adv/v1/advert?id=${id}`).expect(200)).body.items[0].cpm;
}

async function totals(app: Target, id: number): Promise<{ views: number; expenses: number }> {
  const res = await wb(app, "POST", "/adv/v1/stats", [{ id }]).expect(200);
  const block = res.body[0].stats[0];
  return { views: block?.views ?? 0, expenses: block?.expenses ?? 0 };
}

describe("POST /adv/v1/item/cpm/change", () => {
  it("takes the bid as a number or as a string and answers an empty 200", async () => {
    const { app, id, item } = await setup();
    const res = await change(app, { advert_id: id, item_id: item, cpm: 450 });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(await cpmOf(app, id)).toBe(450);
    await change(app, { advert_id: id, item_id: item, cpm: "520" }).expect(200);
    expect(await cpmOf(app, id)).toBe(520);
  });

  it("charges the new bid from then on, the hour so far at the old one", async () => {
    const { app, id, item } = await setup();
    await advance(app, "PT1H");
    const first = await totals(app, id);
    expect(first.expenses).toBe(Math.round(first.views * 0.3 * 100) / 100);
    await advance(app, "PT30M");
    await change(app, { advert_id: id, item_id: item, cpm: 600 }).expect(200);
    const atChange = await totals(app, id);
    expect(atChange.views).toBeGreaterThan(first.views);
    expect(atChange.expenses).toBeCloseTo(atChange.views * 0.3, 2);
    await advance(app, "PT2H");
    const after = await totals(app, id);
    expect(after.expenses - atChange.expenses).toBeCloseTo((after.views - atChange.views) * 0.6, 1);
  });

  it.each([4, 5, 6, 9, 10, 11])("is allowed in status %i", async (status) => {
    const { app, id, item } = await setup({ status, ...(status === 5 ? { from: "2026-02-01T00:00:00Z" } : {}) });
    await change(app, { advert_id: id, item_id: item, cpm: 333 }).expect(200);
    expect(await cpmOf(app, id)).toBe(333);
  });

  it.each([1, 2, 3, 7, 8])("is refused in status %i with 400 and no change", async (status) => {
    const { app, id, item } = await setup({ status });
    const res = await change(app, { advert_id: id, item_id: item, cpm: 333 });
    expect(res.status).toBe(400);
    expect(res.body).toBe("Changing bid is not possible");
    expect(await cpmOf(app, id)).toBe(300);
  });

  it("answers 400 for an unknown banner, an unknown or foreign campaign, and a bad body", async () => {
    const { app, id, item } = await setup();
    const noBanner = await change(app, { advert_id: id, item_id: 1, cpm: 400 });
    expect(noBanner.status).toBe(400);
    expect(noBanner.body).toBe(`Error in getting items: no banner 1 in campaign ${id}`);
    for (const res of [await change(app, { advert_id: 99999999, item_id: item, cpm: 400 }), await change(app, { advert_id: id, item_id: item, cpm: 400 }, OTHER_TOKEN)]) {
      expect(res.status).toBe(400);
      expect(res.body).toBe("Campaign not found");
    }
    const bodies: JsonValue[] = [{ advert_id: id, item_id: item }, { advert_id: id, item_id: item, cpm: 0 }, { advert_id: id, item_id: item, cpm: "abc" }, { advert_id: id, item_id: item, cpm: 1.5 }, { item_id: item, cpm: 400 }, [id]];
    for (const body of bodies) {
      const res = await change(app, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toBe("Некорректное тело запроса");
    }
    expect(await cpmOf(app, id)).toBe(300);
  });
});
