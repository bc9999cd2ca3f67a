import type { App } from "../../support/app.js";
import { describe, expect, it } from "vitest";
import { SandboxState } from "../../../src/contracts/sandbox/state.js";
import { makeSandbox } from "../../support/sandbox.js";
import {
  addPins,
  call,
  campaignIn,
  control,
  create,
  createBody,
  finishedCampaign,
  incorrect,
  OTHER_TOKEN,
  promoBody,
  reusableBody,
  startedCampaign,
  startedOneOff,
  state,
  success,
  takeOffer,
  TOKEN,
  ymError,
  type JsonObject,
} from "./helpers.js";

const list = (app: App, body: JsonObject, token = TOKEN) => call(app, token, "campaigns/get-all-campaigns", body);

describe("campaigns/get", () => {
  it("echoes every stored field with the defaults filled in and pinEnd null", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    const res = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      success({ ymCampaignId: id, campaignStatus: "moderation", ...createBody(), offerDuration: 336, discountCurrency: 643, feeCurrency: 643, pinEnd: null }),
    );
  });

  it("echoes every optional field as sent", async () => {
    const { app } = makeSandbox();
    const full = reusableBody({
      campaignType: "codeOffline",
      pinDisplayType: "ean_13",
      campaignStart: "2026-02-01T00:00:00+03:00",
      campaignEnd: "2026-03-01T00:00:00Z",
      offerDuration: 48,
      backgroundImage: "https://shop.example.com/bg.jpg",
      discountType: "fix",
      discountAmount: "500",
      discountCurrency: 840,
      feeCurrency: 840,
      supportedPlatforms: "ios,android",
      cashbackType: "кешбэк баллами",
      cashbackConfirmTime: 30,
    });
    const id = await create(app, {}, TOKEN, full);
    const res = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    expect(res.body).toEqual(success({ ymCampaignId: id, campaignStatus: "moderation", ...full, pinEnd: null }));
  });

  it("accepts partnerCampaignId, or both keys when they name the same campaign", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    const byId = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    expect((await call(app, TOKEN, "campaigns/get", { partnerCampaignId: 501 })).body).toEqual(byId.body);
    expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: id, partnerCampaignId: 501 })).body).toEqual(byId.body);
  });

  it("refuses keys that name different campaigns, or no key", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    await create(app, { partnerCampaignId: 502 });
    expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: id, partnerCampaignId: 502 })).body).toEqual(
      incorrect("partnerCampaignId", `partnerCampaignId 502 does not belong to ymCampaignId ${id}`),
    );
    expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: id, partnerCampaignId: 999 })).body).toEqual(
      incorrect("partnerCampaignId", `partnerCampaignId 999 does not belong to ymCampaignId ${id}`),
    );
    expect((await call(app, TOKEN, "campaigns/get", {})).body).toEqual(incorrect("ymCampaignId", "ymCampaignId is required (the id campaigns/create returned)"));
    expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: String(id) })).body).toEqual(
      incorrect("ymCampaignId", "ymCampaignId: Invalid input: expected number, received string"),
    );
  });

  it("an unknown key is campaignNotFound", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: id + 1 })).body).toEqual(
      ymError("campaignNotFound", `No campaign ${id + 1} exists for this partner`),
    );
    expect((await call(app, TOKEN, "campaigns/get", { partnerCampaignId: 999 })).body).toEqual(
      ymError("campaignNotFound", "No campaign with partnerCampaignId 999 exists for this partner"),
    );
  });

  it.each<{ method: string; extra: JsonObject }>([
    { method: "campaigns/start", extra: {} },
    { method: "campaigns/stop", extra: {} },
    { method: "campaigns/info", extra: {} },
    { method: "campaigns/add-pins", extra: { pinList: ["A1"] } },
    { method: "campaigns/get-pins-by-status", extra: { pinStatus: "new_unused" } },
  ])("$method takes partnerCampaignId as the key and refuses mismatching keys", async ({ method, extra }) => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    await create(app, { partnerCampaignId: 502 });
    const res = await call(app, TOKEN, method, { partnerCampaignId: 501, ...extra });
    expect(res.body.status, JSON.stringify(res.body)).toBe(method === "campaigns/start" ? "error" : "success");
    expect(res.body.result.ymCampaignId).toBe(id);
    expect((await call(app, TOKEN, method, { ymCampaignId: id, partnerCampaignId: 502, ...extra })).body).toEqual(
      incorrect("partnerCampaignId", `partnerCampaignId 502 does not belong to ymCampaignId ${id}`),
    );
  });
});

