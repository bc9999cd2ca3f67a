import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import {
  call,
  campaignIn,
  control,
  controlError,
  create,
  createBody,
  events,
  promoBody,
  startedCampaign,
  startedOneOff,
  state,
  statusOf,
  success,
  takeOffer,
  TOKEN,
  transitions,
  T0_ISO,
  without,
  type Target,
} from "./helpers.js";

const mark = (app: Target, id: number | string, reachable: boolean) => control(app, TOKEN, "PUT", `/yoomoney/campaigns/${id}/accept-url`, { reachable });
const offer = (app: Target, id: number) => control(app, TOKEN, "POST", `/yoomoney/campaigns/${id}/offers`);
const start = (app: Target, id: number) => call(app, TOKEN, "campaigns/start", { ymCampaignId: id });
const info = async (app: Target, id: number) => (await call(app, TOKEN, "campaigns/info", { ymCampaignId: id })).body.result;
const SUSPENDED = "acceptUrl unreachable: YooMoney suspended the campaign";
const LINK = "https://shop.example.com/promo?utm=ym";
const unreachableOffer = (id: number) =>
  controlError(
    "accept_url_unreachable",
    `the user following campaign ${id}'s acceptUrl got an error (it is marked unreachable), so no offer was taken and the campaign is paused; PUT /__sandbox/yoomoney/campaigns/${id}/accept-url {"reachable": true}, then campaigns/start`,
  );

describe("PUT /__sandbox/yoomoney/campaigns/{id}/accept-url: an unreachable link suspends the campaign", () => {
  it("marking a started campaign's link unreachable suspends it: paused through the API, control events", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const res = await mark(app, id, false);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ymCampaignId: id, acceptUrl: LINK, reachable: false, campaignStatus: "paused" });
    expect(await statusOf(app, id)).toBe("paused");
    expect((await info(app, id)).campaignStatus).toBe("paused");
    expect((await call(app, TOKEN, "campaigns/get-all-campaigns", { limit: 10, offset: 0 })).body.campaigns).toEqual([state(id, "paused")]);
    const c = String(id);
    expect((await events(app, "provider=yoomoney")).slice(-2)).toEqual([
      { seq: 5, at: T0_ISO, provider: "yoomoney", entity: "acceptUrl", id: c, from: "reachable", to: "unreachable", cause: "control" },
      { seq: 6, at: T0_ISO, provider: "yoomoney", entity: "campaign", id: c, from: "started", to: "paused", cause: "control", detail: SUSPENDED },
    ]);
  });

  it("restarted while the link still fails: the next user gets an error, no offer, and the campaign is suspended again", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["CODE1", "CODE2"]);
    await mark(app, id, false);
    expect((await start(app, id)).body).toEqual(success(state(id, "started")));
    const before = await info(app, id);
    const res = await offer(app, id);
    expect(res.status).toBe(409);
    expect(res.body).toEqual(unreachableOffer(id));
    expect(await statusOf(app, id)).toBe("paused");
    const after = await info(app, id);
    expect(after).toEqual({ ...before, campaignStatus: "paused" });
    expect(after.campaignPinsStats).toEqual({ unused: 2, total: 2 });
    expect((await call(app, TOKEN, "campaigns/get-pins-by-status", { ymCampaignId: id, pinStatus: "accepted_by_user" })).body.result.pins).toEqual([]);
    expect((await transitions(app, id)).slice(-3)).toEqual([
      ["started", "paused", "control", T0_ISO],
      ["paused", "started", "request", T0_ISO],
      ["started", "paused", "control", T0_ISO],
    ]);
  });

  it("marked reachable again: nothing restarts by itself; campaigns/start does, and users take offers again", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    await mark(app, id, false);
    const fixed = await mark(app, id, true);
    expect(fixed.body).toEqual({ ymCampaignId: id, acceptUrl: LINK, reachable: true, campaignStatus: "paused" });
    expect(await statusOf(app, id)).toBe("paused");
    expect((await start(app, id)).body).toEqual(success(state(id, "started")));
    const taken = await takeOffer(app, id);
    expect(taken.acceptUrl).toBe(`${LINK}&clickId=${taken.clickId}`);
    expect((await events(app, `entity=acceptUrl&id=${id}`)).map((e) => [e.from, e.to, e.cause])).toEqual([
      ["reachable", "unreachable", "control"],
      ["unreachable", "reachable", "control"],
    ]);
  });

  it("a campaign not yet started keeps its status; once started, the first user suspends it", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified", TOKEN, {});
    expect((await mark(app, id, false)).body).toEqual({ ymCampaignId: id, acceptUrl: LINK, reachable: false, campaignStatus: "verified" });
    expect(await statusOf(app, id)).toBe("verified");
    await call(app, TOKEN, "campaigns/add-pins", { ymCampaignId: id, pinList: ["CODE1"] });
    expect((await start(app, id)).body).toEqual(success(state(id, "started")));
    expect((await offer(app, id)).body).toEqual(unreachableOffer(id));
    expect(await statusOf(app, id)).toBe("paused");
  });

  it("marking an already unreachable link again re-suspends a restarted campaign; a paused one stays paused", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    await mark(app, id, false);
    expect((await mark(app, id, false)).body.campaignStatus).toBe("paused");
    await start(app, id);
    expect((await mark(app, id, false)).body.campaignStatus).toBe("paused");
    expect((await events(app, `entity=acceptUrl&id=${id}`)).length).toBe(1);
  });

  it("campaigns/update with another acceptUrl drops the mark (the update's event); the same link keeps it", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    await mark(app, id, false);
    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, description: "Новое описание" });
    expect((await events(app, `entity=acceptUrl&id=${id}`)).length).toBe(1);
    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, acceptUrl: "https://mirror.example.com/promo" });
    expect((await events(app, `entity=acceptUrl&id=${id}`)).map((e) => [e.from, e.to, e.cause, e.detail])).toEqual([
      ["reachable", "unreachable", "control", undefined],
      ["unreachable", "reachable", "request", "campaigns/update changed acceptUrl"],
    ]);
    expect(await statusOf(app, id)).toBe("moderation");
  });
});

