import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, moscowAt } from "./campaign-fixtures.js";
import { advance, settings, TOKEN, wb, type Target } from "./helpers.js";

/** Three Auctions created a minute apart: a stopped (7) at T0, b ready (4) at +1m, c ready at +2m, then c renamed at +3m. */
async function three() {
  const { app } = makeSandbox();
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  const a = await createAuction(app, { campaignName: "A" });
  await advance(app, "PT1M");
  const b = await createAuction(app, { campaignName: "B" });
  await advance(app, "PT1M");
  const c = await createAuction(app, { campaignName: "C" });
  await advance(app, "PT1M");
  await wb(app, "GET", `/adv/v0/stop?id=${a}`).expect(200);
  await advance(app, "PT1M");
  await wb(app, "POST", "/adv/v0/rename", { advertId: c, name: "C2" }).expect(200);
  return { app, a, b, c };
}

async function ids(app: Target, query: string, body?: number[]): Promise<number[] | 204> {
  const res = await wb(app, "POST", `/adv/v1/promotion/adverts${query}`, body);
  if (res.status === 204) return 204;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const list: { advertId: number }[] = res.body;
  return list.map((x) => x.advertId);
}

describe("POST /adv/v1/promotion/adverts", () => {
  it("lists every campaign newest change first by default; order and direction sort by create, change or id", async () => {
    const { app, a, b, c } = await three();
    expect(await ids(app, "")).toEqual([c, a, b]);
    expect(await ids(app, "?order=change&direction=asc")).toEqual([b, a, c]);
    expect(await ids(app, "?order=create&direction=asc")).toEqual([a, b, c]);
    expect(await ids(app, "?order=create")).toEqual([c, b, a]);
    expect(await ids(app, "?order=id&direction=asc")).toEqual([a, b, c].sort((x, y) => x - y));
  });

  it("filters by status and type; 204 with no body when nothing matches", async () => {
    const { app, a, b, c } = await three();
    expect(await ids(app, "?status=4&order=id&direction=asc")).toEqual([b, c]);
    expect(await ids(app, "?status=7&type=9")).toEqual([a]);
    const none = await wb(app, "POST", "/adv/v1/promotion/adverts?type=8");
    expect(none.status).toBe(204);
    expect(none.text).toBe("");
    expect(await ids(app, "?status=11")).toBe(204);
    expect(await ids(app, "?type=6")).toBe(204);
  });

  it("an id list picks campaigns, skips unknown ids, and sorts like the filters", async () => {
    const { app, a, c } = await three();
    expect(await ids(app, "?order=id&direction=asc", [c, 1, a, a])).toEqual([a, c].sort((x, y) => x - y));
    expect(await ids(app, "", [])).toHaveLength(3);
    expect(await ids(app, "", [1, 2])).toBe(204);
  });

  it("an id list with status or type filters is 400; bad parameters 400/422; over 50 ids 400", async () => {
    const { app, a } = await three();
    const either = await wb(app, "POST", "/adv/v1/promotion/adverts?status=4", [a]);
    expect(either.status).toBe(400);
    expect(either.body).toBe("Для получения информации передайте или список кампаний, или набор фильтров");
    const type = await wb(app, "POST", "/adv/v1/promotion/adverts?type=10");
    expect(type.status).toBe(400);
    expect(type.body).toBe("Некорректное значение параметра type");
    for (const query of ["?status=5", "?order=name", "?direction=up", "?status=x"]) {
      const res = await wb(app, "POST", `/adv/v1/promotion/adverts${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body).toBe("Ошибка обработки параметров запроса");
    }
    const many = await wb(app, "POST", "/adv/v1/promotion/adverts", Array.from({ length: 51 }, (_, i) => i + 1));
    expect(many.status).toBe(400);
    expect(many.body).toBe("Ошибка обработки тела запроса");
    const notIds = await wb(app, "POST", "/adv/v1/promotion/adverts", { ids: [a] });
    expect(notIds.status).toBe(400);
    expect(notIds.body).toBe("Ошибка обработки тела запроса");
    const broken = await request(app).post("/adv/v1/promotion/adverts").set("Authorization", TOKEN).set("Content-Type", "application/json").send("[1");
    expect(broken.status).toBe(400);
    expect(broken.body).toBe("Ошибка обработки тела запроса");
  });
});

describe("GET /adv/v1/promotion/count", () => {
  it("groups by type and status with each campaign's changeTime, newest first; adverts null with no campaigns", async () => {
    const { app: empty } = makeSandbox();
    expect((await wb(empty, "GET", "/adv/v1/promotion/count").expect(200)).body).toEqual({ adverts: null, all: 0 });
    const { app, a, b, c } = await three();
    expect((await wb(app, "GET", "/adv/v1/promotion/count").expect(200)).body).toEqual({
      adverts: [
        {
          type: 9,
          status: 4,
          count: 2,
          advert_list: [
            { advertId: c, changeTime: moscowAt(4 * 60_000) },
            { advertId: b, changeTime: moscowAt(60_000) },
          ],
        },
        { type: 9, status: 7, count: 1, advert_list: [{ advertId: a, changeTime: moscowAt(3 * 60_000) }] },
      ],
      all: 3,
    });
  });
});
