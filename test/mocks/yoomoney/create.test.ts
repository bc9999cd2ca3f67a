import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import {
  call,
  create,
  createBody,
  incorrect,
  promoBody,
  reusableBody,
  state,
  success,
  TOKEN,
  without,
  ymError,
  type JsonObject,
} from "./helpers.js";

const tooBig = (field: string, max: number) => `${field}: Too big: expected string to have <=${max} characters`;
const invalidOption = (field: string, options: string[]) => `${field}: Invalid option: expected one of ${options.map((o) => `"${o}"`).join("|")}`;
const ALLOWED_VARIABLES = "allowed: {{campaignId}}, {{ymCampaignId}}, {{couponCode}}, {{currentDate}}";
const PERCENT_RULE = "discountAmount must be a number above 0 and at most 100 when discountType is percent";
const FIX_RULE = "discountAmount must be a positive number when discountType is fix";
const HEX = "must be a #HEX colour such as #1e1e1e";
const DOMAIN = "merchantDomain: must be a bare domain without http, www or / (e.g. example.com)";
const MONEY = 'must be a non-negative amount with at most two digits after the dot, e.g. "100" or "99.90"';
const URL_RULE = "acceptUrl must be an absolute http(s) URL";

interface Refusal {
  name: string;
  body: JsonObject;
  parameter: string;
  description: string;
}

