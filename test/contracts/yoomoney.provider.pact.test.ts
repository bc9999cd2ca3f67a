import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createSandboxControlClient } from "../../src/clients/sandbox/index.js";
import { createYooMoneyClient } from "../../src/clients/yoomoney/index.js";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { openApiAnswerRecorder } from "../support/openapi-answers.js";
import { verifyWithCatalogue } from "./catalogue-pact.js";
import { CREATE_BODY, PACT_FILE } from "./yoomoney-pact.js";

describe("promo-sandbox as the YooMoney provider", () => {
  let sandbox: Sandbox;
  const answers = openApiAnswerRecorder();
  let baseUrl: string;

  beforeAll(async () => {
    sandbox = createSandbox({ validateResponses: true, onAnswer: answers.onAnswer });
    baseUrl = await sandbox.listen(0);
  });
  afterAll(() => sandbox.close());

  it("honours every interaction of the yoomoney-client pact, each state from the sandbox's catalogue", async () => {
    const report = await verifyWithCatalogue(PACT_FILE, baseUrl);
    // A failed state explains the mismatches after it: compared first.
    expect(report.stateFailures).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });

  /** What a reply says, without its Headers object. */
  const seen = ({ status, body }: { status: number; body: unknown }) => ({ status, body });
  const success = (result: object) => ({ status: 200, body: { status: "success", result } });

  it("every YooMoney client method reads the sandbox's answers", async () => {
    const login = await createYooMoneyClient({ baseUrl }).login({ body: { login: "client-roundtrip", password: "secret" } });
    if (login.status !== 200) throw new Error(`users/login failed: ${JSON.stringify(login.body)}`);
    const token = login.body.accessToken;
    const ym = createYooMoneyClient({ baseUrl, token });
    const control = createSandboxControlClient({ baseUrl, token });
    const approve = async (id: number) => expect(await control.moderateYooMoneyCampaign({ params: { ymCampaignId: id }, body: { decision: "approve" } })).toMatchObject({ status: 200 });

    expect(await ym.getCategories({ body: {} })).toMatchObject({ status: 200, body: { result: { categories: expect.arrayContaining([{ categoryId: 39, name: "Товары для детей" }]) } } });

    const created = await ym.createCampaign({ body: CREATE_BODY });
    expect(created).toMatchObject({ status: 200, body: { status: "success", result: { campaignStatus: "moderation" } } });
    const id = z.object({ result: z.object({ ymCampaignId: z.number() }) }).parse(created.body).result.ymCampaignId;

    const view = await ym.getCampaign({ body: { ymCampaignId: id } });
    expect(view).toMatchObject({ status: 200, body: { result: { ...CREATE_BODY, ymCampaignId: id, campaignStatus: "moderation", offerDuration: 336, pinEnd: null } } });

    await approve(id);
    expect(seen(await ym.updateCampaign({ body: { partnerCampaignId: 20, description: "Новая скидка" } }))).toEqual(success({ ymCampaignId: id, campaignStatus: "moderation" }));
    await approve(id);

    expect(seen(await ym.addPins({ body: { ymCampaignId: id, pinList: ["A1", "B2"] } }))).toEqual(
      success({ ymCampaignId: id, campaignStatus: "verified", counters: { unusedPinCount: 2, acceptedPinCount: 0, redeemedPinCount: 0, totalPinCount: 2 } }),
    );
    expect(seen(await ym.startCampaign({ body: { ymCampaignId: id } }))).toEqual(success({ ymCampaignId: id, campaignStatus: "started" }));

    const offer = await control.takeYooMoneyOffer({ params: { ymCampaignId: id } });
    if (offer.status !== 201) throw new Error(`taking an offer failed: ${JSON.stringify(offer.body)}`);
    expect(offer.body).toMatchObject({ ymCampaignId: id, pinContent: "A1", campaignStatus: "started" });
    expect(seen(await ym.redeem({ body: { ymCampaignId: id, pinContent: "A1", clickId: offer.body.clickId, transactionId: "rt-1", campaignFee: "100" } }))).toEqual(
      success({ ymCampaignId: id, transactionId: "rt-1", redeemStatus: "used" }),
    );
    expect(seen(await ym.getPinsByStatus({ body: { ymCampaignId: id, pinStatus: "redeem_received" } }))).toEqual(
      success({ ymCampaignId: id, pinStatus: "redeem_received", pins: ["A1"] }),
    );

    // campaigns/stop's documented answer also carries an empty errors object.
    expect(seen(await ym.stopCampaign({ body: { ymCampaignId: id } }))).toEqual({
      status: 200,
      body: { status: "success", errors: {}, result: { ymCampaignId: id, campaignStatus: "paused" } },
    });
    expect(seen(await ym.campaignInfo({ body: { ymCampaignId: id } }))).toEqual(
      success({
        ymCampaignId: id,
        campaignStatus: "paused",
        campaignAccepts: 1,
        campaignRedeems: 1,
        campaignShows: 1,
        campaignPinsStats: { unused: 1, total: 2 },
        campaignRedeemStats: { usedCount: 1, approvedCount: 0, declinedCount: 0 },
      }),
    );
    expect(seen(await ym.listCampaigns({ body: { limit: 10, offset: 0 } }))).toEqual({
      status: 200,
      body: { status: "success", total: 1, campaigns: [{ ymCampaignId: id, campaignStatus: "paused" }] },
    });
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });
});
