import { describe, expect, it } from "vitest";
import { renderAcceptUrl, TEMPLATE_VARIABLES } from "../../../src/state/yoomoney/accept-url.js";
import type { Campaign } from "../../../src/state/yoomoney/model.js";
import { PinStore } from "../../../src/state/yoomoney/pin-store.js";

const NOW = Date.UTC(2026, 0, 15, 9, 5, 7, 89);
const CLICK = "615737-1227535-12368";

function campaign(acceptUrl: string | undefined): Campaign {
  return {
    ymCampaignId: 4321,
    status: "started",
    fields: {
      partnerCampaignId: 77,
      categoryId: 39,
      campaignType: "codeOnline",
      pinType: "reusable",
      pinDisplayType: "text",
      couponCode: "SUN10",
      ...(acceptUrl === undefined ? {} : { acceptUrl }),
      merchantDomain: "shop.example.com",
      merchantLogoSvg: "https://shop.example.com/logo.svg",
      merchantLogoPng: "https://shop.example.com/logo.png",
      merchantName: "Солнышко",
      backgroundColor: "#1e1e1e",
      fontColor: "#fafafa",
      description: "Скидка",
      conditions: "Условия",
      discountType: "percent",
      discountAmount: "10",
      campaignFee: "150",
      feeType: "fix",
    },
    pins: new PinStore(),
    offers: new Map(),
    offerByPin: new Map(),
    leads: new Map(),
    shows: 0,
    moderationComment: null,
    acceptUrlReachable: true,
    timers: { start: null, end: null, moderation: null },
  };
}

const render = (template: string | undefined, couponCode: string | null = "SUN10") => renderAcceptUrl(campaign(template), couponCode, CLICK, NOW);

describe("renderAcceptUrl", () => {
  it("knows the four documented template variables", () => {
    expect(TEMPLATE_VARIABLES).toEqual(["campaignId", "ymCampaignId", "couponCode", "currentDate"]);
  });

  it("is null without an acceptUrl", () => {
    expect(render(undefined)).toBeNull();
  });

  it.each([
    ["https://shop.example.com/p", `https://shop.example.com/p?clickId=${CLICK}`],
    ["https://shop.example.com/p?x=1", `https://shop.example.com/p?x=1&clickId=${CLICK}`],
    ["https://shop.example.com/p?", `https://shop.example.com/p?clickId=${CLICK}`],
    ["https://shop.example.com/p?x=1&", `https://shop.example.com/p?x=1&clickId=${CLICK}`],
    ["https://shop.example.com/p#top", `https://shop.example.com/p?clickId=${CLICK}#top`],
    ["https://shop.example.com/p?x=1#top", `https://shop.example.com/p?x=1&clickId=${CLICK}#top`],
    ["https://shop.example.com/p#a?b=1", `https://shop.example.com/p?clickId=${CLICK}#a?b=1`],
  ])("%s -> %s", (template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it("fills the variables url-encoded: partnerCampaignId, ymCampaignId, the code, the date to milliseconds", () => {
    expect(render("http://shop.example.com/t/{{ymCampaignId}}/?promo={{campaignId}}&pin={{couponCode}}&d={{currentDate}}&again={{campaignId}}")).toBe(
      `http://shop.example.com/t/4321/?promo=77&pin=SUN10&d=2026-01-15T09%3A05%3A07.089&again=77&clickId=${CLICK}`,
    );
  });

  it("encodes characters that would break the link", () => {
    expect(render("https://shop.example.com/?pin={{couponCode}}", "ЛЕТО 10%&x=#y/?")).toBe(
      `https://shop.example.com/?pin=%D0%9B%D0%95%D0%A2%D0%9E%2010%25%26x%3D%23y%2F%3F&clickId=${CLICK}`,
    );
  });

  it("an encoded # or ? in a value does not move the clickId", () => {
    expect(render("https://shop.example.com/{{couponCode}}", "a#b?c")).toBe(`https://shop.example.com/a%23b%3Fc?clickId=${CLICK}`);
  });

  it("{{couponCode}} is empty when no code goes with the offer", () => {
    expect(render("https://shop.example.com/?pin={{couponCode}}", null)).toBe(`https://shop.example.com/?pin=&clickId=${CLICK}`);
  });
});
