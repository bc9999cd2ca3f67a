import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, api, createDeal, createOffer, dealBody, dealPath, events, HOUR, joinPartner, msAt, NOT_FOUND, OTHER_TOKEN, REQUIRED, setup } from "./helpers.js";

describe("POST /deal/", () => {
  it("answers 201 with DealCreateResponse (plus catalog_code), echoing what was sent", async () => {
    const { app } = makeSandbox();
    const { partner } = await setup(app);
    const res = await api(app, "POST", "/deal/", dealBody({ another_data: `myshare=${partner.uid}&subid=Product1` }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      another_data: `myshare=${partner.uid}&subid=Product1`,
      cost: 100,
      is_returned: false,
      promo_code: "Promo",
      currency: "USD",
      status: "Created",
      offer: "Offer name",
      deal_id: "Custom Deal ID",
      catalog_code: "super_catalog",
    });
  });

  it("GET /deal/{id}/ finds it by deal_id, then by system id, with DealResponse", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app);
    const res = await api(app, "GET", dealPath("Custom Deal ID"));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      offer: { name: "Offer name", catalog: { title: "SuperCatalog", catalog_code: "super_catalog" } },
      cost: 100,
      payment_sum: 5,
      is_returned: false,
      conversion_time: "2026-01-15T09:00:00",
      promo: { code: "Promo" },
      currency: "USD",
      status: "Created",
      id: expect.stringMatching(/^[A-Z0-9]{8}$/),
      modified_at: "2026-01-15T09:00:00",
      paid_at: null,
      approved_at: null,
      canceled_at: null,
    });
    expect((await api(app, "GET", dealPath(res.body.id))).body).toEqual(res.body);
    expect((await api(app, "GET", dealPath("nope"))).body).toEqual(NOT_FOUND);
    expect((await api(app, "GET", dealPath("Custom Deal ID"), undefined, OTHER_TOKEN)).status).toBe(404);
  });

  it("payment_sum is cost x reward_percent / 100, or the fixed remuneration", async () => {
    const { app } = makeSandbox();
    const { catalog } = await setup(app, {}, { reward_percent: 12.5 });
    await createOffer(app, catalog.id, { name: "Fixed", reward_percent: null, fix_remuneration: 20 });
    await createDeal(app, { deal_id: "p", cost: "199.99" });
    await createDeal(app, { deal_id: "f", offer: "Fixed" });
    expect((await api(app, "GET", dealPath("p"))).body.payment_sum).toBe(25);
    expect((await api(app, "GET", dealPath("f"))).body.payment_sum).toBe(20);
  });

  it("a deal created Paid has paid_at and waits for the hold", async () => {
    const { app } = makeSandbox();
    await setup(app);
    expect((await createDeal(app, { status: "Paid" })).status).toBe("Paid");
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body).toMatchObject({ status: "Paid", paid_at: "2026-01-15T09:00:00" });
  });

  it("needs promo_code or another_data", async () => {
    const { app } = makeSandbox();
    await setup(app);
    const res = await api(app, "POST", "/deal/", dealBody({ promo_code: null, another_data: "" }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ non_field_errors: ["Either promo_code or another_data must be provided."] });
  });

  it("resolves the catalog by catalog_code and the offer by name within it", async () => {
    const { app } = makeSandbox();
    await setup(app);
    expect((await api(app, "POST", "/deal/", dealBody({ catalog_code: "nope" }))).body).toEqual({ catalog_code: ["Object with catalog_code=nope does not exist."] });
    expect((await api(app, "POST", "/deal/", dealBody({ offer: "Gold" }))).body).toEqual({ offer: ["Object with name=Gold does not exist."] });
  });

  it("checks every field with DRF's messages", async () => {
    const { app } = makeSandbox();
    await setup(app);
    const res = await api(app, "POST", "/deal/", { status: "Approved", cost: -1, currency: "EUR", is_returned: true, catalog_code: "super_catalog", offer: "Offer name" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      status: ['"Approved" is not a valid choice.'],
      cost: ["Ensure this value is greater than or equal to 0."],
      currency: ['"EUR" is not a valid choice.'],
      deal_id: REQUIRED,
      is_returned: ["is_returned can only be set together with status Canceled."],
    });
  });

  it("a repeated deal_id with the same catalog, offer and currency changes that deal (200); otherwise it is taken", async () => {
    const { app } = makeSandbox();
    const { catalog } = await setup(app);
    await createOffer(app, catalog.id, { name: "Other" });
    await createDeal(app);
    const paid = await api(app, "POST", "/deal/", dealBody({ status: "Paid", cost: 120 }));
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: "Paid", cost: 120 });
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body).toMatchObject({ status: "Paid", payment_sum: 6 });
    const taken = await api(app, "POST", "/deal/", dealBody({ offer: "Other" }));
    expect(taken.status).toBe(400);
    expect(taken.body).toEqual({ deal_id: ["deal with this deal id already exists."] });
  });

  it("PUT is 405 with DRF's message and Allow", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app);
    const res = await api(app, "PUT", dealPath("Custom Deal ID"), dealBody());
    expect(res.status).toBe(405);
    expect(res.body).toEqual({ detail: 'Method "PUT" not allowed.' });
    expect(res.headers["allow"]).toBe("GET, PATCH, HEAD");
  });
});

