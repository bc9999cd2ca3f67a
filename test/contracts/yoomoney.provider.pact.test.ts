import { Verifier } from "@pact-foundation/pact";
import { pactStateNames } from "./pact-file.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z, type ZodType } from "zod";
import { YooMoneyClient } from "../../src/clients/yoomoney/index.js";
import { YmModerationResponse, YmOfferResponse } from "../../src/contracts/sandbox/yoomoney.js";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { openApiAnswerRecorder } from "../support/openapi-answers.js";
import { YooMoneyStates } from "./yoomoney-provider-states.js";
import { CREATE_BODY, PACT_FILE, PROVIDER } from "./yoomoney-pact.js";


describe("promo-sandbox as the YooMoney provider", () => {
  let sandbox: Sandbox;
  const answers = openApiAnswerRecorder();
  let baseUrl: string;

  beforeAll(async () => {
    sandbox = createSandbox({ validateResponses: true, onAnswer: answers.onAnswer });
    baseUrl = await sandbox.listen(0);
  });
  afterAll(() => sandbox.close());

  it("honours every interaction of the yoomoney-client pact", async () => {
    const stateHandlers = new YooMoneyStates(baseUrl).handlers();
    // The Verifier only warns about a state without a handler; here it is an error.
    const states = pactStateNames(PACT_FILE);
    expect([...states].filter((state) => !(state in stateHandlers))).toEqual([]);

    await new Verifier({
      provider: PROVIDER,
      providerBaseUrl: baseUrl,
      pactUrls: [PACT_FILE],
      stateHandlers,
      logLevel: "warn",
    }).verifyProvider();
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });

  /** POST to the control plane as the tenant `token` names; returns the body parsed with `schema`. */
  async function control<S extends ZodType>(token: string, path: string, body: object, status: number, schema: S): Promise<z.output<S>> {
    const response = await fetch(`${baseUrl}/__sandbox${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(status);
    return schema.parse(await response.json());
  }

  it("every YooMoneyClient method reads the sandbox's answers", async () => {
    const login = await new YooMoneyClient({ baseUrl }).login({ login: "client-roundtrip", password: "secret" });
    if (!login.ok) throw new Error(`users/login failed: ${JSON.stringify(login.error)}`);
    const token = login.result.accessToken;
    const ym = new YooMoneyClient({ baseUrl, token });

    const categories = await ym.categories();
    expect(categories.ok && categories.result.categories).toContainEqual({ categoryId: 39, name: "Товары для детей" });

    const created = await ym.createCampaign(CREATE_BODY);
    if (!created.ok) throw new Error(`campaigns/create failed: ${JSON.stringify(created.error)}`);
    const id = created.result.ymCampaignId;
    expect(created.result.campaignStatus).toBe("moderation");

    const view = await ym.getCampaign({ ymCampaignId: id });
    expect(view).toMatchObject({ ok: true, result: { ...CREATE_BODY, ymCampaignId: id, campaignStatus: "moderation", offerDuration: 336, pinEnd: null } });

    await control(token, `/yoomoney/campaigns/${id}/moderation`, { decision: "approve" }, 200, YmModerationResponse);
    expect(await ym.updateCampaign({ partnerCampaignId: 20, description: "Новая скидка" })).toEqual({
      ok: true,
      httpStatus: 200,
      result: { ymCampaignId: id, campaignStatus: "moderation" },
    });
    await control(token, `/yoomoney/campaigns/${id}/moderation`, { decision: "approve" }, 200, YmModerationResponse);

    expect(await ym.addPins({ ymCampaignId: id, pinList: ["A1", "B2"] })).toEqual({
      ok: true,
      httpStatus: 200,
      result: { ymCampaignId: id, campaignStatus: "verified", counters: { unusedPinCount: 2, acceptedPinCount: 0, redeemedPinCount: 0, totalPinCount: 2 } },
    });
    expect(await ym.startCampaign({ ymCampaignId: id })).toEqual({ ok: true, httpStatus: 200, result: { ymCampaignId: id, campaignStatus: "started" } });

    const offer = await control(token, `/yoomoney/campaigns/${id}/offers`, {}, 201, YmOfferResponse);
    expect(offer).toMatchObject({ ymCampaignId: id, pinContent: "A1", campaignStatus: "started" });
    expect(await ym.redeem({ ymCampaignId: id, pinContent: "A1", clickId: offer.clickId, transactionId: "rt-1", campaignFee: "100" })).toEqual({
      ok: true,
      httpStatus: 200,
      result: { ymCampaignId: id, transactionId: "rt-1", redeemStatus: "used" },
    });
    expect(await ym.pinsByStatus({ ymCampaignId: id, pinStatus: "redeem_received" })).toEqual({
      ok: true,
      httpStatus: 200,
      result: { ymCampaignId: id, pinStatus: "redeem_received", pins: ["A1"] },
    });

    expect(await ym.stopCampaign({ ymCampaignId: id })).toEqual({ ok: true, httpStatus: 200, result: { ymCampaignId: id, campaignStatus: "paused" } });
    expect(await ym.campaignInfo({ ymCampaignId: id })).toEqual({
      ok: true,
      httpStatus: 200,
      result: {
        ymCampaignId: id,
        campaignStatus: "paused",
        campaignAccepts: 1,
        campaignRedeems: 1,
        campaignShows: 1,
        campaignPinsStats: { unused: 1, total: 2 },
        campaignRedeemStats: { usedCount: 1, approvedCount: 0, declinedCount: 0 },
      },
    });
    expect(await ym.listCampaigns({ limit: 10, offset: 0 })).toEqual({
      ok: true,
      httpStatus: 200,
      result: { total: 1, campaigns: [{ ymCampaignId: id, campaignStatus: "paused" }] },
    });
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });
});
