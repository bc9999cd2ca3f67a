import { wildberries } from "promo-sandbox/contracts";
import { fromState, given, matchersFor, WILDBERRIES_STATES } from "promo-sandbox/pact";
import { describe, expect, it } from "vitest";
import { campaignBudget, sellerMoney } from "../src/promotions.js";
import { JSON_ANSWER, pactWith } from "./pact-setup.js";

const pact = pactWith("wildberries-promotion");
// Wildberries takes the token as it is (no "Bearer"); in open mode it names the sandbox tenant.
const TOKEN = "promotions-service";

describe("Wildberries Promotion API", () => {
  it("balance: the seller's account, net balance and bonuses", async () => {
    await pact
      .addInteraction()
      .given(...given(WILDBERRIES_STATES.seller, { balance: 5000, net: 0, bonus: 100 }))
      .uponReceiving("GET /adv/v1/balance of a seller with 5000 rubles and 100 of bonuses")
      .withRequest("GET", "/adv/v1/balance", (b) => b.headers({ Authorization: TOKEN }))
      .willRespondWith(200, (b) => b.headers(JSON_ANSWER).jsonBody(matchersFor(wildberries.WbBalance, { balance: 5000, net: 0, bonus: 100 })))
      .executeTest(async (server) => {
        expect(await sellerMoney({ baseUrl: server.url, token: TOKEN })).toEqual({ balance: 5000, net: 0, bonus: 100 });
      });
  });

  it("budget: what a campaign has left to spend", async () => {
    const state = WILDBERRIES_STATES.campaign;
    await pact
      .addInteraction()
      .given(...given(state, { type: 9, status: 9, budget: 1000 }))
      .uponReceiving("GET /adv/v1/budget of an active Auction campaign with 1000 rubles")
      .withRequest("GET", "/adv/v1/budget", (b) => b.headers({ Authorization: TOKEN }).query({ id: fromState(state, "advertId", 9008917) }))
      .willRespondWith(200, (b) => b.headers(JSON_ANSWER).jsonBody(matchersFor(wildberries.WbBudget, { cash: 0, netting: 0, total: 1000 })))
      .executeTest(async (server) => {
        expect(await campaignBudget({ baseUrl: server.url, token: TOKEN }, 9008917)).toBe(1000);
      });
  });
});
