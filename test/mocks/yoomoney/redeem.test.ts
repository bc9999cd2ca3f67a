import type { App } from "../../support/app.js";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import {
  advance,
  at,
  call,
  events,
  HOUR,
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
  T0_ISO,
  ymError,
  type JsonObject,
} from "./helpers.js";

const redeem = (app: App, body: JsonObject, token = TOKEN) => call(app, token, "campaigns/redeem", { campaignFee: 10, ...body });
const lead = (ymCampaignId: number, transactionId: string, redeemStatus: string) => success({ ymCampaignId, transactionId, redeemStatus });
const info = async (app: App, id: number) => (await call(app, TOKEN, "campaigns/info", { ymCampaignId: id })).body;

/** A started one-off campaign with codes AbC1, Def2, Ghi3, the first one handed to a user. */
async function oneOffWithOffer(app: App) {
  const id = await startedOneOff(app, ["AbC1", "Def2", "Ghi3"]);
  const offer = await takeOffer(app, id);
  expect(offer.pinContent).toBe("AbC1");
  return { id, offer };
}

describe("campaigns/redeem: one-off codes", () => {
  it("a lead for a handed-out code: the code becomes redeem_received, the counters follow", async () => {
    const { app } = makeSandbox();
    const { id } = await oneOffWithOffer(app);
    const res = await redeem(app, {
      ymCampaignId: id,
      pinContent: "AbC1",
      transactionId: "order-1",
      redeemTime: "2026-01-15T12:00:00+03:00",
      sceneRedeem: "1",
      orderAmount: "1999.90",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(lead(id, "order-1", "used"));
    const pins = await call(app, TOKEN, "campaigns/get-pins-by-status", { ymCampaignId: id, pinStatus: "redeem_received" });
    expect(pins.body).toEqual(success({ ymCampaignId: id, pinStatus: "redeem_received", pins: ["AbC1"] }));
    expect(await info(app, id)).toEqual(
      success({
        ymCampaignId: id,
        campaignStatus: "started",
        campaignAccepts: 1,
        campaignRedeems: 1,
        campaignShows: 1,
        campaignPinsStats: { unused: 2, total: 3 },
        campaignRedeemStats: { usedCount: 1, approvedCount: 0, declinedCount: 0 },
      }),
    );
    const logged = await events(app, "entity=lead");
    expect(logged.map((e) => [e.id, e.from, e.to, e.cause, e.at])).toEqual([[`${id}/order-1`, null, "used", "request", T0_ISO]]);
    const pinEvents = await events(app, "entity=pin");
    expect(pinEvents.at(-1)).toMatchObject({ id: "AbC1", from: "accepted_by_user", to: "redeem_received", detail: { ymCampaignId: id, transactionId: "order-1" } });
  });

  it("pinContent is compared case-insensitively", async () => {
    const { app } = makeSandbox();
    const { id } = await oneOffWithOffer(app);
    expect((await redeem(app, { ymCampaignId: id, pinContent: "aBC1", transactionId: "t1" })).body).toEqual(lead(id, "t1", "used"));
  });

  it("reads seed 002's pinСontent spelling (Cyrillic С, U+0421)", async () => {
    const { app } = makeSandbox();
    const { id } = await oneOffWithOffer(app);
    const res = await redeem(app, { ymCampaignId: id, "pin\u0421ontent": "abc1", transactionId: "t1" });
    expect(res.body).toEqual(lead(id, "t1", "used"));
    expect((await info(app, id)).result.campaignRedeems).toBe(1);
  });

  it("a code never handed to a user is incorrectData", async () => {
    const { app } = makeSandbox();
    const { id } = await oneOffWithOffer(app);
    expect((await redeem(app, { ymCampaignId: id, pinContent: "Def2", transactionId: "t1" })).body).toEqual(
      incorrect("pinContent", "promo code Def2 was never handed to a user", state(id, "started")),
    );
    expect((await info(app, id)).result.campaignRedeems).toBe(0);
  });

  it("a code the campaign does not have is incorrectData", async () => {
    const { app } = makeSandbox();
    const { id } = await oneOffWithOffer(app);
    expect((await redeem(app, { ymCampaignId: id, pinContent: "Nope9", transactionId: "t1" })).body).toEqual(
      incorrect("pinContent", `Nope9 is not a promo code of campaign ${id}`, state(id, "started")),
    );
  });

  it("a code already redeemed by another transaction is incorrectData", async () => {
    const { app } = makeSandbox();
    const { id } = await oneOffWithOffer(app);
    await redeem(app, { ymCampaignId: id, pinContent: "AbC1", transactionId: "t1" });
    expect((await redeem(app, { ymCampaignId: id, pinContent: "abc1", transactionId: "t2" })).body).toEqual(
      incorrect("pinContent", "promo code AbC1 was already redeemed by another transaction", state(id, "started")),
    );
    expect((await info(app, id)).result.campaignRedeems).toBe(1);
  });

  it("pinContent is required", async () => {
    const { app } = makeSandbox();
    const { id, offer } = await oneOffWithOffer(app);
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: "t1" })).body).toEqual(
      incorrect("pinContent", "pinContent is required for a campaign with one-off promo codes", state(id, "started")),
    );
  });

  it("a clickId sent with the code must be the offer that handed it out", async () => {
    const { app } = makeSandbox();
    const { id, offer } = await oneOffWithOffer(app);
    const other = await takeOffer(app, id);
    expect((await redeem(app, { ymCampaignId: id, pinContent: "AbC1", clickId: other.clickId, transactionId: "t1" })).body).toEqual(
      incorrect("clickId", `clickId ${other.clickId} did not hand out promo code AbC1`, state(id, "started")),
    );
    expect((await redeem(app, { ymCampaignId: id, pinContent: "AbC1", clickId: offer.clickId, transactionId: "t1" })).body).toEqual(
      lead(id, "t1", "used"),
    );
  });

  it("a resend of the transaction with another code is incorrectData", async () => {
    const { app } = makeSandbox();
    const { id } = await oneOffWithOffer(app);
    await takeOffer(app, id);
    await redeem(app, { ymCampaignId: id, pinContent: "AbC1", transactionId: "t1" });
    expect((await redeem(app, { ymCampaignId: id, pinContent: "Def2", transactionId: "t1", redeemStatus: "approved" })).body).toEqual(
      incorrect("pinContent", "transactionId t1 was reported with another promo code", state(id, "started")),
    );
  });

  it("the first report must come within offerDuration; a status change of an existing lead works after it", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["AbC1", "Def2"]);
    await takeOffer(app, id);
    await takeOffer(app, id);
    await advance(app, 336 * HOUR - 1);
    expect((await redeem(app, { ymCampaignId: id, pinContent: "AbC1", transactionId: "early" })).body).toEqual(lead(id, "early", "used"));
    await advance(app, 2);
    expect((await redeem(app, { ymCampaignId: id, pinContent: "Def2", transactionId: "late" })).body).toEqual(
      incorrect("pinContent", `the offer expired at ${at(336 * HOUR)} (offerDuration hours after it was taken)`, state(id, "pin-required")),
    );
    await advance(app, "P30D");
    expect((await redeem(app, { ymCampaignId: id, pinContent: "AbC1", transactionId: "early", redeemStatus: "declined" })).body).toEqual(
      lead(id, "early", "declined"),
    );
  });
});

