import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { api, control, type JsonObject } from "./helpers.js";

const setupState = (app: Parameters<typeof api>[0], state: string, params: JsonObject) => control(app, "POST", "/provider-states", { state, params, action: "setup" });

describe("myshare provider states for promo codes and deal lists", () => {
  it('"a myshare personal promo code exists" makes a code that GET /promo/{id}/ and check_promo show', async () => {
    const { app } = makeSandbox();
    const set = await setupState(app, "a myshare personal promo code exists", { code: "Promo_pact", percent: 8, minPromoPercent: 7, maxPromoPercent: 9 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ code: "Promo_pact", catalogCode: "super_catalog", promoId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await api(app, "GET", `/promo/${set.body.promoId}/`)).body).toEqual({ id: set.body.promoId, code: "Promo_pact", percent_discounts: 8, catalog: [set.body.catalogId] });
    expect((await api(app, "GET", `/promo/check_promo/?code=Promo_pact&catalog_id=${set.body.publicId}`)).body).toEqual({ percent_discounts: 8 });
    const outside = await setupState(app, "a myshare personal promo code exists", { percent: 10, minPromoPercent: 7, maxPromoPercent: 9 });
    expect(outside.status).toBe(409);
    expect(outside.body.error.message).toContain("percent must lie within minPromoPercent-maxPromoPercent");
  });

  it('"myshare deals exist" makes one deal per status, which GET /deal/ and the statistics count', async () => {
    const { app } = makeSandbox();
    const set = await setupState(app, "myshare deals exist", { statuses: ["Approved", "Created", "Paid", "Canceled", "Rejected", "Paid"], cost: 250 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ count: 6, dealIds: "pact-deal-1,pact-deal-2,pact-deal-3,pact-deal-4,pact-deal-5,pact-deal-6" });
    const list = await api(app, "GET", "/deal/?o=conversion_time");
    expect(list.body.results.map((deal: { status: string }) => deal.status)).toEqual(["Approved", "Created", "Paid", "Canceled", "Rejected", "Paid"]);
    expect((await api(app, "GET", "/deal/get_statistics_deals/")).body).toEqual({
      deal_created: 1,
      deal_paid: 2,
      deal_approved: 1,
      deal_canceled: 1,
      deal_rejected: 1,
      sum_deal_created: 250,
      sum_deal_paid: 500,
      sum_deal_approved: 250,
      sum_deal_canceled: 250,
      sum_deal_rejected: 250,
    });
  });

  it('"a myshare deal exists" takes status Rejected', async () => {
    const { app } = makeSandbox();
    const set = await setupState(app, "a myshare deal exists", { status: "Rejected" });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await api(app, "GET", `/deal/${set.body.dealId}/`)).body.status).toBe("Rejected");
  });
});
