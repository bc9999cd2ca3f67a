import request from "supertest";
import { describe, expect, it } from "vitest";
import type { App } from "../../support/app.js";
import { makeSandbox } from "../../support/sandbox.js";
import { createBody } from "../yoomoney/helpers.js";

/**
 * The control plane's read-only views the web console draws from (GET /__sandbox/yoomoney/campaigns,
 * /wildberries/overview, /wildberries/campaigns/{advertId}/traffic, /myshare/overview): what they show is
 * what the provider APIs answer, and reading them changes nothing (no journal entry, no state drawn).
 */

const T = "console-views";
const get = (app: App, path: string, token = T) => request(app).get(path).set("Authorization", token);
const post = (app: App, path: string, body: string | object, token = T) => request(app).post(path).set("Authorization", token).send(body);

const YM_CAMPAIGN = createBody({
  partnerCampaignId: 7,
  campaignStart: "2026-01-20T00:00:00.000Z",
  campaignEnd: "2026-02-15T00:00:00.000Z",
  merchantName: "Магазин",
  description: "Скидка 10% на всё",
});

/** A funded seller with an Auction campaign running since T0 + 4 min: its advertId. */
async function auction(app: App): Promise<number> {
  await post(app, "/__sandbox/wildberries/balance", { balance: 50_000 }).expect(200);
  const subject = (await get(app, "/adv/v1/supplier/subjects")).body[0].id;
  const nm = (await post(app, "/adv/v2/supplier/nms", [subject])).body[0].nm;
  const advertId: unknown = (await post(app, "/adv/v2/seacat/save-ad", { campaignName: "Аукцион", nms: [nm] }).expect(200)).body;
  if (typeof advertId !== "number") throw new Error(`save-ad answered ${JSON.stringify(advertId)}`);
  await post(app, `/adv/v1/budget/deposit?id=${advertId}`, { sum: 10_000, type: 0, return: true }).expect(200);
  await get(app, `/adv/v0/start?id=${advertId}`).expect(200);
  await post(app, "/__sandbox/clock/advance", { by: "PT4M" }).expect(200);
  return advertId;
}

describe("GET /__sandbox/yoomoney/campaigns", () => {
  it("lists each campaign with its status, dates and pin counts as campaigns/info counts them", async () => {
    const { app } = makeSandbox();
    expect((await get(app, "/__sandbox/yoomoney/campaigns").expect(200)).body).toEqual({ campaigns: [] });
    const created = await post(app, "/api/offerwall/v1/campaigns/create", YM_CAMPAIGN).expect(200);
    const id: number = created.body.result.ymCampaignId;
    await post(app, "/api/offerwall/v1/campaigns/add-pins", { ymCampaignId: id, pinList: ["A1", "A2", "A3"] }).expect(200);
    const info = (await post(app, "/api/offerwall/v1/campaigns/info", { ymCampaignId: id }).expect(200)).body.result;
    const view = await get(app, "/__sandbox/yoomoney/campaigns").expect(200);
    expect(view.body).toEqual({
      campaigns: [
        {
          ymCampaignId: id,
          partnerCampaignId: 7,
          status: info.campaignStatus,
          campaignType: "codeOnline",
          pinType: "one-off",
          merchantName: "Магазин",
          description: "Скидка 10% на всё",
          campaignStart: "2026-01-20T00:00:00.000Z",
          campaignEnd: "2026-02-15T00:00:00.000Z",
          pins: { total: info.campaignPinsStats.total, unused: info.campaignPinsStats.unused, accepted: 0, redeemed: 0 },
          offers: 0,
          leads: 0,
          moderationComment: null,
        },
      ],
    });
    expect(view.body.campaigns[0].pins.total).toBe(3);
  });
});

