import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, control, settings, wb, type Target } from "./helpers.js";

async function create(app: Target, body: JsonObject): Promise<number> {
  const res = await control(app, "POST", "/wildberries/media-campaigns", { brand: "Plank", budget: 1000, items: [{ name: "Б", cpm: 300 }], ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.advertId;
}

/** Four campaigns a minute apart: (type 1, status 6), (2, 9), (2, 9), (2, 7). */
async function seller(): Promise<{ app: Target; ids: number[] }> {
  const { app } = makeSandbox();
  await settings(app, { rateLimits: "off" });
  const ids: number[] = [];
  ids.push(await create(app, { name: "Первая", type: 1, status: 6 }));
  await advance(app, "PT1M");
  ids.push(await create(app, { name: "Вторая", type: 2, status: 9 }));
  await advance(app, "PT1M");
  ids.push(await create(app, { name: "Третья", type: 2, status: 9 }));
  await advance(app, "PT1M");
  ids.push(await create(app, { name: "Четвёртая", type: 2, status: 7 }));
  return { app, ids };
}

const idsOf = (body: { advertId: number }[]) => body.map((c) => c.advertId);

describe("GET /adv/v1/count", () => {
  it("counts all and groups by (type, status)", async () => {
    const { app } = await seller();
    const res = await wb(app, "GET", "/adv/v1/count");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      all: 4,
      adverts: [
        { type: 1, status: 6, count: 1 },
        { type: 2, status: 7, count: 1 },
        { type: 2, status: 9, count: 2 },
      ],
    });
  });

  it("answers all 0 and adverts null for a seller without media campaigns", async () => {
    const { app } = makeSandbox();
    expect((await wb(app, "GET", "/adv/v1/count").expect(200)).body).toEqual({ all: 0, adverts: null });
  });

  it("follows status changes at once, also under realistic consistency", async () => {
    const { app, ids } = await seller();
    await settings(app, { consistency: "realistic" });
    await wb(app, "POST", "/adv/v1/advert/stop", { advert_id: ids[1] ?? 0 }).expect(200);
    const groups = (await wb(app, "GET", "/adv/v1/count").expect(200)).body.adverts;
    expect(groups).toContainEqual({ type: 2, status: 7, count: 2 });
    expect(groups).toContainEqual({ type: 2, status: 9, count: 1 });
  });
});

describe("GET /adv/v1/adverts", () => {
  it("lists every campaign, newest id first by default, with the documented fields", async () => {
    const { app, ids } = await seller();
    const res = await wb(app, "GET", "/adv/v1/adverts");
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual([...ids].reverse());
    expect(res.body[3]).toEqual({ advertId: ids[0], name: "Первая", brand: "Plank", type: 1, status: 6, createTime: "2026-01-15T12:00:00.000000+03:00" });
    expect(res.body[0]).toEqual({
      advertId: ids[3],
      name: "Четвёртая",
      brand: "Plank",
      type: 2,
      status: 7,
      createTime: "2026-01-15T12:03:00.000000+03:00",
      endTime: "2026-01-15T12:03:00.000000+03:00",
    });
  });

  it("filters by status and type, orders, and pages with limit and offset", async () => {
    const { app, ids } = await seller();
    expect(idsOf((await wb(app, "GET", "/adv/v1/adverts?status=9").expect(200)).body)).toEqual([ids[2], ids[1]]);
    expect(idsOf((await wb(app, "GET", "/adv/v1/adverts?type=1").expect(200)).body)).toEqual([ids[0]]);
    expect(idsOf((await wb(app, "GET", "/adv/v1/adverts?type=2&status=9&direction=asc").expect(200)).body)).toEqual([ids[1], ids[2]]);
    expect(idsOf((await wb(app, "GET", "/adv/v1/adverts?order=create&direction=asc&limit=2&offset=1").expect(200)).body)).toEqual([ids[1], ids[2]]);
    expect(idsOf((await wb(app, "GET", "/adv/v1/adverts?limit=1").expect(200)).body)).toEqual([ids[3]]);
  });

  it("answers 204 with no body when nothing matches", async () => {
    const { app } = await seller();
    for (const path of ["/adv/v1/adverts?status=3", "/adv/v1/adverts?offset=4", "/adv/v1/adverts?limit=0"]) {
      const res = await wb(app, "GET", path);
      expect(res.status, path).toBe(204);
      expect(res.text).toBe("");
    }
    const { app: empty } = makeSandbox();
    expect((await wb(empty, "GET", "/adv/v1/adverts")).status).toBe(204);
  });

  it.each([
    ["status=12", "status"],
    ["status=x", "status"],
    ["type=3", "type"],
    ["limit=-1", "limit"],
    ["offset=a", "offset"],
    ["order=change", "order"],
    ["direction=up", "direction"],
  ])("answers 400 for %s", async (query, name) => {
    const { app } = await seller();
    const res = await wb(app, "GET", `/adv/v1/adverts?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toBe(`Некорректное значение параметра ${name}`);
  });
});

describe("GET /adv/v1/advert", () => {
  it("answers 204 for an unknown id and 400 for a missing or malformed one", async () => {
    const { app } = await seller();
    const unknown = await wb(app, "GET", "/adv/v1/advert?id=99999999");
    expect(unknown.status).toBe(204);
    expect(unknown.text).toBe("");
    for (const path of ["/adv/v1/advert", "/adv/v1/advert?id=abc", "/adv/v1/advert?id=0"]) {
      const res = await wb(app, "GET", path);
      expect(res.status, path).toBe(400);
      expect(res.body).toBe("Некорректный ID кампании");
    }
  });

  it("shows spending: expenses grow and a views campaign's budget shrinks as it runs", async () => {
    const { app } = makeSandbox();
    const id = await create(app, { name: "A", type: 2, status: 6, budget: 100000 });
    await advance(app, "PT3H");
    const res = await wb(app, "GET", `/adv/v1/advert?id=${id}`).expect(200);
    expect(res.body.extended.expenses).toBeGreaterThan(0);
    expect(res.body.extended.budget).toBeLessThan(100000);
    expect(res.body.extended.budget + res.body.extended.expenses).toBeGreaterThanOrEqual(99999);
    expect(res.body.extended.budget + res.body.extended.expenses).toBeLessThanOrEqual(100001);
  });
});
