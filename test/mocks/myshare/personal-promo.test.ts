import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { api, createCatalog, createDeal, createOffer, events, joinPartner, NOT_FOUND, OTHER_TOKEN, REQUIRED } from "./helpers.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A catalog whose promo codes may be worth 7-9 %, as the QA suite's catalog_for_promo. */
async function promoCatalog(app: Parameters<typeof createCatalog>[0], overrides: Record<string, string | number> = {}, token?: string) {
  return createCatalog(app, { min_promo_code_percent: 7, max_promo_code_percent: 9, ...overrides }, token);
}

describe("POST /promo/ (a personal promo code)", () => {
  it("answers 201 with id, code, percent_discounts as a number and the catalogs; GET shows the same", async () => {
    const { app } = makeSandbox();
    const catalog = await promoCatalog(app);
    const res = await api(app, "POST", "/promo/", { code: "Promo_friend", percent_discounts: 8, catalog: [catalog.id] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(UUID), code: "Promo_friend", percent_discounts: 8, catalog: [catalog.id] });
    const got = await api(app, "GET", `/promo/${res.body.id}/`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
    expect((await events(app, "promo")).map((e) => [e.from, e.to, e.cause, e.detail])).toEqual([
      [null, "created", "request", { code: "Promo_friend", percent_discounts: 8, catalog: [catalog.id] }],
    ]);
  });

  it("takes percent_discounts as numeric text and a catalog UUID in upper case", async () => {
    const { app } = makeSandbox();
    const catalog = await promoCatalog(app);
    const res = await api(app, "POST", "/promo/", { code: "P1", percent_discounts: "8.50", catalog: [catalog.id.toUpperCase()] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ percent_discounts: 8.5, catalog: [catalog.id] });
  });

  it("refuses a percent outside a catalog's min/max_promo_code_percent, naming the catalog", async () => {
    const { app } = makeSandbox();
    const catalog = await promoCatalog(app);
    const wide = await createCatalog(app, { catalog_code: "wide", min_promo_code_percent: 0, max_promo_code_percent: 50 });
    for (const percent of [6.99, 10]) {
      const res = await api(app, "POST", "/promo/", { code: "P1", percent_discounts: percent, catalog: [wide.id, catalog.id] });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        percent_discounts: ["Ensure this value is between 7 and 9, the min_promo_code_percent and max_promo_code_percent of catalog super_catalog."],
      });
    }
    const over = await api(app, "POST", "/promo/", { code: "P1", percent_discounts: 101, catalog: [wide.id] });
    expect(over.body).toEqual({ percent_discounts: ["Ensure this value is less than or equal to 100."] });
    const places = await api(app, "POST", "/promo/", { code: "P1", percent_discounts: "7.555", catalog: [catalog.id] });
    expect(places.body).toEqual({ percent_discounts: ["Ensure that there are no more than 2 decimal places."] });
  });

  it("refuses an unknown catalog, another tenant's catalog, a malformed UUID, an empty list, a non-list", async () => {
    const { app } = makeSandbox();
    const foreign = await promoCatalog(app, {}, OTHER_TOKEN);
    const unknown = "0b6f6f9e-1f7a-4c1e-9b1e-3a6c7d8e9f00";
    const cases: Array<[unknown, string[]]> = [
      [[unknown], [`Invalid pk "${unknown}" - object does not exist.`]],
      [[foreign.id], [`Invalid pk "${foreign.id}" - object does not exist.`]],
      [["nope"], ["Must be a valid UUID."]],
      [[], ["This list may not be empty."]],
      [foreign.id, ['Expected a list of items but got type "str".']],
    ];
    for (const [catalog, messages] of cases) {
      const res = await api(app, "POST", "/promo/", { code: "P1", percent_discounts: 8, catalog: catalog as string[] });
      expect(res.status, JSON.stringify(catalog)).toBe(400);
      expect(res.body).toEqual({ catalog: messages });
    }
  });

  it("requires code, percent_discounts and catalog, listing every missing one", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "POST", "/promo/", {});
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: REQUIRED, percent_discounts: REQUIRED, catalog: REQUIRED });
  });

  it("a code is unique within each catalog, partners' codes included; another catalog may reuse it", async () => {
    const { app } = makeSandbox();
    const catalog = await promoCatalog(app);
    const other = await promoCatalog(app, { catalog_code: "other" });
    expect((await api(app, "POST", "/promo/", { code: "SAME", percent_discounts: 8, catalog: [catalog.id] })).status).toBe(201);
    const twice = await api(app, "POST", "/promo/", { code: "SAME", percent_discounts: 7, catalog: [other.id, catalog.id] });
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({ code: ["Promo code SAME already exists in catalog super_catalog."] });
    expect((await api(app, "POST", "/promo/", { code: "SAME", percent_discounts: 7, catalog: [other.id] })).status).toBe(201);
    const partner = await joinPartner(app, catalog.id, 8);
    const clash = await api(app, "POST", "/promo/", { code: partner.promo_code, percent_discounts: 8, catalog: [catalog.id] });
    expect(clash.body).toEqual({ code: [`Promo code ${partner.promo_code} already exists in catalog super_catalog.`] });
  });

  it("GET /promo/ is not served: 405 with Allow: POST (no list; its shape is unknown)", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "GET", "/promo/");
    expect(res.status).toBe(405);
    expect(res.headers["allow"]).toBe("POST");
    expect(res.body).toEqual({ detail: 'Method "GET" not allowed.' });
  });
});

