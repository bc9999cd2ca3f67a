import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { api, catalogBody, createCatalog, createLanding, createOffer, msAt, NOT_FOUND, REQUIRED, advance, HOUR, OTHER_TOKEN } from "./helpers.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("POST /catalog/", () => {
  it("answers 201 with CatalogCreateResponse: the fields sent, the defaults, ids, created_at", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "POST", "/catalog/", catalogBody());
    expect(res.status).toBe(201);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      title: "SuperCatalog",
      catalog_code: "super_catalog",
      offers: [],
      icon: null,
      hold_duration: "30 00:00:00",
      canceled_duration: "14 00:00:00",
      is_promocode_allowed: true,
      category: expect.stringMatching(UUID),
      business_partner_id: expect.stringMatching(UUID),
      offer_geo: ["WW"],
      catalog_id: expect.stringMatching(/^[A-Z0-9]{5}$/),
      description: "some_text",
      reward_type: "RevShare",
      localizations: [],
      devices: "All",
      cookies_storage_days: 30,
      moderation_type: "FREE_ENTRY",
      max_promo_code_percent: 5,
      min_promo_code_percent: 5,
      is_published: true,
      created_at: "2026-01-15T09:00:00",
    });
  });

  it("fills the documented defaults when only title and catalog_code are sent", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "POST", "/catalog/", { title: "T", catalog_code: "t-1" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      description: "",
      moderation_type: "FREE_ENTRY",
      hold_duration: "30 00:00:00",
      canceled_duration: "14 00:00:00",
      is_promocode_allowed: false,
      is_published: true,
    });
  });

  it("prints created_at with microseconds when the clock is not on a whole second", async () => {
    const { app } = makeSandbox();
    await advance(app, 1234);
    expect((await createCatalog(app)).created_at).toBe("2026-01-15T09:00:01.234000");
  });

  it("reads durations like Django and prints them with duration_string", async () => {
    const { app } = makeSandbox();
    const cases: Array<[string | number, string]> = [
      ["30 00:00:00", "30 00:00:00"],
      ["30 days, 00:00:00", "30 00:00:00"],
      ["00:10:00", "00:10:00"],
      ["10:00", "00:10:00"],
      [3600, "01:00:00"],
      ["90000", "1 01:00:00"],
      ["P2DT3H", "2 03:00:00"],
      ["3 days 04:05:06", "3 04:05:06"],
      ["1 00:00:00.5", "1 00:00:00.500000"],
    ];
    for (const [index, [input, printed]] of cases.entries()) {
      const catalog = await createCatalog(app, { catalog_code: `d${index}`, hold_duration: input });
      expect(catalog.hold_duration, String(input)).toBe(printed);
    }
  });

  it("lists every failing field with DRF's messages", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "POST", "/catalog/", {
      catalog_code: "bad code!",
      hold_duration: "thirty days",
      canceled_duration: -5,
      is_published: "maybe",
      moderation_type: "OPEN",
      icon: "not a url",
      offer_geo: ["RU", "XX"],
      localizations: "RU",
      cookies_storage_days: "many",
      reward_percent: 100,
      min_promo_code_percent: "1.234",
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      title: REQUIRED,
      catalog_code: ["Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."],
      hold_duration: ["Duration has wrong format. Use one of these formats instead: [DD] [HH:[MM:]]ss[.uuuuuu]."],
      canceled_duration: ["Ensure this value is greater than or equal to 0:00:00."],
      is_published: ["Must be a valid boolean."],
      moderation_type: ['"OPEN" is not a valid choice.'],
      icon: ["Enter a valid URL."],
      offer_geo: { "1": ['"XX" is not a valid choice.'] },
      localizations: ['Expected a list of items but got type "str".'],
      cookies_storage_days: ["A valid integer is required."],
      reward_percent: ["Ensure this value is less than or equal to 95."],
      min_promo_code_percent: ["Ensure that there are no more than 2 decimal places."],
    });
  });

  it("refuses a duration past Python's timedelta range", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "POST", "/catalog/", catalogBody({ hold_duration: "1000000000 00:00:00" }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ hold_duration: ["The number of days must be between -999999999 and 999999999."] });
  });

  it("refuses a catalog_code already used, and a blank or null title", async () => {
    const { app } = makeSandbox();
    await createCatalog(app);
    const res = await api(app, "POST", "/catalog/", catalogBody({ title: "  " }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ catalog_code: ["catalog with this catalog code already exists."], title: ["This field may not be blank."] });
    const nulled = await api(app, "POST", "/catalog/", catalogBody({ catalog_code: "other", title: null }));
    expect(nulled.body).toEqual({ title: ["This field may not be null."] });
  });

  it("catalog_code is unique per tenant: another tenant may use the same code", async () => {
    const { app } = makeSandbox();
    await createCatalog(app);
    await createCatalog(app, {}, OTHER_TOKEN);
  });

  it("accepts the legacy names as input aliases and the DRF boolean lexicon", async () => {
    const { app } = makeSandbox();
    const { is_promocode_allowed: _sent, ...body } = catalogBody();
    const res = await api(app, "POST", "/catalog/", {
      ...body,
      is_promo: "yes",
      localization: ["RU", "EN"],
      min_size_promo_code: "3",
      max_size_promo_code: 9.5,
      devises: "Mobile",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ is_promocode_allowed: true, localizations: ["RU", "EN"], min_promo_code_percent: 3, max_promo_code_percent: 9.5, devices: "Mobile" });
  });

  it("min_promo_code_percent may not exceed max_promo_code_percent", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "POST", "/catalog/", catalogBody({ min_promo_code_percent: 8, max_promo_code_percent: 7 }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ non_field_errors: ["min_promo_code_percent must not exceed max_promo_code_percent."] });
  });
});

