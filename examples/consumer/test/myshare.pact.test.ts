import { myshare } from "promo-sandbox/contracts";
import { fromState, given, matchersFor, MYSHARE_STATES } from "promo-sandbox/pact";
import { describe, expect, it } from "vitest";
import { dealStatus, promoDiscount } from "../src/promotions.js";
import { JSON_ANSWER, pactWith } from "./pact-setup.js";

const pact = pactWith("myshare");
// myshare takes the token as it is; in open mode it names the sandbox tenant.
const TOKEN = "promotions-service";

describe("myshare affiliate API", () => {
  it("check_promo: the discount a partner's promo code gives (the catalog's minimum, 5 %)", async () => {
    const state = MYSHARE_STATES.partner;
    await pact
      .addInteraction()
      .given(...given(state, { catalogCode: "super_catalog", promoPercent: 5 }))
      .uponReceiving("GET /promo/check_promo/ with a partner's code in its catalog")
      .withRequest("GET", "/promo/check_promo/", (b) =>
        b.headers({ Authorization: TOKEN }).query({ code: fromState(state, "promoCode", "D4ZMUNUGAKWJ"), catalog_id: fromState(state, "publicId", "HN3W8") }),
      )
      .willRespondWith(200, (b) => b.headers(JSON_ANSWER).jsonBody(matchersFor(myshare.MsCheckPromoResponse, { percent_discounts: 5 })))
      .executeTest(async (server) => {
        expect(await promoDiscount({ baseUrl: server.url, token: TOKEN }, "D4ZMUNUGAKWJ", "HN3W8")).toBe(5);
      });
  });

  it("deal: a deal paid 29 days ago is still Paid (its hold is 30 days)", async () => {
    await pact
      .addInteraction()
      .given(...given(MYSHARE_STATES.deal, { status: "Paid", paidDaysAgo: 29, holdDays: 30, dealId: "order-7" }))
      .uponReceiving("GET /deal/order-7/ of a deal paid 29 days ago")
      .withRequest("GET", "/deal/order-7/", (b) => b.headers({ Authorization: TOKEN }))
      .willRespondWith(200, (b) =>
        b.headers(JSON_ANSWER).jsonBody(
          matchersFor(myshare.MsDeal, {
            offer: { name: "Basic", catalog: { title: "SuperCatalog", catalog_code: "super_catalog" } },
            cost: 100,
            payment_sum: 5,
            is_returned: false,
            conversion_time: "2026-01-15T09:00:00",
            promo: null,
            currency: "USD",
            status: "Paid",
            id: "Q7M2KD9X",
            modified_at: "2026-01-15T09:00:00",
            paid_at: "2026-01-15T09:00:00",
            approved_at: null,
            canceled_at: null,
          }),
        ),
      )
      .executeTest(async (server) => {
        expect(await dealStatus({ baseUrl: server.url, token: TOKEN }, "order-7")).toBe("Paid");
      });
  });
});
