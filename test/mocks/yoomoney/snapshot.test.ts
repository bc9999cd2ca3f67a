import type { App } from "../../support/app.js";
import { describe, expect, it } from "vitest";
import { SandboxState } from "../../../src/contracts/sandbox/state.js";
import { ListCampaignsResponse } from "../../../src/contracts/yoomoney/index.js";
import { makeSandbox } from "../../support/sandbox.js";
import {
  addPins,
  advance,
  approve,
  at,
  call,
  control,
  controlError,
  create,
  HOUR,
  MINUTE,
  promoBody,
  startedOneOff,
  state,
  success,
  takeOffer,
  TOKEN,
  type JsonObject,
  type JsonValue,
} from "./helpers.js";

const PIN_STATUSES = ["new_unused", "accepted_by_user", "redeem_received"] as const;

async function exportState(app: App): Promise<JsonObject> {
  const res = await control(app, TOKEN, "GET", "/state");
  expect(res.status).toBe(200);
  SandboxState.parse(res.body);
  return res.body;
}

/** Everything a user can read about the tenant's YooMoney campaigns. */
async function observe(app: App): Promise<JsonValue[]> {
  const list = await call(app, TOKEN, "campaigns/get-all-campaigns", { limit: 100, offset: 0 });
  const seen: JsonValue[] = [list.body];
  for (const { ymCampaignId } of ListCampaignsResponse.parse(list.body).campaigns) {
    seen.push((await call(app, TOKEN, "campaigns/get", { ymCampaignId })).body);
    seen.push((await call(app, TOKEN, "campaigns/info", { ymCampaignId })).body);
    for (const pinStatus of PIN_STATUSES) seen.push((await call(app, TOKEN, "campaigns/get-pins-by-status", { ymCampaignId, pinStatus })).body);
  }
  seen.push((await control(app, TOKEN, "GET", "/clock")).body, (await control(app, TOKEN, "GET", "/settings")).body);
  return seen;
}

/**
 * A tenant with a started one-off campaign (codes in every status, a lead, campaignEnd pending), a promo
 * campaign waiting for its campaignStart, and a campaign waiting for auto moderation.
 */
async function populate(app: App): Promise<{ oneOff: number; promo: number; auto: number; secondClick: string }> {
  const oneOff = await startedOneOff(app, ["AbC1", "Def2", "Ghi3", "Jkl4"], { campaignEnd: at(10 * HOUR) });
  await takeOffer(app, oneOff);
  const second = await takeOffer(app, oneOff);
  await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: oneOff, pinContent: "AbC1", transactionId: "t1", campaignFee: 10 });
  const promo = await create(app, {}, TOKEN, promoBody({ partnerCampaignId: 502, campaignStart: at(2 * HOUR) }));
  await approve(app, promo);
  await control(app, TOKEN, "PATCH", "/settings", { moderation: "auto" });
  await advance(app, "PT30M");
  const auto = await create(app, { partnerCampaignId: 503 });
  return { oneOff, promo, auto, secondClick: second.clickId };
}

/** What happens next: timers fire, new ids and clickIds are drawn, leads move. */
async function continueWith(app: App, ids: { oneOff: number; promo: number; auto: number; secondClick: string }): Promise<JsonValue[]> {
  const out: JsonValue[] = [];
  out.push(await advance(app, "PT10M"));
  const next = await create(app, {}, TOKEN, promoBody({ partnerCampaignId: 504 }));
  out.push(next);
  out.push((await takeOffer(app, ids.oneOff)).clickId);
  out.push((await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: ids.oneOff, pinContent: "AbC1", transactionId: "t1", campaignFee: 10, redeemStatus: "approved" })).body);
  out.push((await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: ids.oneOff, pinContent: "abc1", transactionId: "t2", campaignFee: 10 })).body);
  out.push((await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: ids.oneOff, pinContent: "Def2", clickId: ids.secondClick, transactionId: "t3", campaignFee: 10 })).body);
  out.push(await advance(app, "PT2H"));
  out.push((await takeOffer(app, ids.promo)).clickId);
  out.push(await advance(app, "PT10H"));
  out.push(await observe(app));
  return out;
}