describe("campaigns/redeem: clickIds (promo and reusable)", () => {
  it.each([
    { kind: "promo", body: promoBody() },
    { kind: "reusable-code", body: reusableBody() },
  ])("a $kind campaign needs an issued clickId; several transactions may cite one", async ({ kind, body }) => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, body);
    const offer = await takeOffer(app, id);
    expect((await redeem(app, { ymCampaignId: id, transactionId: "t1" })).body).toEqual(incorrect("clickId", `clickId is required for a ${kind} campaign`, state(id, "started")));
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: "t1" })).body).toEqual(lead(id, "t1", "used"));
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: "t2" })).body).toEqual(lead(id, "t2", "used"));
    expect((await info(app, id)).result).toMatchObject({ campaignAccepts: 1, campaignRedeems: 2, campaignRedeemStats: { usedCount: 2, approvedCount: 0, declinedCount: 0 } });
  });

  it("a clickId that was not issued for this campaign is incorrectData", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const otherCampaign = await startedCampaign(app, promoBody({ partnerCampaignId: 502 }));
    const foreign = await takeOffer(app, otherCampaign);
    for (const clickId of ["615737-1227535-12368", foreign.clickId]) {
      expect((await redeem(app, { ymCampaignId: id, clickId, transactionId: "t1" })).body).toEqual(
        incorrect("clickId", `clickId ${clickId} was not issued for campaign ${id}`, state(id, "started")),
      );
    }
  });

  it("a resend of the transaction with another clickId is incorrectData", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const a = await takeOffer(app, id);
    const b = await takeOffer(app, id);
    await redeem(app, { ymCampaignId: id, clickId: a.clickId, transactionId: "t1" });
    expect((await redeem(app, { ymCampaignId: id, clickId: b.clickId, transactionId: "t1", redeemStatus: "approved" })).body).toEqual(
      incorrect("clickId", "transactionId t1 was reported with another clickId", state(id, "started")),
    );
  });

  it("an expired offer is incorrectData (parameter clickId)", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody({ offerDuration: 2 }));
    const offer = await takeOffer(app, id);
    await advance(app, 2 * HOUR + 1);
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: "t1" })).body).toEqual(
      incorrect("clickId", `the offer expired at ${at(2 * HOUR)} (offerDuration hours after it was taken)`, state(id, "started")),
    );
  });
});

