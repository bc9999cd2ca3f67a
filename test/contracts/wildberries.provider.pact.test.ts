import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxControlClient } from "../../src/clients/sandbox/index.js";
import { createWildberriesClient } from "../../src/clients/wildberries/index.js";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { openApiAnswerRecorder } from "../support/openapi-answers.js";
import { verifyWithCatalogue } from "./catalogue-pact.js";
import { WB_PACT_FILE } from "./wildberries-pact.js";

describe("promo-sandbox as the Wildberries Promotion provider", () => {
  let sandbox: Sandbox;
  const answers = openApiAnswerRecorder();
  let baseUrl: string;

  beforeAll(async () => {
    sandbox = createSandbox({ validateResponses: true, onAnswer: answers.onAnswer });
    baseUrl = await sandbox.listen(0);
  });
  afterAll(() => sandbox.close());

  it("honours every interaction of the wildberries-client pact, each state from the sandbox's catalogue", async () => {
    const report = await verifyWithCatalogue(WB_PACT_FILE, baseUrl);
    // A failed state explains the mismatches after it: compared first.
    expect(report.stateFailures).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });

  it("every Wildberries client method reads the sandbox's answers", async () => {
    const token = "wb-client-roundtrip";
    const control = createSandboxControlClient({ baseUrl, token });
    expect(await control.patchSettings({ body: { consistency: "immediate", rateLimits: "off" } })).toMatchObject({ status: 200 });
    expect(await control.topUpWildberriesMoney({ body: { balance: 10_000, bonus: 500 } })).toMatchObject({ status: 200 });
    const wb = createWildberriesClient({ baseUrl, token });
    const subjects = await wb.getSupplierSubjects();
    const subject = subjects.status === 200 ? subjects.body?.[0] : undefined;
    if (subject === undefined) throw new Error(`the seeded catalogue has no subjects: ${JSON.stringify(subjects.body)}`);
    const nms = await wb.getSupplierNms({ body: [subject.id] });
    const nm = nms.status === 200 ? nms.body[0]?.nm : undefined;
    if (nm === undefined) throw new Error(`subject ${subject.id} has no nms: ${JSON.stringify(nms.body)}`);

    const auto = await wb.createAutoCampaign({ body: { type: 8, name: "Авто", subjectId: subject.id, sum: 1000, btype: 0, on_pause: false, nms: [nm], cpm: 100 } });
    if (auto.status !== 200) throw new Error(`save-ad failed: ${JSON.stringify(auto.body)}`);
    const autoId = Number(auto.body);
    const auction = await wb.createAuctionCampaign({ body: { campaignName: "Аукцион", nms: [nm] } });
    if (auction.status !== 200) throw new Error(`seacat/save-ad failed: ${JSON.stringify(auction.body)}`);
    const auctionId = auction.body;
    expect(await wb.getBalance()).toMatchObject({ status: 200, body: { balance: 9000, net: 0, bonus: 500 } });

    expect(await wb.startCampaign({ query: { id: auctionId } })).toMatchObject({ status: 422, body: "Статус кампании не изменен" });
    expect(await wb.depositCampaignBudget({ query: { id: auctionId }, body: { sum: 1000, type: 0 } })).toMatchObject({ status: 200, body: undefined });
    expect(await wb.depositCampaignBudget({ query: { id: auctionId }, body: { sum: 1001, type: 0, return: true } })).toMatchObject({
      status: 400,
      body: { error: expect.any(String) },
    });
    expect(await wb.startCampaign({ query: { id: auctionId } })).toMatchObject({ status: 200, body: undefined });
    expect(await wb.pauseCampaign({ query: { id: auctionId } })).toMatchObject({ status: 200, body: undefined });
    expect(await wb.stopCampaign({ query: { id: autoId } })).toMatchObject({ status: 200, body: undefined });

    const info = await wb.getCampaigns({ body: [autoId, auctionId] });
    if (info.status !== 200) throw new Error(`promotion/adverts failed: ${JSON.stringify(info.body)}`);
    expect(info.body.map((c) => [c.advertId, c.type, c.status]).sort()).toEqual([[autoId, 8, 7], [auctionId, 9, 11]].sort());
    expect(await wb.getCampaigns({ query: { status: 9 }, body: [] })).toMatchObject({ status: 204, body: undefined });

    const stats = await wb.getFullStats({ body: [{ id: autoId }] });
    expect(stats).toMatchObject({ status: 200 });
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });
});
