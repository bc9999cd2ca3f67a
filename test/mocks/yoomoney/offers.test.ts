import type { App } from "../../support/app.js";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import {
  advance,
  at,
  call,
  campaignIn,
  control,
  controlError,
  create,
  createBody,
  events,
  HOUR,
  OTHER_TOKEN,
  promoBody,
  reusableBody,
  startedCampaign,
  startedOneOff,
  takeOffer,
  TOKEN,
  T0_ISO,
  without,
  type JsonObject,
} from "./helpers.js";

const CLICK_ID = /^\d{6}-\d{7}-\d{5}$/;
const offerCall = (app: App, id: number | string, token = TOKEN) => control(app, token, "POST", `/yoomoney/campaigns/${id}/offers`);

/** Starts a campaign with this acceptUrl (reusable code SUN10) and takes one offer. */
async function linkFor(acceptUrl: string, body: (o: JsonObject) => JsonObject = reusableBody): Promise<{ url: string | null; clickId: string }> {
  const { app } = makeSandbox();
  const id = await startedCampaign(app, body({ acceptUrl }));
  const offer = await takeOffer(app, id);
  return { url: offer.acceptUrl, clickId: offer.clickId };
}

describe("a user takes an offer", () => {
  it("a one-off campaign hands out its codes in upload order; the last one moves it to pin-required", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["First1", "second2", "THIRD3"]);
    const first = await offerCall(app, id);
    expect(first.status).toBe(201);
    const clickId = String(first.body.clickId);
    expect(clickId).toMatch(CLICK_ID);
    expect(first.body).toEqual({
      ymCampaignId: id,
      clickId,
      pinContent: "First1",
      acceptUrl: `https://shop.example.com/promo?utm=ym&clickId=${clickId}`,
      issuedAt: T0_ISO,
      expiresAt: at(336 * HOUR),
      campaignStatus: "started",
    });
    const second = await takeOffer(app, id);
    const third = await takeOffer(app, id);
    expect([second.pinContent, third.pinContent]).toEqual(["second2", "THIRD3"]);
    expect([second.campaignStatus, third.campaignStatus]).toEqual(["started", "pin-required"]);
    expect(new Set([clickId, second.clickId, third.clickId]).size).toBe(3);

    const none = await offerCall(app, id);
    expect(none.status).toBe(409);
    expect(none.body).toEqual(controlError("campaign_not_started", `campaign ${id} is pin-required; users can take offers only while it is started`));
  });

  it("logs the code handed out and the offer as events", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["First1", "second2"]);
    const offer = await takeOffer(app, id);
    const logged = await events(app, "entity=offer");
    expect(logged.map((e) => [e.id, e.from, e.to, e.cause, e.detail])).toEqual([[offer.clickId, null, "issued", "control", { ymCampaignId: id }]]);
    const pins = await events(app, "entity=pin");
    expect(pins.map((e) => [e.id, e.from, e.to, e.detail])).toEqual([["First1", "new_unused", "accepted_by_user", { ymCampaignId: id, clickId: offer.clickId }]]);
  });

  it("a reusable campaign hands out its couponCode to everyone", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, reusableBody());
    const a = await takeOffer(app, id);
    const b = await takeOffer(app, id);
    expect([a.pinContent, b.pinContent]).toEqual(["SUN10", "SUN10"]);
    expect(a.clickId).not.toBe(b.clickId);
    expect(b.campaignStatus).toBe("started");
  });

  it("a promo campaign hands out no code", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody({ acceptUrl: "https://shop.example.com/landing" }));
    const offer = await offerCall(app, id);
    const clickId = String(offer.body.clickId);
    expect(offer.body).toEqual({
      ymCampaignId: id,
      clickId,
      pinContent: null,
      acceptUrl: `https://shop.example.com/landing?clickId=${clickId}`,
      issuedAt: T0_ISO,
      expiresAt: at(336 * HOUR),
      campaignStatus: "started",
    });
  });

  it("a one-off campaign with a couponCode stored still hands out its one-off codes", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["ONE1"], { couponCode: "IGNORED" });
    expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: id })).body.result.couponCode).toBe("IGNORED");
    expect((await takeOffer(app, id)).pinContent).toBe("ONE1");
  });

  it("a codeOffline campaign without acceptUrl gives a null link; with one it is rendered", async () => {
    const { app } = makeSandbox();
    const offline = await create(app, {}, TOKEN, without(reusableBody({ campaignType: "codeOffline", partnerCampaignId: 601 }), "acceptUrl"));
    await control(app, TOKEN, "POST", `/yoomoney/campaigns/${offline}/moderation`, { decision: "approve" });
    await call(app, TOKEN, "campaigns/start", { ymCampaignId: offline });
    const offer = await takeOffer(app, offline);
    expect(offer.acceptUrl).toBeNull();
    expect(offer.pinContent).toBe("SUN10");

    const linked = await linkFor("https://shop.example.com/offline", (o) => reusableBody({ campaignType: "codeOffline", ...o }));
    expect(linked.url).toBe(`https://shop.example.com/offline?clickId=${linked.clickId}`);
  });

  it("expiresAt is issuedAt + offerDuration hours, on the virtual clock", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody({ offerDuration: 24 }));
    await advance(app, "PT90M");
    const offer = await takeOffer(app, id);
    expect([offer.issuedAt, offer.expiresAt]).toEqual([at(90 * 60_000), at(90 * 60_000 + 24 * HOUR)]);
  });

  it.each(["verified", "paused", "pin-required", "moderation", "declined"] as const)("a %s campaign gives no offer (409)", async (status) => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, status);
    const res = await offerCall(app, id);
    expect(res.status).toBe(409);
    expect(res.body).toEqual(controlError("campaign_not_started", `campaign ${id} is ${status}; users can take offers only while it is started`));
    expect((await call(app, TOKEN, "campaigns/info", { ymCampaignId: id })).body.result.campaignShows).toBe(0);
  });

  it("an unknown campaign, another tenant's campaign or a non-numeric id is 404", async () => {
    const { app } = makeSandbox();
    const theirs = await startedCampaign(app, promoBody(), OTHER_TOKEN);
    const res = await offerCall(app, theirs);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(controlError("campaign_not_found", `this tenant has no YooMoney campaign ${theirs}`));
    const bad = await offerCall(app, "12a");
    expect(bad.status).toBe(404);
    expect(bad.body).toEqual(controlError("campaign_not_found", '"12a" is not a ymCampaignId'));
  });
});