describe("PUT /__sandbox/yoomoney/campaigns/{id}/accept-url refuses", () => {
  it("a body without a boolean reachable: 400, nothing changes", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    const missing = await control(app, TOKEN, "PUT", `/yoomoney/campaigns/${id}/accept-url`, {});
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(controlError("invalid_request", 'send {"reachable": true | false}: reachable: Invalid input: expected boolean, received undefined'));
    const text = await control(app, TOKEN, "PUT", `/yoomoney/campaigns/${id}/accept-url`, { reachable: "no" });
    expect(text.status).toBe(400);
    expect(text.body).toEqual(controlError("invalid_request", 'send {"reachable": true | false}: reachable: Invalid input: expected boolean, received string'));
    expect(await statusOf(app, id)).toBe("started");
    expect(await events(app, "entity=acceptUrl")).toEqual([]);
  });

  it("an unknown campaign or a path that is no id: 404", async () => {
    const { app } = makeSandbox();
    const unknown = await mark(app, 999_999, false);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(controlError("campaign_not_found", "this tenant has no YooMoney campaign 999999"));
    const notAnId = await mark(app, "abc", false);
    expect(notAnId.status).toBe(404);
    expect(notAnId.body).toEqual(controlError("campaign_not_found", '"abc" is not a ymCampaignId'));
  });

  it("a campaign without a link (codeOffline): 409 no_accept_url", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, without(createBody({ campaignType: "codeOffline" }), "acceptUrl"));
    const res = await mark(app, id, false);
    expect(res.status).toBe(409);
    expect(res.body).toEqual(controlError("no_accept_url", `campaign ${id} (codeOffline) has no acceptUrl to reach; only a campaign with a link can be marked`));
  });
});