describe("PUT and PATCH /promo/{id}/", () => {
  it("PUT replaces code, percent and catalogs (all required); PATCH changes the percent; GET shows the result", async () => {
    const { app } = makeSandbox();
    const catalog = await promoCatalog(app);
    const second = await promoCatalog(app, { catalog_code: "second" });
    const { id } = (await api(app, "POST", "/promo/", { code: "Promo_a", percent_discounts: 8, catalog: [catalog.id] })).body;
    const put = await api(app, "PUT", `/promo/${id}/`, { code: "Promo_aUpdated", percent_discounts: 9, catalog: [catalog.id, second.id] });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ id, code: "Promo_aUpdated", percent_discounts: 9, catalog: [catalog.id, second.id] });
    const partial = await api(app, "PUT", `/promo/${id}/`, { percent_discounts: 9 });
    expect(partial.status).toBe(400);
    expect(partial.body).toEqual({ code: REQUIRED, catalog: REQUIRED });
    const patch = await api(app, "PATCH", `/promo/${id}/`, { percent_discounts: 7 });
    expect(patch.status).toBe(200);
    expect(patch.body).toEqual({ id, code: "Promo_aUpdated", percent_discounts: 7, catalog: [catalog.id, second.id] });
    expect((await api(app, "GET", `/promo/${id}/`)).body).toEqual(patch.body);
  });

  it("PATCH is checked against the kept fields: a catalog with a narrower range refuses the stored percent", async () => {
    const { app } = makeSandbox();
    const catalog = await promoCatalog(app);
    const narrow = await createCatalog(app, { catalog_code: "narrow", min_promo_code_percent: 1, max_promo_code_percent: 5 });
    const { id } = (await api(app, "POST", "/promo/", { code: "P", percent_discounts: 8, catalog: [catalog.id] })).body;
    const res = await api(app, "PATCH", `/promo/${id}/`, { catalog: [narrow.id] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ percent_discounts: ["Ensure this value is between 1 and 5, the min_promo_code_percent and max_promo_code_percent of catalog narrow."] });
    expect((await api(app, "GET", `/promo/${id}/`)).body).toMatchObject({ percent_discounts: 8, catalog: [catalog.id] });
  });

  it("another tenant's promo code, an unknown one and a malformed id are 404 Not found. on GET, PUT and PATCH", async () => {
    const { app } = makeSandbox();
    const foreignCatalog = await promoCatalog(app, {}, OTHER_TOKEN);
    const foreign = (await api(app, "POST", "/promo/", { code: "F", percent_discounts: 8, catalog: [foreignCatalog.id] }, OTHER_TOKEN)).body;
    const mine = await promoCatalog(app);
    for (const id of [foreign.id, "0b6f6f9e-1f7a-4c1e-9b1e-3a6c7d8e9f00", "not-a-uuid"]) {
      expect((await api(app, "GET", `/promo/${id}/`)).body).toEqual(NOT_FOUND);
      const put = await api(app, "PUT", `/promo/${id}/`, { code: "X", percent_discounts: 8, catalog: [mine.id] });
      expect([put.status, put.body]).toEqual([404, NOT_FOUND]);
      const patch = await api(app, "PATCH", `/promo/${id}/`, { percent_discounts: 8 });
      expect([patch.status, patch.body]).toEqual([404, NOT_FOUND]);
    }
    expect((await api(app, "GET", `/promo/${foreign.id}/`, undefined, OTHER_TOKEN)).body).toMatchObject({ code: "F", percent_discounts: 8 });
  });
});