/** Every rule of docs/fidelity.md "Create and update validation", one refused body each. */
const REFUSALS: Refusal[] = [
  // campaignType
  { name: "the legacy campaignType code of the docs' own example", body: createBody({ campaignType: "code" }), parameter: "campaignType", description: invalidOption("campaignType", ["codeOnline", "codeOffline", "promo"]) },
  { name: "an unknown campaignType", body: createBody({ campaignType: "banner" }), parameter: "campaignType", description: invalidOption("campaignType", ["codeOnline", "codeOffline", "promo"]) },
  // conditional requirements of code campaigns
  { name: "a code campaign without pinType", body: without(createBody(), "pinType"), parameter: "pinType", description: "pinType (one-off or reusable) is required when campaignType is codeOnline" },
  { name: "a codeOffline campaign without pinType", body: without(createBody({ campaignType: "codeOffline" }), "pinType"), parameter: "pinType", description: "pinType (one-off or reusable) is required when campaignType is codeOffline" },
  { name: "an unknown pinType", body: createBody({ pinType: "multi" }), parameter: "pinType", description: invalidOption("pinType", ["one-off", "reusable"]) },
  { name: "a code campaign without pinDisplayType", body: without(createBody(), "pinDisplayType"), parameter: "pinDisplayType", description: "pinDisplayType (text or ean_13) is required when campaignType is codeOnline" },
  { name: "an unknown pinDisplayType", body: createBody({ pinDisplayType: "qr" }), parameter: "pinDisplayType", description: invalidOption("pinDisplayType", ["text", "ean_13"]) },
  { name: "reusable pins without couponCode", body: without(reusableBody(), "couponCode"), parameter: "couponCode", description: "couponCode is required for a campaign with reusable pins" },
  // acceptUrl
  { name: "a promo campaign without acceptUrl", body: without(promoBody(), "acceptUrl"), parameter: "acceptUrl", description: "acceptUrl is required when campaignType is promo" },
  { name: "a codeOnline campaign without acceptUrl", body: without(createBody(), "acceptUrl"), parameter: "acceptUrl", description: "acceptUrl is required when campaignType is codeOnline" },
  { name: "an ftp acceptUrl", body: createBody({ acceptUrl: "ftp://shop.example.com/promo" }), parameter: "acceptUrl", description: URL_RULE },
  { name: "a relative acceptUrl", body: createBody({ acceptUrl: "/promo?x=1" }), parameter: "acceptUrl", description: URL_RULE },
  { name: "an acceptUrl of 2049 characters", body: createBody({ acceptUrl: `https://shop.example.com/${"a".repeat(2049 - 25)}` }), parameter: "acceptUrl", description: tooBig("acceptUrl", 2048) },
  { name: "an acceptUrl with an unknown template variable", body: createBody({ acceptUrl: "https://shop.example.com/?u={{userId}}&c={{campaignId}}" }), parameter: "acceptUrl", description: `acceptUrl uses the unknown template variable {{userId}}; ${ALLOWED_VARIABLES}` },
  { name: "an acceptUrl with an empty template variable", body: createBody({ acceptUrl: "https://shop.example.com/?u={{}}" }), parameter: "acceptUrl", description: `acceptUrl uses the unknown template variable {{}}; ${ALLOWED_VARIABLES}` },
  // lengths, in characters
  { name: "a description of 91 Cyrillic characters", body: createBody({ description: "Ж".repeat(91) }), parameter: "description", description: tooBig("description", 90) },
  { name: "an empty description", body: createBody({ description: "" }), parameter: "description", description: "description: Too small: expected string to have >=1 characters" },
  { name: "conditions of 513 characters", body: createBody({ conditions: "у".repeat(513) }), parameter: "conditions", description: tooBig("conditions", 512) },
  { name: "a merchantName of 301 characters", body: createBody({ merchantName: "я".repeat(301) }), parameter: "merchantName", description: tooBig("merchantName", 300) },
  { name: "a merchantLogoSvg of 301 characters", body: createBody({ merchantLogoSvg: `https://a.ru/${"l".repeat(288)}` }), parameter: "merchantLogoSvg", description: tooBig("merchantLogoSvg", 300) },
  { name: "a merchantLogoPng of 301 characters", body: createBody({ merchantLogoPng: `https://a.ru/${"l".repeat(288)}` }), parameter: "merchantLogoPng", description: tooBig("merchantLogoPng", 300) },
  { name: "a text discountAmount of 31 characters", body: createBody({ discountType: "text", discountAmount: "П".repeat(31) }), parameter: "discountAmount", description: tooBig("discountAmount", 30) },
  { name: "a campaignFee of 31 characters", body: createBody({ campaignFee: "1".repeat(31) }), parameter: "campaignFee", description: tooBig("campaignFee", 30) },
  { name: "a cashbackType of 31 characters", body: createBody({ cashbackType: "к".repeat(31) }), parameter: "cashbackType", description: tooBig("cashbackType", 30) },
  { name: "a missing required text field", body: without(createBody(), "merchantName"), parameter: "merchantName", description: "merchantName is required" },
  // colours
  { name: "a four-digit colour", body: createBody({ backgroundColor: "#ffff" }), parameter: "backgroundColor", description: `backgroundColor: ${HEX}` },
  { name: "a colour name", body: createBody({ backgroundColor: "red" }), parameter: "backgroundColor", description: `backgroundColor: ${HEX}` },
  { name: "a fontColor with non-hex digits", body: createBody({ fontColor: "#GGG" }), parameter: "fontColor", description: `fontColor: ${HEX}` },
  // merchantDomain
  { name: "a merchantDomain with a scheme", body: createBody({ merchantDomain: "http://shop.example.com" }), parameter: "merchantDomain", description: DOMAIN },
  { name: "a merchantDomain with www.", body: createBody({ merchantDomain: "www.shop.ru" }), parameter: "merchantDomain", description: DOMAIN },
  { name: "a merchantDomain with a /", body: createBody({ merchantDomain: "shop.ru/" }), parameter: "merchantDomain", description: DOMAIN },
  // discount
  { name: "a percent discount of 0", body: createBody({ discountAmount: "0" }), parameter: "discountAmount", description: PERCENT_RULE },
  { name: "a percent discount above 100", body: createBody({ discountAmount: "100.01" }), parameter: "discountAmount", description: PERCENT_RULE },
  { name: "a percent discount that is not a number", body: createBody({ discountAmount: "десять" }), parameter: "discountAmount", description: PERCENT_RULE },
  { name: "a fix discount of 0", body: createBody({ discountType: "fix", discountAmount: "0" }), parameter: "discountAmount", description: FIX_RULE },
  { name: "a negative fix discount", body: createBody({ discountType: "fix", discountAmount: "-5" }), parameter: "discountAmount", description: FIX_RULE },
  { name: "an unknown discountType", body: createBody({ discountType: "bonus" }), parameter: "discountType", description: invalidOption("discountType", ["percent", "fix", "text"]) },
  { name: "discountCurrency 840 with a percent discount", body: createBody({ discountCurrency: 840 }), parameter: "discountCurrency", description: "discountCurrency 840 (US dollar) is allowed only with discountType fix" },
  { name: "discountCurrency 840 with a text discount", body: createBody({ discountType: "text", discountAmount: "Подарок", discountCurrency: 840 }), parameter: "discountCurrency", description: "discountCurrency 840 (US dollar) is allowed only with discountType fix" },
  { name: "a discountCurrency other than 643 and 840", body: createBody({ discountType: "fix", discountAmount: "5", discountCurrency: 978 }), parameter: "discountCurrency", description: "discountCurrency: Invalid input" },
  // fee forms
  { name: "both fee forms", body: createBody({ campaignFeeMin: "1", campaignFeeMax: "2" }), parameter: "campaignFee", description: "give either campaignFee or both campaignFeeMin and campaignFeeMax, not both forms" },
  { name: "no fee at all", body: without(createBody(), "campaignFee"), parameter: "campaignFee", description: "campaignFee, or both campaignFeeMin and campaignFeeMax, is required" },
  { name: "campaignFeeMin without campaignFeeMax", body: without(createBody({ campaignFeeMin: "1" }), "campaignFee"), parameter: "campaignFeeMax", description: "campaignFeeMin and campaignFeeMax go together" },
  { name: "campaignFeeMax without campaignFeeMin", body: without(createBody({ campaignFeeMax: "1" }), "campaignFee"), parameter: "campaignFeeMin", description: "campaignFeeMin and campaignFeeMax go together" },
  { name: "campaignFeeMin above campaignFeeMax", body: without(createBody({ campaignFeeMin: "3", campaignFeeMax: "2.99" }), "campaignFee"), parameter: "campaignFeeMin", description: "campaignFeeMin must not exceed campaignFeeMax" },
  { name: "a fee with three decimals", body: createBody({ campaignFee: "1.999" }), parameter: "campaignFee", description: `campaignFee: ${MONEY}` },
  { name: "a negative numeric fee", body: createBody({ campaignFee: -1 }), parameter: "campaignFee", description: "campaignFee: Too small: expected number to be >=0" },
  { name: "an unknown feeType", body: createBody({ feeType: "cpa" }), parameter: "feeType", description: invalidOption("feeType", ["fix", "percent"]) },
  // supportedPlatforms
  { name: "a platform outside web, ios, android", body: createBody({ supportedPlatforms: "web,tv" }), parameter: "supportedPlatforms", description: "supportedPlatforms: must be a comma-separated subset of web, ios, android" },
  // dates
  { name: "campaignEnd before campaignStart", body: createBody({ campaignStart: "2026-02-01T00:00:00Z", campaignEnd: "2026-01-31T23:59:59Z" }), parameter: "campaignEnd", description: "campaignEnd must be later than campaignStart" },
  { name: "campaignEnd at the same instant as campaignStart (other offset)", body: createBody({ campaignStart: "2026-02-01T00:00:00Z", campaignEnd: "2026-02-01T03:00:00+03:00" }), parameter: "campaignEnd", description: "campaignEnd must be later than campaignStart" },
  { name: "campaignEnd already past", body: createBody({ campaignEnd: "2026-01-15T08:59:59Z" }), parameter: "campaignEnd", description: "campaignEnd is already in the past" },
  { name: "campaignEnd exactly now", body: createBody({ campaignEnd: "2026-01-15T12:00:00+03:00" }), parameter: "campaignEnd", description: "campaignEnd is already in the past" },
  { name: "a campaignStart without an offset", body: createBody({ campaignStart: "2026-02-01T00:00:00" }), parameter: "campaignStart", description: "campaignStart: Invalid ISO datetime" },
  { name: "a campaignStart that is a bare date", body: createBody({ campaignStart: "2026-02-01" }), parameter: "campaignStart", description: "campaignStart: Invalid ISO datetime" },
  // integers
  { name: "a partnerCampaignId sent as a numeric string", body: createBody({ partnerCampaignId: "501" }), parameter: "partnerCampaignId", description: "partnerCampaignId: Invalid input: expected number, received string" },
  { name: "a missing partnerCampaignId", body: without(createBody(), "partnerCampaignId"), parameter: "partnerCampaignId", description: "partnerCampaignId is required" },
  { name: "a categoryId sent as a numeric string", body: createBody({ categoryId: "39" }), parameter: "categoryId", description: "categoryId: Invalid input: expected number, received string" },
  { name: "a categoryId outside categories/get", body: createBody({ categoryId: 38 }), parameter: "categoryId", description: "categoryId 38 is not in the reference guide; call categories/get for the valid ids" },
  { name: "an offerDuration sent as a string", body: createBody({ offerDuration: "24" }), parameter: "offerDuration", description: "offerDuration: Invalid input: expected number, received string" },
  { name: "an offerDuration of 0", body: createBody({ offerDuration: 0 }), parameter: "offerDuration", description: "offerDuration: Too small: expected number to be >0" },
  { name: "a fractional offerDuration", body: createBody({ offerDuration: 1.5 }), parameter: "offerDuration", description: "offerDuration: Invalid input: expected int, received number" },
];