describe("campaigns/redeem: lead statuses", () => {
  it("used -> approved -> declined; the same status again is idempotent; info counts current statuses", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const offer = await takeOffer(app, id);
    const send = (transactionId: string, redeemStatus?: string) =>
      redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId, ...(redeemStatus === undefined ? {} : { redeemStatus }) });

    expect((await send("t1")).body).toEqual(lead(id, "t1", "used"));
    expect((await send("t1", "used")).body).toEqual(lead(id, "t1", "used"));
    expect((await send("t1", "approved")).body).toEqual(lead(id, "t1", "approved"));
    expect((await send("t1", "approved")).body).toEqual(lead(id, "t1", "approved"));
    expect((await send("t2", "approved")).body).toEqual(lead(id, "t2", "approved"));
    expect((await send("t3", "declined")).body).toEqual(lead(id, "t3", "declined"));
    expect((await info(app, id)).result.campaignRedeemStats).toEqual({ usedCount: 0, approvedCount: 2, declinedCount: 1 });
    expect((await send("t1", "declined")).body).toEqual(lead(id, "t1", "declined"));
    expect((await info(app, id)).result).toMatchObject({ campaignRedeems: 3, campaignRedeemStats: { usedCount: 0, approvedCount: 1, declinedCount: 2 } });

    const logged = await events(app, "entity=lead");
    expect(logged.map((e) => [e.id, e.from, e.to])).toEqual([
      [`${id}/t1`, null, "used"],
      [`${id}/t1`, "used", "approved"],
      [`${id}/t2`, null, "approved"],
      [`${id}/t3`, null, "declined"],
      [`${id}/t1`, "approved", "declined"],
    ]);
  });

  it.each([
    { from: "declined", to: "approved" },
    { from: "declined", to: "used" },
    { from: "approved", to: "used" },
  ])("$from -> $to is incorrectData and the lead keeps its status", async ({ from, to }) => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const offer = await takeOffer(app, id);
    await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: "t1", redeemStatus: from });
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: "t1", redeemStatus: to })).body).toEqual(
      incorrect("redeemStatus", `lead t1 is ${from} and cannot become ${to}; allowed: used -> approved or declined, approved -> declined`, state(id, "started")),
    );
    expect((await info(app, id)).result.campaignRedeemStats).toEqual({
      usedCount: 0,
      approvedCount: from === "approved" ? 1 : 0,
      declinedCount: from === "declined" ? 1 : 0,
    });
  });

  it("a numeric transactionId is stored as a string and is the same lead as its string form", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const offer = await takeOffer(app, id);
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: 12345 })).body).toEqual(lead(id, "12345", "used"));
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: "12345", redeemStatus: "approved" })).body).toEqual(
      lead(id, "12345", "approved"),
    );
    expect((await info(app, id)).result.campaignRedeems).toBe(1);
  });

  it.each<{ name: string; body: JsonObject; parameter: string; description: string }>([
    { name: "a transactionId of 37 characters", body: { transactionId: "x".repeat(37) }, parameter: "transactionId", description: "transactionId: Too big: expected string to have <=36 characters" },
    { name: "no transactionId", body: {}, parameter: "transactionId", description: "transactionId is required" },
    { name: "an unknown redeemStatus", body: { transactionId: "t1", redeemStatus: "paid" }, parameter: "redeemStatus", description: 'redeemStatus: Invalid option: expected one of "used"|"approved"|"declined"' },
    { name: "a campaignFee with three decimals", body: { transactionId: "t1", campaignFee: "1.005" }, parameter: "campaignFee", description: 'campaignFee: must be a non-negative amount with at most two digits after the dot, e.g. "100" or "99.90"' },
  ])("refuses $name", async ({ body, parameter, description }) => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const offer = await takeOffer(app, id);
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, ...body })).body).toEqual(incorrect(parameter, description));
  });

  it("campaignFee and ymCampaignId are required", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const offer = await takeOffer(app, id);
    const noFee = await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: id, clickId: offer.clickId, transactionId: "t1" });
    expect(noFee.body).toEqual(incorrect("campaignFee", "campaignFee is required"));
    const noId = await redeem(app, { partnerCampaignId: 501, clickId: offer.clickId, transactionId: "t1" });
    expect(noId.body).toEqual(incorrect("ymCampaignId", "ymCampaignId is required"));
  });
});

