import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { sellerCatalogue } from "./campaign-fixtures.js";
import { OTHER_TOKEN, settings, TOKEN, wb } from "./helpers.js";

describe("GET /adv/v0/config", () => {
  it("serves the December 2024 values as strings", async () => {
    const { app } = makeSandbox();
    const res = await wb(app, "GET", "/adv/v0/config").expect(200);
    expect(res.headers["content-type"]).toMatch(/application\/json/);
    expect(res.body).toEqual({
      config: [
        { description: "Минимальный бюджет кампании", name: "budget_min", value: "1000" },
        { description: "Макс. период в днях для статистики", name: "api_fullstat_day_depth", value: "31" },
        { description: "Мин. ставка CPM для автоматической кампании", name: "cpm_min_booster", value: "100" },
        { description: "Мин. ставка CPM для аукциона", name: "cpm_min_search_catalog", value: "150" },
        { description: "Макс. товаров для аукциона", name: "max_nm_count", value: "50" },
        { description: "Макс. товаров для автоматической кампании", name: "max_auto_nms", value: "100" },
      ],
    });
  });
});

describe("GET /adv/v1/supplier/subjects and POST /adv/v2/supplier/nms", () => {
  it("subjects count exactly the seller's nms of each subject; nms of all subjects come back", async () => {
    const { app } = makeSandbox();
    const { subjects, nms } = await sellerCatalogue(app);
    expect(subjects.length).toBeGreaterThanOrEqual(3);
    expect(subjects.length).toBeLessThanOrEqual(5);
    for (const s of subjects) {
      expect(s).toEqual({ id: expect.any(Number), name: expect.any(String), count: nms.filter((n) => n.subjectId === s.id).length });
      expect(s.count).toBeGreaterThanOrEqual(4);
    }
    expect(nms.length).toBe(subjects.reduce((sum, s) => sum + s.count, 0));
    for (const n of nms) {
      expect(Object.keys(n).sort()).toEqual(["nm", "subjectId", "title"]);
      expect(n.title.length).toBeGreaterThan(0);
    }
  });

  it("nms filters by the subject ids sent; unknown subjects add nothing; no body or [] gives every nm", async () => {
    const { app } = makeSandbox();
    await settings(app, { rateLimits: "off" });
    const { subjects, nms } = await sellerCatalogue(app);
    const first = subjects[0]?.id ?? 0;
    const one = await wb(app, "POST", "/adv/v2/supplier/nms", [first, 999_999]).expect(200);
    expect(one.body).toEqual(nms.filter((n) => n.subjectId === first));
    expect((await wb(app, "POST", "/adv/v2/supplier/nms", []).expect(200)).body).toEqual(nms);
    expect((await wb(app, "POST", "/adv/v2/supplier/nms").expect(200)).body).toEqual(nms);
    expect((await wb(app, "POST", "/adv/v2/supplier/nms", [999_999]).expect(200)).body).toEqual([]);
  });

  it("a body that is not an array of subject ids is 400 \"Ошибка обработки тела запроса\"", async () => {
    const { app } = makeSandbox();
    await settings(app, { rateLimits: "off" });
    for (const body of [{ ids: [1] }, ["765"], [1.5], "765"]) {
      const res = await wb(app, "POST", "/adv/v2/supplier/nms", body);
      expect(res.status).toBe(400);
      expect(res.body).toBe("Ошибка обработки тела запроса");
    }
    const broken = await request(app).post("/adv/v2/supplier/nms").set("Authorization", TOKEN).set("Content-Type", "application/json").send("[1,");
    expect(broken.status).toBe(400);
    expect(broken.body).toBe("Ошибка обработки тела запроса");
  });

  it("the catalogue is seeded per seller: the same token gets the same one in another sandbox, another token another one", async () => {
    const a = await sellerCatalogue(makeSandbox().app);
    const again = await sellerCatalogue(makeSandbox().app);
    const other = await sellerCatalogue(makeSandbox().app, OTHER_TOKEN);
    expect(again).toEqual(a);
    expect(other.nms.map((n) => n.nm)).not.toEqual(a.nms.map((n) => n.nm));
  });
});