/** Boundary values each rule must still accept. */
const ACCEPTED: Array<{ name: string; body: JsonObject }> = [
  { name: "a description of exactly 90 Cyrillic characters", body: createBody({ description: "Ж".repeat(90) }) },
  { name: "conditions of 512 characters (not get's 350)", body: createBody({ conditions: "у".repeat(512) }) },
  { name: "a merchantName of 300 characters", body: createBody({ merchantName: "я".repeat(300) }) },
  { name: "a text discountAmount of 30 Cyrillic characters", body: createBody({ discountType: "text", discountAmount: "П".repeat(30) }) },
  { name: "an acceptUrl of exactly 2048 characters", body: createBody({ acceptUrl: `https://shop.example.com/${"a".repeat(2048 - 25)}` }) },
  { name: "an acceptUrl using every template variable", body: createBody({ acceptUrl: "http://shop.example.com/t/{{ymCampaignId}}?promo={{campaignId}}&pin={{couponCode}}&d={{currentDate}}" }) },
  { name: "a white background (lightness is a moderation matter)", body: createBody({ backgroundColor: "#ffffff", fontColor: "#FFF" }) },
  { name: "a codeOffline campaign without acceptUrl", body: without(createBody({ campaignType: "codeOffline" }), "acceptUrl") },
  { name: "a promo campaign without pinType and pinDisplayType", body: promoBody() },
  { name: "a percent discount of exactly 100", body: createBody({ discountAmount: "100" }) },
  { name: "a fractional percent discount", body: createBody({ discountAmount: "12.5" }) },
  { name: "a fix discount in US dollars", body: createBody({ discountType: "fix", discountAmount: "5", discountCurrency: 840 }) },
  { name: "a text discount", body: createBody({ discountType: "text", discountAmount: "Подарок" }) },
  { name: "campaignFeeMin equal to campaignFeeMax", body: without(createBody({ campaignFeeMin: "2", campaignFeeMax: "2.00" }), "campaignFee") },
  { name: "feeType percent", body: createBody({ feeType: "percent" }) },
  { name: "every platform", body: createBody({ supportedPlatforms: "web,ios,android" }) },
  { name: "a campaignStart in the past with campaignEnd in the future", body: createBody({ campaignStart: "2026-01-01T00:00:00Z", campaignEnd: "2026-01-15T09:00:01Z" }) },
  { name: "partnerCampaignId 0", body: createBody({ partnerCampaignId: 0 }) },
];