describe("GET /__sandbox/wildberries/overview and /campaigns/{advertId}/traffic", () => {
  it("show the seller's money, each campaign's budget and today's spend, and per day exactly what fullstats answers", async () => {
    const { app } = makeSandbox();
    const advertId = await auction(app);
    await post(app, "/__sandbox/clock/advance", { by: "P3DT2H" }).expect(200);

    const traffic = (await get(app, `/__sandbox/wildberries/campaigns/${advertId}/traffic`).expect(200)).body;
    expect(traffic).toMatchObject({ advertId, status: 9, reported: true, interval: { begin: "2025-12-19", end: "2026-01-18" } });
    const stats = (await post(app, "/adv/v2/fullstats", [{ id: advertId, interval: traffic.interval }]).expect(200)).body[0];
    const fromFullstats = stats.days.map((d: { date: string; views: number; clicks: number; atbs: number; orders: number; sum: number }) => ({
      day: d.date.slice(0, 10),
      views: d.views,
      clicks: d.clicks,
      atbs: d.atbs,
      orders: d.orders,
      spend: d.sum,
    }));
    expect(fromFullstats.map((d: { day: string }) => d.day)).toEqual(["2026-01-15", "2026-01-16", "2026-01-17", "2026-01-18"]);
    expect(traffic.days).toEqual(fromFullstats);

    const overview = (await get(app, "/__sandbox/wildberries/overview").expect(200)).body;
    const budget = (await get(app, `/adv/v1/budget?id=${advertId}`).expect(200)).body.total;
    const balance = (await get(app, "/adv/v1/balance").expect(200)).body;
    expect(overview).toEqual({
      money: balance,
      campaigns: [{ advertId, name: "Аукцион", type: 9, status: 9, budget, todaySpend: fromFullstats[3].spend, createTime: "2026-01-15T09:00:00.000Z" }],
      media: [],
    });
    expect(overview.campaigns[0].todaySpend).toBeGreaterThan(0);
  });

  it("a campaign fullstats does not report (4, ready) has no days; an unknown one is a 404", async () => {
    const { app } = makeSandbox();
    await post(app, "/__sandbox/wildberries/balance", { balance: 1000 }).expect(200);
    const subject = (await get(app, "/adv/v1/supplier/subjects")).body[0].id;
    const nm = (await post(app, "/adv/v2/supplier/nms", [subject])).body[0].nm;
    const advertId = (await post(app, "/adv/v2/seacat/save-ad", { campaignName: "Готова", nms: [nm] }).expect(200)).body;
    expect((await get(app, `/__sandbox/wildberries/campaigns/${advertId}/traffic`).expect(200)).body).toMatchObject({ status: 4, reported: false, days: [] });
    const missing = await get(app, "/__sandbox/wildberries/campaigns/12345/traffic").expect(404);
    expect(missing.body.error.code).toBe("campaign_not_found");
    await get(app, "/__sandbox/wildberries/campaigns/abc/traffic").expect(404);
  });

  it("lists media campaigns", async () => {
    const { app } = makeSandbox();
    const made = await post(app, "/__sandbox/wildberries/media-campaigns", { name: "Баннер", brand: "Бренд", type: 2, budget: 5000, items: [{ name: "Бренд", cpm: 300 }] }).expect(201);
    const overview = (await get(app, "/__sandbox/wildberries/overview").expect(200)).body;
    expect(overview.media).toEqual([
      expect.objectContaining({ advertId: made.body.advertId, name: "Баннер", brand: "Бренд", type: 2, status: 6, budget: 5000, items: 1, from: "2026-01-15T09:00:00.000Z" }),
    ]);
  });
});

describe("GET /__sandbox/myshare/overview", () => {
  it("shows catalogs with their partners, offers, and deals with the cancel deadline while Created and the hold's end once Paid", async () => {
    const { app } = makeSandbox();
    const catalog = (await post(app, "/catalog/", { title: "Курсы", catalog_code: "courses", hold_duration: "30 00:00:00", canceled_duration: "14 00:00:00", is_promocode_allowed: true, is_published: true }).expect(201)).body;
    const offer = (await post(app, "/offer/", { name: "Basic", catalog_id: catalog.id, is_promocode_allowed: true, is_active: true, prices: [{ cost: 100, currency: "USD" }], reward_percent: 5 }).expect(201)).body;
    const partner = (await post(app, "/__sandbox/myshare/partners", { catalog_id: catalog.id }).expect(201)).body;
    const deal = { offer: "Basic", cost: 100, currency: "USD", catalog_code: "courses" };
    await post(app, "/deal/", { ...deal, status: "Created", deal_id: "order-1", promo_code: partner.promo_code }).expect(201);
    await post(app, "/deal/", { ...deal, status: "Created", deal_id: "order-2", promo_code: partner.promo_code }).expect(201);
    await request(app).patch("/deal/order-2/").set("Authorization", T).send({ status: "Paid" }).expect(200);

    const view = (await get(app, "/__sandbox/myshare/overview").expect(200)).body;
    expect(view.catalogs).toEqual([expect.objectContaining({ id: catalog.id, title: "Курсы", holdDuration: "30 00:00:00", canceledDuration: "14 00:00:00", partners: 1 })]);
    expect(view.offers).toEqual([{ id: offer.id, catalogId: catalog.id, name: "Basic", isActive: true, prices: [{ cost: 100, currency: "USD" }] }]);
    expect(view.partners).toEqual([expect.objectContaining({ catalogId: catalog.id, promoCode: partner.promo_code, uid: partner.uid })]);
    expect(view.deals).toEqual([
      expect.objectContaining({ dealId: "order-1", status: "Created", cancelDeadline: "2026-01-29T09:00:00.000Z", holdDeadline: null, partnerId: view.partners[0].id }),
      expect.objectContaining({ dealId: "order-2", status: "Paid", holdDeadline: "2026-02-14T09:00:00.000Z", cancelDeadline: null }),
    ]);
  });
});

describe("the console's views read without side effects", () => {
  it("are not journaled, and make no provider state (so a tenant that read them draws the same ids as one that did not)", async () => {
    const { app } = makeSandbox();
    for (const path of ["/__sandbox/yoomoney/campaigns", "/__sandbox/wildberries/overview", "/__sandbox/myshare/overview"]) await get(app, path, "reader").expect(200);
    expect((await get(app, "/__sandbox/requests", "reader").expect(200)).body.requests).toEqual([]);
    // No provider state was made (none drew from the tenant's randomness).
    const providers = (await get(app, "/__sandbox/state", "reader").expect(200)).body.providers;
    expect(Object.keys(providers).length).toBeGreaterThan(0);
    for (const state of Object.values(providers)) expect(state).toBeNull();
  });
});