describe("campaigns/redeem: campaigns", () => {
  it("works on a finished campaign within the offer window", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["AbC1", "Def2"], { campaignEnd: at(HOUR) });
    await takeOffer(app, id);
    await advance(app, "PT2H");
    expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: id })).body.result.campaignStatus).toBe("finished");
    expect((await redeem(app, { ymCampaignId: id, pinContent: "AbC1", transactionId: "t1" })).body).toEqual(lead(id, "t1", "used"));
  });

  it("works on a paused campaign", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const offer = await takeOffer(app, id);
    await call(app, TOKEN, "campaigns/stop", { ymCampaignId: id });
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: "t1" })).body).toEqual(lead(id, "t1", "used"));
  });

  it("another tenant's campaign is campaignNotFound", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody(), OTHER_TOKEN);
    const offer = await takeOffer(app, id, OTHER_TOKEN);
    expect((await redeem(app, { ymCampaignId: id, clickId: offer.clickId, transactionId: "t1" })).body).toEqual(
      ymError("campaignNotFound", `No campaign ${id} exists for this partner`),
    );
    expect((await call(app, OTHER_TOKEN, "campaigns/info", { ymCampaignId: id })).body.result.campaignRedeems).toBe(0);
  });

  // docs/fidelity.md, Transport and envelope: "`result` echoes the campaign's current status whenever a campaign is involved."
  it("a refused report about an existing campaign echoes the campaign's state in result", async () => {
    const { app } = makeSandbox();
    const { id } = await oneOffWithOffer(app);
    expect((await redeem(app, { ymCampaignId: id, pinContent: "Nope9", transactionId: "t1" })).body).toEqual(
      incorrect("pinContent", `Nope9 is not a promo code of campaign ${id}`, state(id, "started")),
    );
  });
});
