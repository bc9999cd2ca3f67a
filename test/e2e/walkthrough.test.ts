import { afterEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/server.js";
import { makeSandbox, T0 } from "../support/sandbox.js";

/** The README walk-through ("a YooMoney campaign's whole life with curl"), over a real socket with fetch. */

const AUTH = { Authorization: "Bearer walkthrough", "Content-Type": "application/json" };
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;
const END = iso(T0 + 30 * DAY);
const CLICK_ID = /^\d{6}-\d{7}-\d{5}$/;

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

interface Answer {
  status: number;
  body: unknown;
}

async function send(url: string, method: string, body?: unknown): Promise<Answer> {
  const res = await fetch(url, { method, headers: AUTH, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text === "" ? undefined : JSON.parse(text) };
}

function idOf(answer: Answer): number {
  const body = answer.body;
  if (typeof body !== "object" || body === null || !("result" in body)) throw new Error(`no result in ${JSON.stringify(body)}`);
  const result = body.result;
  if (typeof result !== "object" || result === null || !("ymCampaignId" in result) || typeof result.ymCampaignId !== "number") throw new Error("no id");
  return result.ymCampaignId;
}

function clickIdOf(answer: Answer): string {
  const body = answer.body;
  if (typeof body !== "object" || body === null || !("clickId" in body) || typeof body.clickId !== "string") throw new Error("no clickId");
  expect(body.clickId).toMatch(CLICK_ID);
  return body.clickId;
}

describe("README walk-through over HTTP", () => {
  it("create, approve, add pins, take offers until pin-required, add pins, redeem, finish at campaignEnd", async () => {
    sandbox = makeSandbox();
    const base = await sandbox.listen(0);
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ym = (method: string, body: unknown) => send(`${base}/api/offerwall/v1/${method}`, "POST", body);
    const sb = (method: string, path: string, body?: unknown) => send(`${base}/__sandbox/${path}`, method, body);

    expect(await sb("POST", "reset")).toEqual({ status: 200, body: { tenant: "walkthrough", reset: true } });

    // 1. Create a campaign with one-off promo codes. It goes to moderation.
    const campaign = {
      partnerCampaignId: 20,
      categoryId: 39,
      campaignType: "codeOnline",
      pinType: "one-off",
      pinDisplayType: "text",
      acceptUrl: "https://shop.example.com/promo?code={{couponCode}}",
      campaignEnd: END,
      merchantDomain: "shop.example.com",
      merchantName: "Магазин",
      merchantLogoSvg: "https://shop.example.com/logo.svg",
      merchantLogoPng: "https://shop.example.com/logo.png",
      backgroundColor: "#1e1e1e",
      fontColor: "#ffffff",
      description: "Скидка 10% на всё",
      conditions: "Промокод действует на один заказ",
      discountType: "percent",
      discountAmount: "10",
      campaignFee: "100",
      feeType: "fix",
    };
    const created = await ym("campaigns/create", campaign);
    const id = idOf(created);
    expect(created).toEqual({ status: 200, body: { status: "success", result: { ymCampaignId: id, campaignStatus: "moderation" } } });
    const key = { ymCampaignId: id };

    // 2. The moderator approves it. Without campaignStart it waits in verified.
    expect(await sb("POST", `yoomoney/campaigns/${id}/moderation`, { decision: "approve" })).toEqual({
      status: 200,
      body: { ymCampaignId: id, campaignStatus: "verified", comment: null },
    });

    // 3. Starting without codes fails with failPin and the campaign is pin-required; codes start it.
    expect(await ym("campaigns/start", key)).toEqual({
      status: 200,
      body: {
        status: "error",
        errors: {
          code: "failPin",
          value: "No promo codes",
          description: "This type of campaign cannot be launched without promo codes; upload them with campaigns/add-pins and it starts by itself",
        },
        result: { ymCampaignId: id, campaignStatus: "pin-required" },
      },
    });
    expect(await ym("campaigns/add-pins", { ...key, pinList: ["SALE0001", "SALE0002", "sale0001"] })).toEqual({
      status: 200,
      body: {
        status: "success",
        result: { ymCampaignId: id, campaignStatus: "started", counters: { unusedPinCount: 2, acceptedPinCount: 0, redeemedPinCount: 0, totalPinCount: 2 } },
      },
    });

    // 4. Users take offers: a clickId, a code and the rendered link each; the last code makes it pin-required.
    const offer = (clickId: string, code: string, campaignStatus: string) => ({
      status: 201,
      body: {
        ymCampaignId: id,
        clickId,
        pinContent: code,
        acceptUrl: `https://shop.example.com/promo?code=${code}&clickId=${clickId}`,
        issuedAt: iso(T0),
        expiresAt: iso(T0 + 14 * DAY),
        campaignStatus,
      },
    });
    const first = await sb("POST", `yoomoney/campaigns/${id}/offers`);
    expect(first).toEqual(offer(clickIdOf(first), "SALE0001", "started"));
    const second = await sb("POST", `yoomoney/campaigns/${id}/offers`);
    expect(second).toEqual(offer(clickIdOf(second), "SALE0002", "pin-required"));
    expect(clickIdOf(second)).not.toBe(clickIdOf(first));
    expect(await sb("POST", `yoomoney/campaigns/${id}/offers`)).toEqual({
      status: 409,
      body: { error: { code: "campaign_not_started", message: `campaign ${id} is pin-required; users can take offers only while it is started` } },
    });
    expect(await ym("campaigns/info", key)).toEqual({
      status: 200,
      body: {
        status: "success",
        result: {
          ymCampaignId: id,
          campaignStatus: "pin-required",
          campaignAccepts: 2,
          campaignRedeems: 0,
          campaignShows: 2,
          campaignPinsStats: { unused: 0, total: 2 },
          campaignRedeemStats: { usedCount: 0, approvedCount: 0, declinedCount: 0 },
        },
      },
    });

    // 5. More codes restart it.
    expect(await ym("campaigns/add-pins", { ...key, pinList: ["SALE0003"] })).toEqual({
      status: 200,
      body: {
        status: "success",
        result: { ymCampaignId: id, campaignStatus: "started", counters: { unusedPinCount: 1, acceptedPinCount: 2, redeemedPinCount: 0, totalPinCount: 3 } },
      },
    });

    // 6. The shop reports the lead for the first code, then approves it.
    const lead = { ...key, pinContent: "sale0001", transactionId: "order-1", campaignFee: "100.00" };
    expect(await ym("campaigns/redeem", lead)).toEqual({
      status: 200,
      body: { status: "success", result: { ymCampaignId: id, transactionId: "order-1", redeemStatus: "used" } },
    });
    expect(await ym("campaigns/redeem", { ...lead, redeemStatus: "approved" })).toEqual({
      status: 200,
      body: { status: "success", result: { ymCampaignId: id, transactionId: "order-1", redeemStatus: "approved" } },
    });
    expect(await ym("campaigns/get-pins-by-status", { ...key, pinStatus: "redeem_received" })).toEqual({
      status: 200,
      body: { status: "success", result: { ymCampaignId: id, pinStatus: "redeem_received", pins: ["SALE0001"] } },
    });

    // 7. Past campaignEnd the campaign finishes.
    expect(await sb("POST", "clock/advance", { by: "P31D" })).toEqual({
      status: 200,
      body: { now: iso(T0 + 31 * DAY), fired: [{ at: END, kind: "yoomoney.campaignEnd", ymCampaignId: id, campaignStatus: "finished" }], firedTotal: 1 },
    });
    expect(await ym("campaigns/get", key)).toEqual({
      status: 200,
      body: {
        status: "success",
        result: { ymCampaignId: id, campaignStatus: "finished", ...campaign, offerDuration: 336, discountCurrency: 643, feeCurrency: 643, pinEnd: null },
      },
    });
    expect(await ym("campaigns/start", key)).toEqual({
      status: 200,
      body: {
        status: "error",
        errors: { code: "failFinished", value: "Completed", description: "This campaign is over" },
        result: { ymCampaignId: id, campaignStatus: "finished" },
      },
    });

    // What happened, in order, and why.
    const events = await sb("GET", `events?entity=campaign&id=${id}`);
    expect(events.status).toBe(200);
    const list = events.body;
    if (typeof list !== "object" || list === null || !("events" in list) || !Array.isArray(list.events)) throw new Error("no events");
    expect(list.events.map((e: { from: unknown; to: unknown; cause: unknown; at: unknown }) => [e.from, e.to, e.cause, e.at])).toEqual([
      [null, "created", "request", iso(T0)],
      ["created", "moderation", "request", iso(T0)],
      ["moderation", "verified", "control", iso(T0)],
      ["verified", "pin-required", "request", iso(T0)],
      ["pin-required", "started", "request", iso(T0)],
      ["started", "pin-required", "control", iso(T0)],
      ["pin-required", "started", "request", iso(T0)],
      ["started", "finished", "timer", END],
    ]);
  });
});
