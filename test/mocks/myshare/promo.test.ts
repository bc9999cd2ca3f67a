import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { api, control, createCatalog, events, joinPartner, NOT_FOUND, OTHER_TOKEN, REQUIRED } from "./helpers.js";

const controlError = (code: string, message: string) => ({ error: { code, message } });

describe("POST /__sandbox/myshare/partners", () => {
  it("a partner joins a catalog: 201 with partner_id, a 12-character promo code and an 8-character uid", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app, { min_promo_code_percent: 7, max_promo_code_percent: 9 });
    const res = await control(app, "POST", "/myshare/partners", { catalog_id: catalog.id, promo_percent: 8 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      partner_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      promo_code: expect.stringMatching(/^[A-Z0-9]{12}$/),
      uid: expect.stringMatching(/^[A-Z0-9]{8}$/),
    });
    expect((await events(app, "partner")).at(-1)).toMatchObject({ from: null, to: "joined", cause: "control", id: res.body.partner_id });
  });

  it("promo_percent must lie within the catalog's min/max_promo_code_percent", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app, { min_promo_code_percent: 7, max_promo_code_percent: 9 });
    const res = await control(app, "POST", "/myshare/partners", { catalog_id: catalog.id, promo_percent: 10 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      controlError(
        "promo_percent_out_of_range",
        "promo_percent 10 is outside the catalog's range 7-9 (min_promo_code_percent-max_promo_code_percent); PATCH the catalog to widen it",
      ),
    );
  });

  it("an unknown or foreign catalog is 404; a body without catalog_id is 400", async () => {
    const { app } = makeSandbox();
    const foreign = await createCatalog(app, {}, OTHER_TOKEN);
    const res = await control(app, "POST", "/myshare/partners", { catalog_id: foreign.id });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("catalog_not_found");
    const bad = await control(app, "POST", "/myshare/partners", { promo_percent: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
  });
});

describe("GET /promo/check_promo/ and /promo/check_uuid/", () => {
  it("check_promo answers the code's percent_discounts for the catalog's 5-character catalog_id", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app, { min_promo_code_percent: 7, max_promo_code_percent: 9 });
    const other = await createCatalog(app, { catalog_code: "other" });
    const partner = await joinPartner(app, catalog.id, 8.5);
    const res = await api(app, "GET", `/promo/check_promo/?code=${partner.promo_code}&catalog_id=${catalog.catalog_id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ percent_discounts: 8.5 });
    const defaulted = await joinPartner(app, catalog.id);
    expect((await api(app, "GET", `/promo/check_promo/?code=${defaulted.promo_code}&catalog_id=${catalog.catalog_id}`)).body).toEqual({ percent_discounts: 7 });
    // the code belongs to another catalog, is unknown, or names the catalog by its UUID: 404
    for (const query of [`code=${partner.promo_code}&catalog_id=${other.catalog_id}`, `code=NOPE&catalog_id=${catalog.catalog_id}`, `code=${partner.promo_code}&catalog_id=${catalog.id}`]) {
      const miss = await api(app, "GET", `/promo/check_promo/?${query}`);
      expect(miss.status, query).toBe(404);
      expect(miss.body).toEqual(NOT_FOUND);
    }
    expect((await api(app, "GET", `/promo/check_promo/?code=${partner.promo_code.toLowerCase()}&catalog_id=${catalog.catalog_id}`)).status).toBe(404);
  });

  it("check_promo and check_uuid need their query parameters", async () => {
    const { app } = makeSandbox();
    const missing = await api(app, "GET", "/promo/check_promo/");
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ code: REQUIRED, catalog_id: REQUIRED });
    expect((await api(app, "GET", "/promo/check_promo/?code=&catalog_id=ABCDE")).body).toEqual({ code: ["This field may not be blank."] });
    expect((await api(app, "GET", "/promo/check_uuid/")).body).toEqual({ code: REQUIRED });
  });

  it("check_uuid answers 0 for a known uid and 404 for an unknown one", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const partner = await joinPartner(app, catalog.id);
    const res = await api(app, "GET", `/promo/check_uuid/?code=${partner.uid}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ percent_discounts: 0 });
    expect((await api(app, "GET", "/promo/check_uuid/?code=SYEHFNBFHD")).body).toEqual(NOT_FOUND);
    expect((await api(app, "GET", `/promo/check_uuid/?code=${partner.uid}`, undefined, OTHER_TOKEN)).status).toBe(404);
  });
});
