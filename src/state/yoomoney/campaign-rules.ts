import { isKnownCategory } from "./categories.js";
import type { YmRefusal } from "./errors.js";
import type { CampaignFields } from "./model.js";
import { TEMPLATE_VARIABLES } from "./accept-url.js";

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * The rules of campaigns/create that span several fields (research/yoomoney.md §10). campaigns/update
 * applies them to the merged record. Returns the first failure.
 */
export function checkCampaign(fields: CampaignFields, now: number): YmRefusal | undefined {
  if (!isKnownCategory(fields.categoryId)) return { kind: "unknownCategory", categoryId: fields.categoryId };
  const isCode = fields.campaignType !== "promo";
  if (isCode && fields.pinType === undefined) return { kind: "pinTypeRequired", campaignType: fields.campaignType };
  if (isCode && fields.pinDisplayType === undefined) return { kind: "pinDisplayTypeRequired", campaignType: fields.campaignType };
  if (isCode && fields.pinType === "reusable" && fields.couponCode === undefined) return { kind: "couponCodeRequired" };
  if (fields.campaignType !== "codeOffline" && fields.acceptUrl === undefined) return { kind: "acceptUrlRequired", campaignType: fields.campaignType };
  if (fields.acceptUrl !== undefined) {
    const problem = acceptUrlProblem(fields.acceptUrl);
    if (problem) return problem;
  }
  const discount = discountProblem(fields);
  if (discount) return discount;
  const fee = feeProblem(fields);
  if (fee) return fee;
  return datesProblem(fields, now);
}

function acceptUrlProblem(url: string): YmRefusal | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{\{\w*\}\}/g, "x"));
  } catch {
    return { kind: "acceptUrlNotHttp" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { kind: "acceptUrlNotHttp" };
  for (const match of url.matchAll(/\{\{(\w*)\}\}/g)) {
    const name = match[1] ?? "";
    if (!TEMPLATE_VARIABLES.includes(name)) return { kind: "acceptUrlUnknownVariable", name, allowed: TEMPLATE_VARIABLES };
  }
  return undefined;
}

function discountProblem(fields: CampaignFields): YmRefusal | undefined {
  const amount = fields.discountAmount;
  if (fields.discountType === "percent") {
    if (!NUMBER.test(amount) || Number(amount) <= 0 || Number(amount) > 100) return { kind: "percentOutOfRange" };
  }
  if (fields.discountType === "fix" && (!NUMBER.test(amount) || Number(amount) <= 0)) return { kind: "fixNotPositive" };
  if (fields.discountCurrency === 840 && fields.discountType !== "fix") return { kind: "dollarNeedsFix" };
  return undefined;
}

function feeProblem(fields: CampaignFields): YmRefusal | undefined {
  const { campaignFee, campaignFeeMin, campaignFeeMax } = fields;
  const range = campaignFeeMin !== undefined || campaignFeeMax !== undefined;
  if (campaignFee !== undefined && range) return { kind: "feeBothForms" };
  if (campaignFee === undefined && !range) return { kind: "feeMissing" };
  if (range && (campaignFeeMin === undefined || campaignFeeMax === undefined)) {
    return { kind: "feeRangeHalf", missing: campaignFeeMin === undefined ? "campaignFeeMin" : "campaignFeeMax" };
  }
  if (campaignFeeMin !== undefined && campaignFeeMax !== undefined && Number(campaignFeeMin) > Number(campaignFeeMax)) return { kind: "feeRangeInverted" };
  return undefined;
}

function datesProblem(fields: CampaignFields, now: number): YmRefusal | undefined {
  if (fields.campaignEnd === undefined) return undefined;
  const end = Date.parse(fields.campaignEnd);
  if (fields.campaignStart !== undefined && end <= Date.parse(fields.campaignStart)) {
    return { kind: "endBeforeStart" };
  }
  if (end <= now) return { kind: "endInPast" };
  return undefined;
}