describe("acceptUrl rendering", () => {
  it("fills every template variable url-encoded, then appends clickId", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(
      app,
      reusableBody({
        couponCode: "ЛЕТО 10%&x",
        acceptUrl: "http://shop.example.com/t/{{ymCampaignId}}/?promo={{campaignId}}&pin={{couponCode}}&d={{currentDate}}",
      }),
    );
    await advance(app, "PT1H2M3.456S");
    const offer = await takeOffer(app, id);
    expect(offer.acceptUrl).toBe(
      `http://shop.example.com/t/${id}/?promo=501&pin=%D0%9B%D0%95%D0%A2%D0%9E%2010%25%26x&d=2026-01-15T10%3A02%3A03.456&clickId=${offer.clickId}`,
    );
  });

  it("{{couponCode}} is the one-off code handed out, and empty for promo", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["Pin42"], { acceptUrl: "https://shop.example.com/?pin={{couponCode}}" });
    const offer = await takeOffer(app, id);
    expect(offer.acceptUrl).toBe(`https://shop.example.com/?pin=Pin42&clickId=${offer.clickId}`);
    const promo = await linkFor("https://shop.example.com/?pin={{couponCode}}", promoBody);
    expect(promo.url).toBe(`https://shop.example.com/?pin=&clickId=${promo.clickId}`);
  });

  it.each([
    { template: "https://shop.example.com/p", expected: "https://shop.example.com/p?clickId=ID" },
    { template: "https://shop.example.com/p?x=1", expected: "https://shop.example.com/p?x=1&clickId=ID" },
    { template: "https://shop.example.com/p?", expected: "https://shop.example.com/p?clickId=ID" },
    { template: "https://shop.example.com/p?x=1&", expected: "https://shop.example.com/p?x=1&clickId=ID" },
    { template: "https://shop.example.com/p#top", expected: "https://shop.example.com/p?clickId=ID#top" },
    { template: "https://shop.example.com/p?x=1#top", expected: "https://shop.example.com/p?x=1&clickId=ID#top" },
    { template: "https://shop.example.com/p#/route?y=2", expected: "https://shop.example.com/p?clickId=ID#/route?y=2" },
  ])("$template -> $expected", async ({ template, expected }) => {
    const { url, clickId } = await linkFor(template);
    expect(clickId).toMatch(CLICK_ID);
    expect(url).toBe(expected.replace("ID", clickId));
  });
});

describe("determinism", () => {
  async function run(seed: string): Promise<{ ids: number[]; clickIds: string[] }> {
    const { app } = makeSandbox({ seed });
    const a = await startedCampaign(app, promoBody());
    const b = await startedOneOff(app, ["X1", "X2"], { partnerCampaignId: 502 });
    const clickIds: string[] = [];
    for (const id of [a, b, a, b]) clickIds.push((await takeOffer(app, id)).clickId);
    return { ids: [a, b], clickIds };
  }

  it("the same seed and calls give the same ymCampaignIds and clickIds; another seed gives others", async () => {
    const first = await run("seed-1");
    const second = await run("seed-1");
    const other = await run("seed-2");
    expect(second).toEqual(first);
    for (const clickId of first.clickIds) expect(clickId).toMatch(CLICK_ID);
    expect(new Set(first.clickIds).size).toBe(4);
    expect(other.ids).not.toEqual(first.ids);
    expect(other.clickIds.filter((c) => first.clickIds.includes(c))).toEqual([]);
  });

  it("ids depend on the tenant too", async () => {
    const { app } = makeSandbox();
    const mine = await create(app);
    const theirs = await create(app, {}, OTHER_TOKEN, createBody());
    expect(mine).not.toBe(theirs);
  });
});
