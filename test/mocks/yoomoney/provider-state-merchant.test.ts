import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { call, control, events, TOKEN, type Target } from "./helpers.js";

const setup = (app: Target, params: object) =>
  control(app, TOKEN, "POST", "/provider-states", { state: "a YooMoney campaign exists", params: { ...params }, action: "setup" });

describe('provider state "a YooMoney campaign exists" with merchantKind', () => {
  it("aggregator: the partner is an aggregator and its campaign is walked to the status asked for", async () => {
    const { app } = makeSandbox();
    for (const status of ["started", "pin-required", "paused", "declined", "moderation", "finished"] as const) {
      const set = await setup(app, { merchantKind: "aggregator", status, unusedPins: status === "pin-required" ? 0 : 2 });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: set.body.ymCampaignId })).body.result.campaignStatus).toBe(status);
      expect((await control(app, TOKEN, "GET", "/yoomoney/merchant")).body).toEqual({ kind: "aggregator" });
    }
    const started = await setup(app, { merchantKind: "aggregator" });
    expect((await events(app, `entity=campaign&id=${started.body.ymCampaignId}`)).map((e) => e.to)).toEqual(["created", "moderation", "verified", "pin-required", "started"]);
  });

  it("without merchantKind the partner is a store, as before", async () => {
    const { app } = makeSandbox();
    const set = await setup(app, { status: "verified" });
    expect(set.status).toBe(200);
    expect((await control(app, TOKEN, "GET", "/yoomoney/merchant")).body).toEqual({ kind: "store" });
    expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: set.body.ymCampaignId })).body.result.campaignStatus).toBe("verified");
  });

  it("an aggregator cannot be left verified; a kind that is neither is a bad param", async () => {
    const { app } = makeSandbox();
    const verified = await setup(app, { merchantKind: "aggregator", status: "verified" });
    expect(verified.status).toBe(409);
    expect(verified.body.error.code).toBe("state_failed");
    expect(verified.body.error.message).toContain('an aggregator\'s approved campaign starts at once (it has no campaignStart): status "verified" needs merchantKind "store"');
    const bad = await setup(app, { merchantKind: "shop" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_params");
    expect(bad.body.error.message).toContain("merchantKind");
  });
});