describe("GET /catalog/{id}/", () => {
  it("answers CatalogResponse with its offers, landings, reward range and company", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const cheap = await createOffer(app, catalog.id, { name: "Cheap", reward_percent: 2.5 });
    const rich = await createOffer(app, catalog.id, { name: "Rich", reward_percent: 10 });
    const landing = await createLanding(app, catalog.id);
    const res = await api(app, "GET", `/catalog/${catalog.id}/`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: catalog.id,
      title: "SuperCatalog",
      approval_rate: "b/d",
      catalog_code: "super_catalog",
      offers: [cheap, rich],
      hold_duration: "30 00:00:00",
      company_logo: expect.stringMatching(/^https:\/\//),
      company_name: expect.any(String),
      is_confirmed: false,
      modified_at: "2026-01-15T09:00:00",
      promo_materials: [],
      reward: { from: 2.5, to: 10, type: null },
      rules: [],
      text_rule: [],
      canceled_duration: "14 00:00:00",
      is_promocode_allowed: true,
      is_published: true,
      category: "Education",
      offer_geo: ["WW"],
      catalog_id: catalog.catalog_id,
      preview_image: null,
      description: "some_text",
      reward_type: "RevShare",
      max_promo_code_percent: 5,
      min_promo_code_percent: 5,
      landings: [landing],
      localizations: [],
      devices: "All",
      cookies_storage_days: 30,
    });
  });

  it("is 404 for an unknown id, a malformed id and another tenant's catalog", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    expect((await api(app, "GET", "/catalog/497f6eca-6276-4993-bfeb-53cbbbba6f08/")).body).toEqual(NOT_FOUND);
    expect((await api(app, "GET", "/catalog/not-a-uuid/")).status).toBe(404);
    const other = await api(app, "GET", `/catalog/${catalog.id}/`, undefined, OTHER_TOKEN);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(NOT_FOUND);
  });
});

describe("PUT and PATCH /catalog/{id}/", () => {
  it("PATCH changes only the fields sent and moves modified_at", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    await advance(app, "PT1H");
    const res = await api(app, "PATCH", `/catalog/${catalog.id}/`, { title: "Different Catalog Name" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...catalog, title: "Different Catalog Name" });
    expect((await api(app, "GET", `/catalog/${catalog.id}/`)).body).toMatchObject({ title: "Different Catalog Name", modified_at: msAt(HOUR) });
  });

  it("PUT requires title and catalog_code", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const res = await api(app, "PUT", `/catalog/${catalog.id}/`, { description: "x" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ title: REQUIRED, catalog_code: REQUIRED });
    const ok = await api(app, "PUT", `/catalog/${catalog.id}/`, { title: "New", catalog_code: "super_catalog", hold_duration: "1 00:00:00" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: "New", catalog_code: "super_catalog", hold_duration: "1 00:00:00", description: "some_text" });
  });

  it("a PATCH to another catalog's code is refused", async () => {
    const { app } = makeSandbox();
    await createCatalog(app);
    const second = await createCatalog(app, { catalog_code: "second" });
    const res = await api(app, "PATCH", `/catalog/${second.id}/`, { catalog_code: "super_catalog" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ catalog_code: ["catalog with this catalog code already exists."] });
  });

  it("the update response lists the catalog's offers", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const offer = await createOffer(app, catalog.id);
    const res = await api(app, "PATCH", `/catalog/${catalog.id}/`, { is_published: false });
    expect(res.body).toMatchObject({ is_published: false, offers: [offer] });
  });
});

describe("GET /catalog/", () => {
  it("pages like DRF: count, absolute next/previous links, 10 a page by default", async () => {
    const { app } = makeSandbox();
    for (let i = 0; i < 12; i++) await createCatalog(app, { catalog_code: `c${i}`, title: `T${i}` });
    const first = await api(app, "GET", "/catalog/").set("Host", "sandbox.test");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ count: 12, next: "http://sandbox.test/catalog/?page=2", previous: null });
    expect(first.body.results).toHaveLength(10);
    expect(first.body.results[0]).toMatchObject({ title: "T0", approval_rate: "b/d" });
    const second = await api(app, "GET", "/catalog/?page=2").set("Host", "sandbox.test");
    expect(second.body).toMatchObject({ count: 12, next: null, previous: "http://sandbox.test/catalog/" });
    expect(second.body.results.map((c: { title: string }) => c.title)).toEqual(["T10", "T11"]);
    const sized = await api(app, "GET", "/catalog/?page_size=5&page=2").set("Host", "sandbox.test");
    expect(sized.body).toMatchObject({ next: "http://sandbox.test/catalog/?page=3&page_size=5", previous: "http://sandbox.test/catalog/?page_size=5" });
  });

  it("an empty list is page 1; a page past the end or not a number is 404 Invalid page.", async () => {
    const { app } = makeSandbox();
    expect((await api(app, "GET", "/catalog/")).body).toEqual({ count: 0, next: null, previous: null, results: [] });
    for (const page of ["2", "0", "x"]) {
      const res = await api(app, "GET", `/catalog/?page=${page}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Invalid page." });
    }
  });

  it("shows only the caller's catalogs", async () => {
    const { app } = makeSandbox();
    await createCatalog(app);
    expect((await api(app, "GET", "/catalog/", undefined, OTHER_TOKEN)).body.count).toBe(0);
  });
});
