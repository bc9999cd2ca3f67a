import { isKnownCategory } from "./categories.js";
import { incorrectData, type YmError } from "./errors.js";
import type { CampaignFields } from "./model.js";
import { TEMPLATE_VARIABLES } from "./accept-url.js";

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * The rules of campaigns/create that span several fields (research/yoomoney.md §10). campaigns/update
 * applies them to the merged record. Returns the first failure.
 */
export function checkCampaign(fields: CampaignFields, now: number): YmError | undefined {
  if (!isKnownCategory(fields.categoryId)) {
    return incorrectData("categoryId", `categoryId ${fields.categoryId} is not in the reference guide; call categories/get for the valid ids`);
  }
  const isCode = fields.campaignType !== "promo";
  if (isCode && fields.pinType === undefined) {
    return incorrectData("pinType", `pinType (one-off or reusable) is required when campaignType is ${fields.campaignType}`);
  }
  if (isCode && fields.pinDisplayType === undefined) {
    return incorrectData("pinDisplayType", `pinDisplayType (text or ean_13) is required when campaignType is ${fields.campaignType}`);
  }
  if (isCode && fields.pinType === "reusable" && fields.couponCode === undefined) {
    return incorrectData("couponCode", "couponCode is required for a campaign with reusable pins");
  }
  if (fields.campaignType !== "codeOffline" && fields.acceptUrl === undefined) {
    return incorrectData("acceptUrl", `acceptUrl is required when campaignType is ${fields.campaignType}`);
  }
  if (fields.acceptUrl !== undefined) {
    const problem = acceptUrlProblem(fields.acceptUrl);
    if (problem) return incorrectData("acceptUrl", problem);
  }
  const discount = discountProblem(fields);
  if (discount) return discount;
  const fee = feeProblem(fields);
  if (fee) return fee;
  return datesProblem(fields, now);
}

function acceptUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{\{\w*\}\}/g, "x"));
  } catch {
    return "acceptUrl must be an absolute http(s) URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "acceptUrl must be an absolute http(s) URL";
  for (const match of url.matchAll(/\{\{(\w*)\}\}/g)) {
    const name = match[1] ?? "";
    if (!TEMPLATE_VARIABLES.includes(name)) {
      return `acceptUrl uses the unknown template variable {{${name}}}; allowed: ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(", ")}`;
    }
  }
  return undefined;
}

function discountProblem(fields: CampaignFields): YmError | undefined {
  const amount = fields.discountAmount;
  if (fields.discountType === "percent") {
    if (!NUMBER.test(amount) || Number(amount) <= 0 || Number(amount) > 100) {
      return incorrectData("discountAmount", "discountAmount must be a number above 0 and at most 100 when discountType is percent");
    }
  }
  if (fields.discountType === "fix" && (!NUMBER.test(amount) || Number(amount) <= 0)) {
    return incorrectData("discountAmount", "discountAmount must be a positive number when discountType is fix");
  }
  if (fields.discountCurrency === 840 && fields.discountType !== "fix") {
    return incorrectData("discountCurrency", "discountCurrency 840 (US dollar) is allowed only with discountType fix");
  }
  return undefined;
}

function feeProblem(fields: CampaignFields): YmError | undefined {
  const { campaignFee, campaignFeeMin, campaignFeeMax } = fields;
  const range = campaignFeeMin !== undefined || campaignFeeMax !== undefined;
  if (campaignFee !== undefined && range) {
    return incorrectData("campaignFee", "give either campaignFee or both campaignFeeMin and campaignFeeMax, not both forms");
  }
  if (campaignFee === undefined && !range) {
    return incorrectData("campaignFee", "campaignFee, or both campaignFeeMin and campaignFeeMax, is required");
  }
  if (range && (campaignFeeMin === undefined || campaignFeeMax === undefined)) {
    return incorrectData(campaignFeeMin === undefined ? "campaignFeeMin" : "campaignFeeMax", "campaignFeeMin and campaignFeeMax go together");
  }
  if (campaignFeeMin !== undefined && campaignFeeMax !== undefined && Number(campaignFeeMin) > Number(campaignFeeMax)) {
    return incorrectData("campaignFeeMin", "campaignFeeMin must not exceed campaignFeeMax");
  }
  return undefined;
}

function datesProblem(fields: CampaignFields, now: number): YmError | undefined {
  if (fields.campaignEnd === undefined) return undefined;
  const end = Date.parse(fields.campaignEnd);
  if (fields.campaignStart !== undefined && end <= Date.parse(fields.campaignStart)) {
    return incorrectData("campaignEnd", "campaignEnd must be later than campaignStart");
  }
  if (end <= now) return incorrectData("campaignEnd", "campaignEnd is already in the past");
  return undefined;
}