describe("campaigns/create", () => {
  it("answers the new campaign in moderation; ids are consecutive per tenant from a 4-5 digit start", async () => {
    const { app } = makeSandbox();
    const first = await call(app, TOKEN, "campaigns/create", createBody());
    expect(first.status).toBe(200);
    const id: number = first.body.result.ymCampaignId;
    expect(String(id)).toMatch(/^\d{4,5}$/);
    expect(first.body).toEqual(success(state(id, "moderation")));

    const second = await call(app, TOKEN, "campaigns/create", createBody({ partnerCampaignId: 502 }));
    expect(second.body).toEqual(success(state(id + 1, "moderation")));
    const list = await call(app, TOKEN, "campaigns/get-all-campaigns", { limit: 10, offset: 0 });
    expect(list.body).toEqual({ status: "success", total: 2, campaigns: [state(id, "moderation"), state(id + 1, "moderation")] });
  });

  it.each(REFUSALS)("refuses $name with incorrectData naming the field, and stores nothing", async ({ body, parameter, description }) => {
    const { app } = makeSandbox();
    const res = await call(app, TOKEN, "campaigns/create", body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(incorrect(parameter, description));
    const list = await call(app, TOKEN, "campaigns/get-all-campaigns", { limit: 100, offset: 0 });
    expect(list.body).toEqual({ status: "success", total: 0, campaigns: [] });
  });

  it.each(ACCEPTED)("accepts $name", async ({ body }) => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, body);
    const got = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    expect(got.body.status).toBe("success");
    for (const [key, value] of Object.entries(body)) expect(got.body.result[key], key).toEqual(value);
  });

  it("stores money as the string form of what was sent and echoes date-times exactly", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {
      campaignFee: 99.9,
      campaignStart: "2026-02-01T12:00:00+03:30",
      campaignEnd: "2026-03-01T00:00:00.500Z",
    });
    const other = await create(app, {}, TOKEN, without(createBody({ partnerCampaignId: 502, campaignFeeMin: 10, campaignFeeMax: "99.90" }), "campaignFee"));
    const defaults = { campaignStatus: "moderation", offerDuration: 336, discountCurrency: 643, feeCurrency: 643, pinEnd: null };
    const got = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    expect(got.body).toEqual(
      success({
        ymCampaignId: id,
        ...createBody({ campaignFee: "99.9", campaignStart: "2026-02-01T12:00:00+03:30", campaignEnd: "2026-03-01T00:00:00.500Z" }),
        ...defaults,
      }),
    );
    const range = await call(app, TOKEN, "campaigns/get", { ymCampaignId: other });
    expect(range.body).toEqual(
      success({ ymCampaignId: other, ...without(createBody({ partnerCampaignId: 502 }), "campaignFee"), campaignFeeMin: "10", campaignFeeMax: "99.90", ...defaults }),
    );
  });

  it("repeating a create with the same partnerCampaignId and discount answers the existing campaign unchanged", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    await call(app, TOKEN, "campaigns/stop", { ymCampaignId: id });
    const before = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });

    // Same discount triple (643 is the default currency), every other field different.
    const again = await call(app, TOKEN, "campaigns/create", createBody({ merchantName: "Другой", campaignFee: "1", discountCurrency: 643 }));
    expect(again.body).toEqual(success(state(id, "moderation")));
    const after = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    expect(after.body).toEqual(before.body);
    const list = await call(app, TOKEN, "campaigns/get-all-campaigns", { limit: 10, offset: 0 });
    expect(list.body.total).toBe(1);
  });

  it("the same partnerCampaignId with another discount is repeatCampaignData with the existing campaign", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    const before = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    const discounts: JsonObject[] = [{ discountAmount: "15" }, { discountType: "fix", discountAmount: "10" }, { discountType: "fix", discountAmount: "10", discountCurrency: 840 }];
    for (const discount of discounts) {
      const res = await call(app, TOKEN, "campaigns/create", createBody(discount));
      expect(res.body).toEqual(
        ymError(
          "repeatCampaignData",
          `A campaign with partnerCampaignId 501 and another discount already exists (ymCampaignId ${id}); use campaigns/update to change it`,
          { parameter: "partnerCampaignId", result: state(id, "moderation") },
        ),
      );
    }
    expect((await call(app, TOKEN, "campaigns/get", { ymCampaignId: id })).body).toEqual(before.body);
  });

  it("ignores unknown keys (offerEnd included) and does not echo them", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, createBody({ offerEnd: "2026-02-01T00:00:00Z", somethingNew: { nested: [1, 2] } }));
    const got = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    expect(got.body.result).not.toHaveProperty("offerEnd");
    expect(got.body.result).not.toHaveProperty("somethingNew");
  });

  it("a __proto__ key in the body pollutes nothing and the campaign is stored as sent", async () => {
    const { app } = makeSandbox();
    const raw = `{"__proto__":{"polluted":"yes","campaignType":"promo"},"constructor":{"prototype":{"polluted2":"yes"}},${JSON.stringify(createBody()).slice(1)}`;
    const res = await call(app, TOKEN, "campaigns/create").set("Content-Type", "application/json").send(raw);
    expect(res.status).toBe(200);
    const id: number = res.body.result.ymCampaignId;
    expect(res.body).toEqual(success(state(id, "moderation")));
    const plain: JsonObject = {};
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(Object.prototype).not.toHaveProperty("polluted2");
    expect(plain["polluted"]).toBeUndefined();
    const got = await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    expect(got.body.result).toMatchObject({ campaignType: "codeOnline", pinType: "one-off" });
    expect(Object.keys(got.body.result)).not.toContain("polluted");
    expect(Object.getPrototypeOf(got.body.result)).toBe(Object.prototype);
  });
});