describe("attribution", () => {
  it("another_data's myshare uid wins over the promo code; the choice is in the event log", async () => {
    const { app } = makeSandbox();
    const { partner, catalog } = await setup(app);
    const other = await joinPartner(app, catalog.id);
    await createDeal(app, { deal_id: "both", promo_code: other.promo_code, another_data: `myshare=${partner.uid}&subid=x` });
    await createDeal(app, { deal_id: "promo", promo_code: other.promo_code });
    await createDeal(app, { deal_id: "unknown", promo_code: "NOPE" });
    const created = (await events(app, "deal")).map((e) => e.detail);
    expect(created).toEqual([
      { deal_id: "both", attribution: "link", partner_id: partner.partner_id, promo_id: null, warning: null },
      { deal_id: "promo", attribution: "promo", partner_id: other.partner_id, promo_id: null, warning: null },
      { deal_id: "unknown", attribution: null, partner_id: null, promo_id: null, warning: "promo code NOPE is neither a partner's nor a personal promo code of catalog super_catalog" },
    ]);
  });
});

describe("PATCH /deal/{id}/", () => {
  it("Created -> Paid answers DealUpdateResponse with cost as a 2-place string", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app);
    await advance(app, "PT1H");
    const res = await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Paid", cost: 50, comment: "Deal's comment" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "Paid", cost: "50.00", is_returned: false, comment: "Deal's comment" });
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body).toMatchObject({
      status: "Paid",
      cost: 50,
      payment_sum: 2.5,
      paid_at: msAt(HOUR),
      modified_at: msAt(HOUR),
    });
  });

  it("Canceled with is_returned, then final", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app, { status: "Paid" });
    const res = await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Canceled", is_returned: true });
    expect(res.body).toEqual({ status: "Canceled", cost: "100.00", is_returned: true, comment: null });
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body).toMatchObject({ status: "Canceled", canceled_at: "2026-01-15T09:00:00", is_returned: true });
    const again = await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Paid" });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ status: ["Canceled deal cannot be changed."] });
    expect((await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Canceled" })).status).toBe(200);
    expect((await api(app, "PATCH", dealPath("Custom Deal ID"), { cost: 1 })).status).toBe(400);
  });

  it("is_returned only goes with Canceled", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app);
    const res = await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Paid", is_returned: true });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ is_returned: ["is_returned can only be set together with status Canceled."] });
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body.status).toBe("Created");
  });

  it("Paid cannot go back to Created; a repeat of the current status is a no-op", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app, { status: "Paid" });
    const back = await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Created" });
    expect(back.status).toBe(400);
    expect(back.body).toEqual({ status: ["Cannot change status from Paid to Created."] });
    await advance(app, "P1D");
    expect((await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Paid" })).status).toBe(200);
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body.paid_at).toBe("2026-01-15T09:00:00");
  });

  it("rejects an unknown status and a bad cost", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app);
    const res = await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Approved", cost: "1.005" });
    expect(res.body).toEqual({ status: ['"Approved" is not a valid choice.'], cost: ["Ensure that there are no more than 2 decimal places."] });
  });
});