describe("campaigns/info", () => {
  it("one-off codes: accepts are every code handed out (redeemed included), unused + accepts = total", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["C1", "C2", "C3", "C4", "C5"]);
    await takeOffer(app, id);
    await takeOffer(app, id);
    await takeOffer(app, id);
    await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: id, pinContent: "C2", transactionId: "t1", campaignFee: 10 });
    await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: id, pinContent: "C3", transactionId: "t2", campaignFee: 10, redeemStatus: "declined" });
    const res = await call(app, TOKEN, "campaigns/info", { ymCampaignId: id });
    expect(res.body).toEqual(
      success({
        ymCampaignId: id,
        campaignStatus: "started",
        campaignAccepts: 3,
        campaignRedeems: 2,
        campaignShows: 3,
        campaignPinsStats: { unused: 2, total: 5 },
        campaignRedeemStats: { usedCount: 1, approvedCount: 0, declinedCount: 1 },
      }),
    );
  });

  it.each([
    { kind: "promo", body: promoBody() },
    { kind: "reusable", body: reusableBody() },
  ])("$kind: accepts are the clickIds issued, no codes", async ({ body }) => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, body);
    const offer = await takeOffer(app, id);
    await takeOffer(app, id);
    await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: id, clickId: offer.clickId, transactionId: "t1", campaignFee: 10, redeemStatus: "approved" });
    expect((await call(app, TOKEN, "campaigns/info", { ymCampaignId: id })).body).toEqual(
      success({
        ymCampaignId: id,
        campaignStatus: "started",
        campaignAccepts: 2,
        campaignRedeems: 1,
        campaignShows: 2,
        campaignPinsStats: { unused: 0, total: 0 },
        campaignRedeemStats: { usedCount: 0, approvedCount: 1, declinedCount: 0 },
      }),
    );
  });

  it("a fresh campaign has all zeros", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    await addPins(app, id, ["A1", "B2"]);
    expect((await call(app, TOKEN, "campaigns/info", { partnerCampaignId: 501 })).body).toEqual(
      success({
        ymCampaignId: id,
        campaignStatus: "moderation",
        campaignAccepts: 0,
        campaignRedeems: 0,
        campaignShows: 0,
        campaignPinsStats: { unused: 2, total: 2 },
        campaignRedeemStats: { usedCount: 0, approvedCount: 0, declinedCount: 0 },
      }),
    );
  });
});

describe("campaigns/get-all-campaigns", () => {
  async function fiveCampaigns(app: App): Promise<number[]> {
    const finished = await finishedCampaign(app);
    const ids = [finished];
    for (const partnerCampaignId of [502, 503, 504, 505]) ids.push(await create(app, { partnerCampaignId }));
    return ids;
  }

  it("pages through the tenant's campaigns by ymCampaignId, finished ones included, without a result wrapper", async () => {
    const { app } = makeSandbox();
    const ids = await fiveCampaigns(app);
    const [a = 0, b = 0, c = 0, d = 0, e = 0] = ids;
    expect((await list(app, { limit: 2, offset: 0 })).body).toEqual({ status: "success", total: 5, campaigns: [state(a, "finished"), state(b, "moderation")] });
    expect((await list(app, { limit: 2, offset: 2 })).body).toEqual({ status: "success", total: 5, campaigns: [state(c, "moderation"), state(d, "moderation")] });
    expect((await list(app, { limit: 100, offset: 4 })).body).toEqual({ status: "success", total: 5, campaigns: [state(e, "moderation")] });
    expect((await list(app, { limit: 1, offset: 5 })).body).toEqual({ status: "success", total: 5, campaigns: [] });
    expect((await list(app, { limit: 3, offset: 0 }, OTHER_TOKEN)).body).toEqual({ status: "success", total: 0, campaigns: [] });
  });

  it("sorts by ymCampaignId whatever order the campaigns were stored in", async () => {
    const { app } = makeSandbox();
    const ids = await fiveCampaigns(app);
    const exported = await control(app, TOKEN, "GET", "/state");
    const snapshot = SandboxState.parse(exported.body);
    const ym = snapshot.providers["yoomoney"];
    if (typeof ym !== "object" || ym === null || Array.isArray(ym) || !Array.isArray(ym["campaigns"])) throw new Error("no yoomoney state");
    ym["campaigns"] = [...ym["campaigns"]].reverse();
    expect((await control(app, TOKEN, "PUT", "/state", snapshot)).status).toBe(200);
    const res = await list(app, { limit: 100, offset: 0 });
    expect(res.body.campaigns.map((c: { ymCampaignId: number }) => c.ymCampaignId)).toEqual(ids);
  });

  it.each<{ body: JsonObject; parameter: string; description: string }>([
    { body: { limit: 0, offset: 0 }, parameter: "limit", description: "limit: Too small: expected number to be >=1" },
    { body: { limit: 101, offset: 0 }, parameter: "limit", description: "limit: Too big: expected number to be <=100" },
    { body: { limit: "10", offset: 0 }, parameter: "limit", description: "limit: Invalid input: expected number, received string" },
    { body: { limit: 10 }, parameter: "offset", description: "offset is required" },
    { body: { offset: 0 }, parameter: "limit", description: "limit is required" },
    { body: { limit: 10, offset: -1 }, parameter: "offset", description: "offset: Too small: expected number to be >=0" },
  ])("refuses $body", async ({ body, parameter, description }) => {
    const { app } = makeSandbox();
    await create(app);
    expect((await list(app, body)).body).toEqual(incorrect(parameter, description));
  });
});
