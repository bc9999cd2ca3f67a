import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { api, createCatalog, createOffer, NOT_FOUND, offerBody, OTHER_TOKEN, REQUIRED } from "./helpers.js";

describe("POST /offer/", () => {
  it("answers 201 with OfferResponse", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const res = await api(app, "POST", "/offer/", offerBody(catalog.id));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: "Offer name",
      is_promocode_allowed: false,
      catalog_id: catalog.id,
      is_active: true,
      fix_remuneration: null,
      reward_percent: 5,
      prices: [{ cost: 100, currency: "USD" }],
      description: "Offer description",
    });
    expect((await api(app, "GET", `/offer/${res.body.id}/`)).body).toEqual(res.body);
  });

  it("requires name, catalog_id, is_promocode_allowed, is_active and prices", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "POST", "/offer/", { reward_percent: 5 });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ name: REQUIRED, catalog_id: REQUIRED, is_promocode_allowed: REQUIRED, prices: REQUIRED, is_active: REQUIRED });
  });

  it("takes exactly one of reward_percent and fix_remuneration", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const neither = await api(app, "POST", "/offer/", offerBody(catalog.id, { reward_percent: null }));
    expect(neither.status).toBe(400);
    expect(neither.body).toEqual({ non_field_errors: ["Specify reward_percent or fix_remuneration."] });
    const both = await api(app, "POST", "/offer/", offerBody(catalog.id, { fix_remuneration: 4 }));
    expect(both.body).toEqual({ non_field_errors: ["Specify only one of reward_percent and fix_remuneration; send the other as null."] });
    const fixed = await createOffer(app, catalog.id, { reward_percent: null, fix_remuneration: "4.50" });
    expect(fixed).toMatchObject({ reward_percent: null, fix_remuneration: 4.5 });
  });

  it("checks reward_percent's range and money's decimal places", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const low = await api(app, "POST", "/offer/", offerBody(catalog.id, { reward_percent: 0.01 }));
    expect(low.body).toEqual({ reward_percent: ["Ensure this value is greater than or equal to 0.05."] });
    const fix = await api(app, "POST", "/offer/", offerBody(catalog.id, { reward_percent: null, fix_remuneration: "1.234" }));
    expect(fix.body).toEqual({ fix_remuneration: ["Ensure that there are no more than 2 decimal places."] });
    const word = await api(app, "POST", "/offer/", offerBody(catalog.id, { reward_percent: "five" }));
    expect(word.body).toEqual({ reward_percent: ["A valid number is required."] });
  });

  it("offer names are unique per catalog", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const second = await createCatalog(app, { catalog_code: "second" });
    await createOffer(app, catalog.id);
    const res = await api(app, "POST", "/offer/", offerBody(catalog.id));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ non_field_errors: ["The fields catalog_id, name must make a unique set."] });
    await createOffer(app, second.id);
  });

  it("has one price per currency, in USD or RUB; item errors are listed by position", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const ok = await createOffer(app, catalog.id, { prices: [{ cost: 100, currency: "USD" }, { cost: "7500.50", currency: "RUB" }] });
    expect(ok.prices).toEqual([{ cost: 100, currency: "USD" }, { cost: 7500.5, currency: "RUB" }]);
    const twice = await api(app, "POST", "/offer/", offerBody(catalog.id, { name: "B", prices: [{ cost: 1, currency: "USD" }, { cost: 2, currency: "USD" }] }));
    expect(twice.body).toEqual({ prices: ["Each currency may have only one price."] });
    const items = await api(app, "POST", "/offer/", offerBody(catalog.id, { name: "C", prices: [{ cost: 1, currency: "USD" }, { cost: "x", currency: "EUR" }, {}] }));
    expect(items.body).toEqual({
      prices: [{}, { cost: ["A valid number is required."], currency: ['"EUR" is not a valid choice.'] }, { cost: REQUIRED, currency: REQUIRED }],
    });
    const empty = await api(app, "POST", "/offer/", offerBody(catalog.id, { name: "D", prices: [] }));
    expect(empty.body).toEqual({ prices: { non_field_errors: ["This list may not be empty."] } });
    const text = await api(app, "POST", "/offer/", offerBody(catalog.id, { name: "E", prices: "100 USD" }));
    expect(text.body).toEqual({ prices: { non_field_errors: ['Expected a list of items but got type "str".'] } });
  });

  it("catalog_id must be a UUID of one of the caller's catalogs", async () => {
    const { app } = makeSandbox();
    const foreign = await createCatalog(app, {}, OTHER_TOKEN);
    const bad = await api(app, "POST", "/offer/", offerBody("nope"));
    expect(bad.body).toEqual({ catalog_id: ["Must be a valid UUID."] });
    const other = await api(app, "POST", "/offer/", offerBody(foreign.id));
    expect(other.body).toEqual({ catalog_id: [`Invalid pk "${foreign.id}" - object does not exist.`] });
  });

  it("accepts the legacy names: is_promo, disable (inverted) and remuneration_percent", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const res = await api(app, "POST", "/offer/", {
      name: "Legacy",
      catalog_id: catalog.id,
      is_promo: true,
      disable: true,
      prices: [{ cost: 10, currency: "RUB" }],
      remuneration_percent: "7.5",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ is_promocode_allowed: true, is_active: false, reward_percent: 7.5 });
    expect(res.body).not.toHaveProperty("remuneration_percent");
  });
});

describe("PUT and PATCH /offer/{id}/", () => {
  it("PATCH changes the fields sent; prices replace the list", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const offer = await createOffer(app, catalog.id, { prices: [{ cost: 1, currency: "USD" }, { cost: 2, currency: "RUB" }] });
    const res = await api(app, "PATCH", `/offer/${offer.id}/`, { name: "Another offer name", prices: [{ cost: 3, currency: "RUB" }] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...offer, name: "Another offer name", prices: [{ cost: 3, currency: "RUB" }] });
  });

  it("switching to a fixed remuneration needs reward_percent sent as null", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const offer = await createOffer(app, catalog.id);
    const both = await api(app, "PATCH", `/offer/${offer.id}/`, { fix_remuneration: 20 });
    expect(both.status).toBe(400);
    const res = await api(app, "PATCH", `/offer/${offer.id}/`, { fix_remuneration: 20, reward_percent: null });
    expect(res.body).toMatchObject({ fix_remuneration: 20, reward_percent: null });
  });

  it("PUT requires the create fields; renaming onto a sibling's name is refused", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    await createOffer(app, catalog.id, { name: "A" });
    const b = await createOffer(app, catalog.id, { name: "B" });
    expect((await api(app, "PUT", `/offer/${b.id}/`, { name: "B2" })).body).toEqual({
      catalog_id: REQUIRED,
      is_promocode_allowed: REQUIRED,
      prices: REQUIRED,
      is_active: REQUIRED,
    });
    const clash = await api(app, "PATCH", `/offer/${b.id}/`, { name: "A" });
    expect(clash.body).toEqual({ non_field_errors: ["The fields catalog_id, name must make a unique set."] });
    const put = await api(app, "PUT", `/offer/${b.id}/`, offerBody(catalog.id, { name: "B3", reward_percent: 9 }));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: "B3", reward_percent: 9 });
  });

  it("another tenant's offer is 404", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const offer = await createOffer(app, catalog.id);
    expect((await api(app, "GET", `/offer/${offer.id}/`, undefined, OTHER_TOKEN)).body).toEqual(NOT_FOUND);
    expect((await api(app, "PATCH", `/offer/${offer.id}/`, { name: "x" }, OTHER_TOKEN)).status).toBe(404);
  });
});
