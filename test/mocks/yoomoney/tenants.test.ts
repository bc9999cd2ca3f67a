import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import {
  advance,
  at,
  call,
  control,
  create,
  HOUR,
  OTHER_TOKEN,
  startedOneOff,
  state,
  statusOf,
  success,
  takeOffer,
  TOKEN,
  ymError,
  type JsonObject,
} from "./helpers.js";

describe("tenants", () => {
  it.each<{ method: string; extra: JsonObject }>([
    { method: "campaigns/get", extra: {} },
    { method: "campaigns/start", extra: {} },
    { method: "campaigns/info", extra: {} },
    { method: "campaigns/add-pins", extra: { pinList: ["X1"] } },
    { method: "campaigns/get-pins-by-status", extra: { pinStatus: "accepted_by_user" } },
  ])("$method on another tenant's campaign is campaignNotFound, and their campaign is untouched", async ({ method, extra }) => {
    const { app } = makeSandbox();
    const theirs = await startedOneOff(app, ["CODE1"], {}, OTHER_TOKEN);
    await call(app, OTHER_TOKEN, "campaigns/stop", { ymCampaignId: theirs });
    const before = await call(app, OTHER_TOKEN, "campaigns/info", { ymCampaignId: theirs });
    const res = await call(app, TOKEN, method, { ymCampaignId: theirs, ...extra });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(ymError("campaignNotFound", `No campaign ${theirs} exists for this partner`));
    expect(await call(app, OTHER_TOKEN, "campaigns/info", { ymCampaignId: theirs }).then((r) => r.body)).toEqual(before.body);
  });

  it("stop on another tenant's campaign is failMerchant without revealing its state", async () => {
    const { app } = makeSandbox();
    const theirs = await startedOneOff(app, ["CODE1"], {}, OTHER_TOKEN);
    const res = await call(app, TOKEN, "campaigns/stop", { ymCampaignId: theirs });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(ymError("failMerchant", `Campaign ${theirs} belongs to another aggregator or store; only its owner can stop it`));
    expect(await statusOf(app, theirs, OTHER_TOKEN)).toBe("started");
  });

  it("stop on an id that exists nowhere is campaignNotFound", async () => {
    const { app } = makeSandbox();
    const mine = await create(app);
    const nowhere = mine + 1000;
    expect((await call(app, TOKEN, "campaigns/stop", { ymCampaignId: nowhere })).body).toEqual(
      ymError("campaignNotFound", `No campaign ${nowhere} exists for this partner`),
    );
  });

  it("the same partnerCampaignId names independent campaigns in two tenants", async () => {
    const { app } = makeSandbox();
    const mine = await create(app);
    const theirs = await create(app, { discountAmount: "50" }, OTHER_TOKEN);
    expect(theirs).not.toBe(mine);
    expect((await call(app, TOKEN, "campaigns/get", { partnerCampaignId: 501 })).body.result.discountAmount).toBe("10");
    expect((await call(app, OTHER_TOKEN, "campaigns/get", { partnerCampaignId: 501 })).body.result.discountAmount).toBe("50");
    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, merchantName: "Только мой" });
    expect((await call(app, OTHER_TOKEN, "campaigns/get", { partnerCampaignId: 501 })).body.result.merchantName).toBe("Солнышко");
  });

  it("update by a partnerCampaignId only another tenant has is campaignNotFound", async () => {
    const { app } = makeSandbox();
    await create(app, {}, OTHER_TOKEN);
    expect((await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, merchantName: "Чужой" })).body).toEqual(
      ymError("campaignNotFound", "No campaign with partnerCampaignId 501 exists for this partner; create it with campaigns/create"),
    );
  });

  it("each tenant has its own clock: advancing one fires none of the other's timers", async () => {
    const { app } = makeSandbox();
    const theirs = await startedOneOff(app, ["CODE1"], { campaignEnd: at(HOUR) }, OTHER_TOKEN);
    expect((await advance(app, "PT2H")).fired).toEqual([]);
    expect(await statusOf(app, theirs, OTHER_TOKEN)).toBe("started");
    const clock = await control(app, OTHER_TOKEN, "GET", "/clock");
    expect(clock.body).toEqual({ now: at(0), frozen: false });
    expect((await takeOffer(app, theirs, OTHER_TOKEN)).campaignStatus).toBe("pin-required");
    expect((await call(app, OTHER_TOKEN, "campaigns/start", { ymCampaignId: theirs })).body).toEqual(
      ymError("failPin", "This type of campaign cannot be launched without promo codes; upload them with campaigns/add-pins and it starts by itself", {
        result: state(theirs, "pin-required"),
      }),
    );
    expect((await call(app, OTHER_TOKEN, "campaigns/get-pins-by-status", { ymCampaignId: theirs, pinStatus: "accepted_by_user" })).body).toEqual(
      success({ ymCampaignId: theirs, pinStatus: "accepted_by_user", pins: ["CODE1"] }),
    );
  });
});
