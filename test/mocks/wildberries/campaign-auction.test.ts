import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { advertInfo, createAuction, moscowAt, sellerCatalogue, transitions } from "./campaign-fixtures.js";
import type { JsonValue } from "../../../src/state/kernel/json.js";
import { OTHER_TOKEN, settings, TOKEN, wb } from "./helpers.js";

const NEVER_ENDS = "2100-01-01T00:00:00+03:00";

describe("POST /adv/v2/seacat/save-ad", () => {
  it("answers a JSON integer and the campaign is type 9, status 4, nms grouped by subject at the minimum search bid", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    const { subjects, nms } = await sellerCatalogue(app);
    const [s1, s2] = subjects;
    if (s1 === undefined || s2 === undefined) throw new Error("need two subjects");
    const [a0 = 0, a1 = 0] = nms.filter((n) => n.subjectId === s1.id).map((n) => n.nm);
    const [b0 = 0] = nms.filter((n) => n.subjectId === s2.id).map((n) => n.nm);
    const res = await wb(app, "POST", "/adv/v2/seacat/save-ad", { campaignName: "Телефоны", nms: [a0, b0, a1, a0] });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^\d{7,8}$/);
    const id: number = res.body;
    expect(await advertInfo(app, id)).toEqual({
      endTime: NEVER_ENDS,
      createTime: moscowAt(0),
      changeTime: moscowAt(0),
      startTime: moscowAt(0),
      name: "Телефоны",
      dailyBudget: 0,
      advertId: id,
      status: 4,
      type: 9,
      paymentType: "cpm",
      searchPluseState: false,
      unitedParams: [
        { subject: { id: s1.id, name: s1.name }, menus: [{ id: -1, name: "" }], nms: [a0, a1], searchCPM: 150, catalogCPM: 0 },
        { subject: { id: s2.id, name: s2.name }, menus: [{ id: -1, name: "" }], nms: [b0], searchCPM: 150, catalogCPM: 0 },
      ],
    });
    expect(await transitions(app, id)).toEqual([[null, 4, "request", "2026-01-15T09:00:00.000Z"]]);
  });

  it("takes the name as `name` too (the seed's sample); campaignName wins when both are sent; ids increase", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    const nm = (await sellerCatalogue(app)).nms[0]?.nm ?? 0;
    const created = await wb(app, "POST", "/adv/v2/seacat/save-ad", { name: "Из name", nms: [nm] }).expect(200);
    const first: number = created.body;
    const second = await createAuction(app, { name: "Второе", campaignName: "Главное" });
    expect((await advertInfo(app, first))?.["name"]).toBe("Из name");
    expect((await advertInfo(app, second))?.["name"]).toBe("Главное");
    expect(second).toBeGreaterThan(first);
  });

  it("ignores unknown keys and never lets __proto__ reach an object", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    const nm = (await sellerCatalogue(app)).nms[0]?.nm ?? 0;
    const res = await request(app)
      .post("/adv/v2/seacat/save-ad")
      .set("Authorization", TOKEN)
      .set("Content-Type", "application/json")
      .send(`{"__proto__": {"nms": [1], "polluted": true}, "campaignName": "Чистое", "nms": [${nm}], "bid_type": "manual"}`);
    expect(res.status).toBe(200);
    const info = await advertInfo(app, res.body);
    expect(info?.["name"]).toBe("Чистое");
    expect(info?.["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("refuses with Wildberries' bare JSON strings and creates nothing", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    const { nms } = await sellerCatalogue(app);
    const foreign = (await sellerCatalogue(app, OTHER_TOKEN)).nms[0]?.nm ?? 0;
    const mine = nms[0]?.nm ?? 0;
    const cases: [JsonValue, string][] = [
      [{ campaignName: "x" }, "must provide at least one nm id"],
      [{ campaignName: "x", nms: [] }, "must provide at least one nm id"],
      [{ nms: [mine] }, "Некорректное название"],
      [{ campaignName: "", nms: [mine] }, "Некорректное название"],
      [{ campaignName: "я".repeat(129), nms: [mine] }, "Некорректное название"],
      [{ campaignName: 5, nms: [mine] }, "Некорректное название"],
      [{ campaignName: "x", nms: ["1"] }, "Ошибка обработки тела запроса"],
      [{ campaignName: "x", nms: Array.from({ length: 51 }, (_, i) => 100 + i) }, "Превышено максимальное количество товаров в кампании: 50"],
      [{ campaignName: "x", nms: [mine, foreign] }, "Нет доступных категорий для рк. Создайте новую кампанию для попадания в текущие категории"],
      [[mine], "Ошибка обработки тела запроса"],
    ];
    for (const [body, message] of cases) {
      const res = await wb(app, "POST", "/adv/v2/seacat/save-ad", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toBe(message);
    }
    const broken = await request(app).post("/adv/v2/seacat/save-ad").set("Authorization", TOKEN).set("Content-Type", "application/json").send("{");
    expect(broken.status).toBe(400);
    expect(broken.body).toBe("Ошибка обработки тела запроса");
    expect((await wb(app, "GET", "/adv/v1/promotion/count").expect(200)).body).toEqual({ adverts: null, all: 0 });
    const ok = await wb(app, "POST", "/adv/v2/seacat/save-ad", { campaignName: "я".repeat(128), nms: [mine] });
    expect(ok.status).toBe(200);
  });
});