describe("GET / PUT /__sandbox/state", () => {
  it("export, reset, import restores campaigns, codes, offers, leads, timers and the random sequence", async () => {
    const exported = makeSandbox();
    const ids = await populate(exported.app);
    const before = await observe(exported.app);
    const snapshot = await exportState(exported.app);

    const reset = await control(exported.app, TOKEN, "POST", "/reset");
    expect(reset.body).toEqual({ tenant: TOKEN, reset: true });
    expect((await call(exported.app, TOKEN, "campaigns/get-all-campaigns", { limit: 100, offset: 0 })).body).toEqual({ status: "success", total: 0, campaigns: [] });

    const imported = await control(exported.app, TOKEN, "PUT", "/state", snapshot);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ tenant: TOKEN, imported: true });
    expect(await observe(exported.app)).toEqual(before);
    expect(await exportState(exported.app)).toEqual(snapshot);

    // A sandbox that never exported, fed the same calls, must continue identically.
    const untouched = makeSandbox();
    expect(await populate(untouched.app)).toEqual(ids);
    const expected = await continueWith(untouched.app, ids);
    const actual = await continueWith(exported.app, ids);
    expect(actual).toEqual(expected);

    // Spot checks of what the continuation saw: the timers fired at their own instants after the import.
    const [afterTenMinutes, next, , approved, reused, byClick, afterTwoHours, , afterTenHours] = actual;
    expect(afterTenMinutes).toEqual({
      now: at(40 * MINUTE),
      fired: [{ at: at(35 * MINUTE), kind: "yoomoney.autoApprove", ymCampaignId: ids.auto, campaignStatus: "verified" }], firedTotal: 1,
    });
    expect(approved).toEqual(success({ ymCampaignId: ids.oneOff, transactionId: "t1", redeemStatus: "approved" }));
    expect(reused).toMatchObject({ status: "error", errors: { code: "incorrectData", parameter: "pinContent" } });
    expect(byClick).toEqual(success({ ymCampaignId: ids.oneOff, transactionId: "t3", redeemStatus: "used" }));
    expect(afterTwoHours).toEqual({
      now: at(2 * HOUR + 40 * MINUTE),
      fired: [
        { at: at(45 * MINUTE), kind: "yoomoney.autoApprove", ymCampaignId: next, campaignStatus: "verified" },
        { at: at(2 * HOUR), kind: "yoomoney.campaignStart", ymCampaignId: ids.promo, campaignStatus: "started" },
      ],
      firedTotal: 2,
    });
    expect(afterTenHours).toEqual({
      now: at(12 * HOUR + 40 * MINUTE),
      fired: [{ at: at(10 * HOUR), kind: "yoomoney.campaignEnd", ymCampaignId: ids.oneOff, campaignStatus: "finished" }], firedTotal: 1,
    });
  });

  it("timer handles survive the import: stop still cancels a pending campaignStart", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: at(HOUR) }));
    await approve(app, id);
    const snapshot = await exportState(app);
    await control(app, TOKEN, "POST", "/reset");
    await control(app, TOKEN, "PUT", "/state", snapshot);
    expect((await call(app, TOKEN, "campaigns/stop", { ymCampaignId: id })).body).toEqual({ errors: {}, result: state(id, "paused"), status: "success" });
    expect((await advance(app, "PT2H")).fired).toEqual([]);
  });

  describe("a corrupted YooMoney snapshot is refused and the tenant is unchanged", () => {
    type Corruption = (campaign: JsonObject, yoomoney: JsonObject) => void;
    const pinsOf = (campaign: JsonObject): JsonObject => {
      const pins = campaign["pins"];
      if (typeof pins !== "object" || pins === null || Array.isArray(pins)) throw new Error("no pins");
      return pins;
    };

    async function refuse(corrupt: Corruption): Promise<{ status: number; body: JsonValue; id: number }> {
      const { app } = makeSandbox();
      const id = await startedOneOff(app, ["AbC1", "Def2"]);
      await takeOffer(app, id);
      const before = await observe(app);
      const snapshot = await exportState(app);
      const broken: JsonObject = JSON.parse(JSON.stringify(snapshot));
      const providers = broken["providers"];
      if (typeof providers !== "object" || providers === null || Array.isArray(providers)) throw new Error("no providers");
      const yoomoney = providers["yoomoney"];
      if (typeof yoomoney !== "object" || yoomoney === null || Array.isArray(yoomoney)) throw new Error("no yoomoney");
      const campaigns = yoomoney["campaigns"];
      const campaign = Array.isArray(campaigns) ? campaigns[0] : undefined;
      if (typeof campaign !== "object" || campaign === null || Array.isArray(campaign)) throw new Error("no campaign");
      corrupt(campaign, yoomoney);
      const res = await control(app, TOKEN, "PUT", "/state", broken);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(await observe(app)).toEqual(before);
      expect(await exportState(app)).toEqual(snapshot);
      return { status: res.status, body: res.body, id };
    }

    const PREFIX = "the snapshot was not imported and the tenant is unchanged: providers.yoomoney: ";

    it("codes that are duplicates case-insensitively", async () => {
      const { status, body, id } = await refuse((campaign) => {
        pinsOf(campaign)["codes"] = ["AbC1", "abc1"];
      });
      expect(status).toBe(400);
      expect(body).toEqual(controlError("invalid_state", `${PREFIX}campaign ${id}: pin codes must be unique (case-insensitively) with one status digit each`));
    });

    it("an unknown campaign status", async () => {
      const { status, body } = await refuse((campaign) => {
        campaign["status"] = "running";
      });
      expect(status).toBe(400);
      expect(body).toEqual(
        controlError(
          "invalid_state",
          `${PREFIX}campaigns[0].status: Invalid option: expected one of "created"|"moderation"|"verified"|"declined"|"pin-required"|"started"|"paused"|"finished"`,
        ),
      );
    });

    it("a code status digit outside 0-2", async () => {
      const { status, body } = await refuse((campaign) => {
        pinsOf(campaign)["statuses"] = "13";
      });
      expect(status).toBe(400);
      expect(body).toEqual(controlError("invalid_state", `${PREFIX}campaigns[0].pins.statuses: Invalid string: must match pattern /^[012]*$/`));
    });

    it("fewer status digits than codes", async () => {
      const { status, body, id } = await refuse((campaign) => {
        pinsOf(campaign)["statuses"] = "1";
      });
      expect(status).toBe(400);
      expect(body).toEqual(controlError("invalid_state", `${PREFIX}campaign ${id}: pin codes must be unique (case-insensitively) with one status digit each`));
    });

    it("a code that is not 1-64 letters and digits", async () => {
      const { status, body } = await refuse((campaign) => {
        pinsOf(campaign)["codes"] = ["AbC1", "de-2"];
      });
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: { code: "invalid_state", message: expect.stringContaining(`${PREFIX}campaigns[0].pins.codes[1]`) } });
    });

    it("a merchantKind that is neither store nor aggregator", async () => {
      const { status, body } = await refuse((_campaign, yoomoney) => {
        yoomoney["merchantKind"] = "shop";
      });
      expect(status).toBe(400);
      expect(body).toEqual(controlError("invalid_state", `${PREFIX}merchantKind: Invalid option: expected one of "store"|"aggregator"`));
    });

    it("an acceptUrl marked unreachable on a campaign without one", async () => {
      const { status, body, id } = await refuse((campaign) => {
        const fields = campaign["fields"];
        if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new Error("no fields");
        fields["campaignType"] = "codeOffline";
        delete fields["acceptUrl"];
        campaign["acceptUrlReachable"] = false;
      });
      expect(status).toBe(400);
      expect(body).toEqual(controlError("invalid_state", `${PREFIX}campaign ${id}: acceptUrlReachable is false but the campaign has no acceptUrl; set it to true`));
    });

    // Like the scheduler's nextId (which must exceed every timer id), the next ymCampaignId must not
    // name a stored campaign: otherwise the next campaigns/create silently replaces that campaign.
    it("a nextId that is not above every stored ymCampaignId", async () => {
      const { status, body } = await refuse((campaign, yoomoney) => {
        yoomoney["nextId"] = campaign["ymCampaignId"] ?? 0;
      });
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: { code: "invalid_state", message: expect.stringContaining(PREFIX) } });
    });
  });

  it("the partner's kind and an unreachable acceptUrl travel in the snapshot; a snapshot without them means a store and reachable links", async () => {
    const { app } = makeSandbox();
    await control(app, TOKEN, "PUT", "/yoomoney/merchant", { kind: "aggregator" });
    const id = await create(app, {}, TOKEN, promoBody());
    expect(await approve(app, id)).toBe("started");
    await control(app, TOKEN, "PUT", `/yoomoney/campaigns/${id}/accept-url`, { reachable: false });
    const snapshot = await exportState(app);
    expect(snapshot["providers"]).toMatchObject({ yoomoney: { merchantKind: "aggregator", campaigns: [{ ymCampaignId: id, status: "paused", acceptUrlReachable: false }] } });

    await control(app, TOKEN, "POST", "/reset");
    expect((await control(app, TOKEN, "GET", "/yoomoney/merchant")).body).toEqual({ kind: "store" });
    expect((await control(app, TOKEN, "PUT", "/state", snapshot)).status).toBe(200);
    expect((await control(app, TOKEN, "GET", "/yoomoney/merchant")).body).toEqual({ kind: "aggregator" });
    await call(app, TOKEN, "campaigns/start", { ymCampaignId: id });
    expect((await control(app, TOKEN, "POST", `/yoomoney/campaigns/${id}/offers`)).body.error.code).toBe("accept_url_unreachable");

    const old: JsonObject = JSON.parse(JSON.stringify(snapshot));
    const part = old["providers"];
    if (typeof part !== "object" || part === null || Array.isArray(part)) throw new Error("no providers");
    const yoomoney = part["yoomoney"];
    if (typeof yoomoney !== "object" || yoomoney === null || Array.isArray(yoomoney)) throw new Error("no yoomoney");
    delete yoomoney["merchantKind"];
    const campaigns = yoomoney["campaigns"];
    const campaign = Array.isArray(campaigns) ? campaigns[0] : undefined;
    if (typeof campaign !== "object" || campaign === null || Array.isArray(campaign)) throw new Error("no campaign");
    delete campaign["acceptUrlReachable"];
    expect((await control(app, TOKEN, "PUT", "/state", old)).status).toBe(200);
    expect((await control(app, TOKEN, "GET", "/yoomoney/merchant")).body).toEqual({ kind: "store" });
    await call(app, TOKEN, "campaigns/start", { ymCampaignId: id });
    expect((await control(app, TOKEN, "POST", `/yoomoney/campaigns/${id}/offers`)).status).toBe(201);
  });

  it("a snapshot without YooMoney state imports an empty YooMoney tenant", async () => {
    const { app } = makeSandbox();
    await create(app);
    const snapshot = await exportState(app);
    snapshot["providers"] = {};
    expect((await control(app, TOKEN, "PUT", "/state", snapshot)).status).toBe(200);
    expect((await call(app, TOKEN, "campaigns/get-all-campaigns", { limit: 10, offset: 0 })).body).toEqual({ status: "success", total: 0, campaigns: [] });
    expect((await addPins(app, 1, ["A1"])).body.errors.code).toBe("campaignNotFound");
  });

  it("a tenant that never used YooMoney exports null, and exporting does not draw from its random sequence", async () => {
    const { app } = makeSandbox();
    const first = await exportState(app);
    const second = await exportState(app);
    expect(first["providers"]).toMatchObject({ yoomoney: null });
    expect(second["rng"]).toEqual(first["rng"]);
    expect((await control(app, TOKEN, "PUT", "/state", first)).status).toBe(200);
    expect((await call(app, TOKEN, "campaigns/get-all-campaigns", { limit: 10, offset: 0 })).body).toEqual({ status: "success", total: 0, campaigns: [] });
  });
});