describe("a personal promo code in check_promo, check_promo_by_code and deals", () => {
  it("passes check_promo (by the 5-character catalog_id) and check_promo_by_code (by catalog_code), with its current percent", async () => {
    const { app } = makeSandbox();
    const catalog = await promoCatalog(app);
    const other = await promoCatalog(app, { catalog_code: "other" });
    const { id } = (await api(app, "POST", "/promo/", { code: "Promo_friend", percent_discounts: 8, catalog: [catalog.id] })).body;
    const byId = await api(app, "GET", `/promo/check_promo/?code=Promo_friend&catalog_id=${catalog.catalog_id}`);
    expect([byId.status, byId.body]).toEqual([200, { percent_discounts: 8 }]);
    const byCode = await api(app, "GET", "/promo/check_promo_by_code/?catalog_code=super_catalog&code=Promo_friend");
    expect([byCode.status, byCode.body]).toEqual([200, { percent_discounts: 8 }]);
    await api(app, "PATCH", `/promo/${id}/`, { percent_discounts: 9 });
    expect((await api(app, "GET", "/promo/check_promo_by_code/?catalog_code=super_catalog&code=Promo_friend")).body).toEqual({ percent_discounts: 9 });
    for (const path of [
      `/promo/check_promo/?code=Promo_friend&catalog_id=${other.catalog_id}`,
      "/promo/check_promo_by_code/?catalog_code=other&code=Promo_friend",
      "/promo/check_promo_by_code/?catalog_code=super_catalog&code=promo_friend",
      "/promo/check_promo_by_code/?catalog_code=nope&code=Promo_friend",
    ]) {
      const res = await api(app, "GET", path);
      expect([res.status, res.body], path).toEqual([404, NOT_FOUND]);
    }
  });

  it("check_promo_by_code takes a partner's code too, and names missing or blank parameters", async () => {
    const { app } = makeSandbox();
    const catalog = await promoCatalog(app);
    const partner = await joinPartner(app, catalog.id, 9);
    expect((await api(app, "GET", `/promo/check_promo_by_code/?catalog_code=super_catalog&code=${partner.promo_code}`)).body).toEqual({ percent_discounts: 9 });
    const missing = await api(app, "GET", "/promo/check_promo_by_code/?code=");
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ catalog_code: REQUIRED, code: ["This field may not be blank."] });
  });

  it("attributes a deal like a partner's code: attribution promo, no partner, the promo's id in the event", async () => {
    const { app } = makeSandbox();
    const catalog = await promoCatalog(app);
    await createOffer(app, catalog.id);
    const { id } = (await api(app, "POST", "/promo/", { code: "Promo_friend", percent_discounts: 8, catalog: [catalog.id] })).body;
    const deal = await createDeal(app, { deal_id: "d1", promo_code: "Promo_friend" });
    expect(deal).toMatchObject({ promo_code: "Promo_friend", deal_id: "d1" });
    const created = (await events(app, "deal")).find((e) => e.from === null);
    expect(created?.detail).toEqual({ deal_id: "d1", attribution: "promo", partner_id: null, promo_id: id, warning: null });
    const listed = await api(app, "GET", "/deal/?promo=Promo_friend");
    expect(listed.body.results.map((d: { promo: unknown }) => d.promo)).toEqual([{ code: "Promo_friend" }]);
  });
});
