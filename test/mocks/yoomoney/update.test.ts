import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import {
  addPins,
  approve,
  call,
  campaignIn,
  control,
  createBody,
  finishedCampaign,
  incorrect,
  promoBody,
  startedCampaign,
  startedOneOff,
  state,
  statusOf,
  success,
  TOKEN,
  transitions,
  T0_ISO,
  ymError,
  type JsonObject,
} from "./helpers.js";

const get = async (app: Parameters<typeof call>[0], id: number) => (await call(app, TOKEN, "campaigns/get", { ymCampaignId: id })).body;

describe("campaigns/update", () => {
  it("is keyed by partnerCampaignId, replaces the fields sent and keeps the others", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["CODE1"]);
    const before = await get(app, id);
    const res = await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, description: "Новое описание", offerDuration: 48 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(success(state(id, "moderation")));
    expect(await get(app, id)).toEqual({
      status: "success",
      result: { ...before.result, campaignStatus: "moderation", description: "Новое описание", offerDuration: 48 },
    });
  });

  it("from started: the campaign stops and goes back to moderation (users can no longer take offers)", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["CODE1", "CODE2"]);
    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, merchantName: "Луна" });
    expect(await statusOf(app, id)).toBe("moderation");
    const offer = await control(app, TOKEN, "POST", `/yoomoney/campaigns/${id}/offers`);
    expect(offer.status).toBe(409);
    const steps = await transitions(app, id);
    expect(steps.at(-1)).toEqual(["started", "moderation", "request", T0_ISO]);
    // Approved again, it waits in verified for campaigns/start; its codes are still there.
    expect(await approve(app, id)).toBe("verified");
    expect((await call(app, TOKEN, "campaigns/start", { ymCampaignId: id })).body).toEqual(success(state(id, "started")));
  });

  it.each(["moderation", "verified", "declined", "paused", "pin-required"] as const)("from %s it goes to moderation", async (from) => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, from);
    const before = await get(app, id);
    const res = await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, conditions: "Новые условия" });
    expect(res.body).toEqual(success(state(id, "moderation")));
    expect(await get(app, id)).toEqual(success({ ...before.result, campaignStatus: "moderation", conditions: "Новые условия" }));
    if (from !== "moderation") expect((await transitions(app, id)).at(-1)).toEqual([from, "moderation", "request", T0_ISO]);
  });

  it("switches between the fee forms: sending one form drops the other", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["CODE1"]);
    const { campaignFee, ...rest } = (await get(app, id)).result;
    expect(campaignFee).toBe("150");
    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, campaignFeeMin: 5, campaignFeeMax: "7.50" });
    expect(await get(app, id)).toEqual(success({ ...rest, campaignStatus: "moderation", campaignFeeMin: "5", campaignFeeMax: "7.50" }));

    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, campaignFee: "3" });
    expect(await get(app, id)).toEqual(success({ ...rest, campaignStatus: "moderation", campaignFee: "3" }));
  });

  it("an unknown partnerCampaignId is campaignNotFound", async () => {
    const { app } = makeSandbox();
    await campaignIn(app, "verified");
    const res = await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 999, description: "Другое" });
    expect(res.body).toEqual(
      ymError("campaignNotFound", "No campaign with partnerCampaignId 999 exists for this partner; create it with campaigns/create"),
    );
  });

  it("partnerCampaignId is required (ymCampaignId is not a key for update)", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const res = await call(app, TOKEN, "campaigns/update", { ymCampaignId: id, description: "Другое" });
    expect(res.body).toEqual(incorrect("partnerCampaignId", "partnerCampaignId is required"));
    expect(await statusOf(app, id)).toBe("verified");
  });

  it("a finished campaign is failFinished (Completed) and unchanged", async () => {
    const { app } = makeSandbox();
    const id = await finishedCampaign(app);
    const before = await get(app, id);
    const res = await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, description: "Другое" });
    expect(res.body).toEqual(ymError("failFinished", "This campaign is over and can no longer be changed", { result: state(id, "finished") }));
    expect(await get(app, id)).toEqual(before);
  });

  it.each<{ name: string; patch: JsonObject }>([
    { name: "reusable pins", patch: { pinType: "reusable", couponCode: "SUN10" } },
    { name: "a promo campaign", patch: { campaignType: "promo" } },
  ])("a one-off campaign that has codes cannot become $name: incorrectData, nothing changed", async ({ patch }) => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["CODE1"]);
    const before = await get(app, id);
    const res = await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, ...patch });
    expect(res.body).toEqual(
      incorrect("pinType", "campaignType and pinType cannot stop being one-off codes once codes were uploaded", state(id, "started")),
    );
    expect(await get(app, id)).toEqual(before);
  });

  it("a one-off campaign without codes may become reusable", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const res = await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, pinType: "reusable", couponCode: "SUN10" });
    expect(res.body).toEqual(success(state(id, "moderation")));
    expect((await get(app, id)).result).toMatchObject({ pinType: "reusable", couponCode: "SUN10" });
  });

  it.each<{ name: string; patch: JsonObject; parameter: string; description: string }>([
    { name: "an acceptUrl with an unknown variable", patch: { acceptUrl: "https://shop.example.com/?u={{user}}" }, parameter: "acceptUrl", description: "acceptUrl uses the unknown template variable {{user}}; allowed: {{campaignId}}, {{ymCampaignId}}, {{couponCode}}, {{currentDate}}" },
    { name: "840 with the stored percent discount", patch: { discountCurrency: 840 }, parameter: "discountCurrency", description: "discountCurrency 840 (US dollar) is allowed only with discountType fix" },
    { name: "a fee range with min above max", patch: { campaignFeeMin: "9", campaignFeeMax: "8" }, parameter: "campaignFeeMin", description: "campaignFeeMin must not exceed campaignFeeMax" },
    { name: "a campaignEnd before the stored campaignStart", patch: { campaignEnd: "2026-01-31T00:00:00Z" }, parameter: "campaignEnd", description: "campaignEnd must be later than campaignStart" },
    { name: "an unknown category", patch: { categoryId: 99 }, parameter: "categoryId", description: "categoryId 99 is not in the reference guide; call categories/get for the valid ids" },
  ])("a merged record that breaks create's rules ($name) is incorrectData with the campaign, nothing changed", async ({ patch, parameter, description }) => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["CODE1"], { campaignStart: "2026-02-01T00:00:00Z" });
    // campaignStart is in the future: approve left it verified with a start timer; campaigns/start ran it now.
    const before = await get(app, id);
    const res = await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, ...patch });
    expect(res.body).toEqual(incorrect(parameter, description, state(id, "started")));
    expect(await get(app, id)).toEqual(before);
    const steps = await transitions(app, id);
    expect(steps.at(-1)?.[1]).toBe("started");
  });

  it("a field that fails its own format is incorrectData and changes nothing", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const before = await get(app, id);
    const res = await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, description: "Ж".repeat(91) });
    expect(res.body).toEqual(incorrect("description", "description: Too big: expected string to have <=90 characters"));
    expect(await get(app, id)).toEqual(before);
  });

  it("update fixes a declined campaign: back to moderation, then approvable", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "declined");
    expect((await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, backgroundColor: "#203040" })).body).toEqual(
      success(state(id, "moderation")),
    );
    expect(await approve(app, id)).toBe("verified");
    expect((await get(app, id)).result.backgroundColor).toBe("#203040");
  });

  it("update leaves the codes alone", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["CODE1", "CODE2"]);
    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, ...createBody({ partnerCampaignId: 501, merchantName: "Луна" }) });
    const pins = await addPins(app, id, ["CODE3"]);
    expect(pins.body).toEqual(
      success({ ymCampaignId: id, campaignStatus: "moderation", counters: { unusedPinCount: 3, acceptedPinCount: 0, redeemedPinCount: 0, totalPinCount: 3 } }),
    );
  });
});
