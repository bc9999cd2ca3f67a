import { yoomoney } from "promo-sandbox/contracts";
import { fromState, given, matchersFor, YOOMONEY_STATES } from "promo-sandbox/pact";
import { describe, expect, it } from "vitest";
import { pinsLeft, reportPurchase } from "../src/promotions.js";
import { JSON_ANSWER, pactWith } from "./pact-setup.js";

const pact = pactWith("yoomoney");
// In open mode the token names the sandbox tenant that `promo-sandbox verify` sets the states up for.
const TOKEN = "promotions-service";
const REQUEST = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" };
const API = "/api/offerwall/v1";

describe("YooMoney offer program", () => {
  it("campaigns/info: the codes a started campaign has left", async () => {
    const state = YOOMONEY_STATES.campaign;
    const ymCampaignId = fromState(state, "ymCampaignId", 4321);
    await pact
      .addInteraction()
      .given(...given(state, { status: "started", unusedPins: 2, acceptedPins: 1 }))
      .uponReceiving("campaigns/info of a started campaign with 2 unused codes of 3")
      .withRequest("POST", `${API}/campaigns/info`, (b) => b.headers(REQUEST).jsonBody({ ymCampaignId }))
      .willRespondWith(200, (b) =>
        b.headers(JSON_ANSWER).jsonBody(
          matchersFor(yoomoney.CampaignInfoResponse, {
            status: "success",
            result: {
              ymCampaignId,
              campaignStatus: "started",
              campaignAccepts: 1,
              campaignRedeems: 0,
              campaignShows: 0,
              campaignPinsStats: { unused: 2, total: 3 },
              campaignRedeemStats: { usedCount: 0, approvedCount: 0, declinedCount: 0 },
            },
          }),
        ),
      )
      .executeTest(async (server) => {
        expect(await pinsLeft({ baseUrl: server.url, token: TOKEN }, 4321)).toEqual({ unused: 2, total: 3 });
      });
  });

  it("campaigns/redeem: a purchase made with a taken offer is a lead, used", async () => {
    const state = YOOMONEY_STATES.offerTaken;
    const ymCampaignId = fromState(state, "ymCampaignId", 4321);
    const clickId = fromState(state, "clickId", "128682-1137766-50098");
    const pinContent = fromState(state, "pinContent", "PACTPIN1");
    await pact
      .addInteraction()
      .given(...given(state, { pinContent: "PACTPIN1", takenHoursAgo: 2 }))
      .uponReceiving("campaigns/redeem of an offer taken 2 hours ago")
      .withRequest("POST", `${API}/campaigns/redeem`, (b) =>
        b.headers(REQUEST).jsonBody({ ymCampaignId, clickId, pinContent, transactionId: "order-1", campaignFee: "100" }),
      )
      .willRespondWith(200, (b) =>
        b.headers(JSON_ANSWER).jsonBody(matchersFor(yoomoney.RedeemResponse, { status: "success", result: { ymCampaignId, transactionId: "order-1", redeemStatus: "used" } })),
      )
      .executeTest(async (server) => {
        const lead = { ymCampaignId: 4321, clickId: "128682-1137766-50098", pinContent: "PACTPIN1", orderId: "order-1", fee: "100" };
        expect(await reportPurchase({ baseUrl: server.url, token: TOKEN }, lead)).toBe("used");
      });
  });
});
