import type { YmRefusal, YmRefusals } from "../../state/yoomoney/errors.js";
import { textOf, type ErrorTexts } from "../error-texts.js";
import { incorrectData, type YmError } from "./errors.js";

const failFinished = (detail: string): YmError => ({ code: "failFinished", detail });
const failModerator = (detail: string): YmError => ({ code: "failModerator", detail });

/** Each domain refusal as YooMoney answers it: its documented code, the parameter it names and the description. */
const REFUSALS: ErrorTexts<YmRefusals, YmError> = {
  keyMissing: () => incorrectData("ymCampaignId", "ymCampaignId is required (the id campaigns/create returned)"),
  keyMismatch: ({ partnerCampaignId, ymCampaignId }) =>
    incorrectData("partnerCampaignId", `partnerCampaignId ${partnerCampaignId} does not belong to ymCampaignId ${ymCampaignId}`),
  campaignNotFound: ({ ymCampaignId, partnerCampaignId }) => ({
    code: "campaignNotFound",
    detail: `No campaign ${ymCampaignId ?? `with partnerCampaignId ${partnerCampaignId}`} exists for this partner`,
  }),

  repeatCampaign: ({ partnerCampaignId, ymCampaignId }) => ({
    code: "repeatCampaignData",
    detail: `A campaign with partnerCampaignId ${partnerCampaignId} and another discount already exists (ymCampaignId ${ymCampaignId}); use campaigns/update to change it`,
    parameter: "partnerCampaignId",
  }),
  updateNotFound: ({ partnerCampaignId }) => ({
    code: "campaignNotFound",
    detail: `No campaign with partnerCampaignId ${partnerCampaignId} exists for this partner; create it with campaigns/create`,
  }),
  updateFinished: () => failFinished("This campaign is over and can no longer be changed"),
  pinKindLocked: () => incorrectData("pinType", "campaignType and pinType cannot stop being one-off codes once codes were uploaded"),
  unknownCategory: ({ categoryId }) =>
    incorrectData("categoryId", `categoryId ${categoryId} is not in the reference guide; call categories/get for the valid ids`),
  pinTypeRequired: ({ campaignType }) => incorrectData("pinType", `pinType (one-off or reusable) is required when campaignType is ${campaignType}`),
  pinDisplayTypeRequired: ({ campaignType }) =>
    incorrectData("pinDisplayType", `pinDisplayType (text or ean_13) is required when campaignType is ${campaignType}`),
  couponCodeRequired: () => incorrectData("couponCode", "couponCode is required for a campaign with reusable pins"),
  acceptUrlRequired: ({ campaignType }) => incorrectData("acceptUrl", `acceptUrl is required when campaignType is ${campaignType}`),
  acceptUrlNotHttp: () => incorrectData("acceptUrl", "acceptUrl must be an absolute http(s) URL"),
  acceptUrlUnknownVariable: ({ name, allowed }) =>
    incorrectData("acceptUrl", `acceptUrl uses the unknown template variable {{${name}}}; allowed: ${allowed.map((v) => `{{${v}}}`).join(", ")}`),
  percentOutOfRange: () => incorrectData("discountAmount", "discountAmount must be a number above 0 and at most 100 when discountType is percent"),
  fixNotPositive: () => incorrectData("discountAmount", "discountAmount must be a positive number when discountType is fix"),
  dollarNeedsFix: () => incorrectData("discountCurrency", "discountCurrency 840 (US dollar) is allowed only with discountType fix"),
  feeBothForms: () => incorrectData("campaignFee", "give either campaignFee or both campaignFeeMin and campaignFeeMax, not both forms"),
  feeMissing: () => incorrectData("campaignFee", "campaignFee, or both campaignFeeMin and campaignFeeMax, is required"),
  feeRangeHalf: ({ missing }) => incorrectData(missing, "campaignFeeMin and campaignFeeMax go together"),
  feeRangeInverted: () => incorrectData("campaignFeeMin", "campaignFeeMin must not exceed campaignFeeMax"),
  endBeforeStart: () => incorrectData("campaignEnd", "campaignEnd must be later than campaignStart"),
  endInPast: () => incorrectData("campaignEnd", "campaignEnd is already in the past"),

  startAwaitingModeration: () => failModerator("The campaign is awaiting verification by the moderator"),
  startDeclined: () => failModerator("The moderator declined the campaign; fix it with campaigns/update and wait for verification"),
  startFinished: () => failFinished("This campaign is over"),
  startWithoutPins: () => ({
    code: "failPin",
    detail: "This type of campaign cannot be launched without promo codes; upload them with campaigns/add-pins and it starts by itself",
  }),
  stopNotOwner: ({ ymCampaignId }) => ({ code: "failMerchant", detail: `Campaign ${ymCampaignId} belongs to another aggregator or store; only its owner can stop it` }),
  stopDeleted: () => failFinished("The campaign was deleted: it is over and cannot be stopped"),
  stopNotModerated: () => failModerator("The campaign has not passed moderation, so it is not running and cannot be stopped"),

  pinsNotOneOff: () => incorrectData("pinList", "campaigns/add-pins is only for codeOnline or codeOffline campaigns with pinType one-off"),
  pinsFinished: () => failFinished("This campaign is over; it takes no more promo codes"),

  leadOtherPin: ({ transactionId }) => incorrectData("pinContent", `transactionId ${transactionId} was reported with another promo code`),
  leadOtherClick: ({ transactionId }) => incorrectData("clickId", `transactionId ${transactionId} was reported with another clickId`),
  leadTransition: ({ transactionId, from, to }) =>
    incorrectData("redeemStatus", `lead ${transactionId} is ${from} and cannot become ${to}; allowed: used -> approved or declined, approved -> declined`),
  pinAlreadyRedeemed: ({ pinContent }) => incorrectData("pinContent", `promo code ${pinContent} was already redeemed by another transaction`),
  offerExpired: ({ expiresAt, by }) =>
    incorrectData(by, `the offer expired at ${new Date(expiresAt).toISOString()} (offerDuration hours after it was taken)`),
  clickNotIssued: ({ clickId, ymCampaignId }) => incorrectData("clickId", `clickId ${clickId} was not issued for campaign ${ymCampaignId}`),
  clickRequired: ({ campaignKind }) => incorrectData("clickId", `clickId is required for a ${campaignKind} campaign`),
  pinRequired: () => incorrectData("pinContent", "pinContent is required for a campaign with one-off promo codes"),
  notAPin: ({ pinContent, ymCampaignId }) => incorrectData("pinContent", `${pinContent} is not a promo code of campaign ${ymCampaignId}`),
  pinNeverHanded: ({ pinContent }) => incorrectData("pinContent", `promo code ${pinContent} was never handed to a user`),
  clickDidNotHandPin: ({ clickId, pinContent }) => incorrectData("clickId", `clickId ${clickId} did not hand out promo code ${pinContent}`),
};

/** A domain refusal as the error the envelope carries (with the campaign's state when the refusal names one). */
export function refusalError(refusal: YmRefusal): YmError {
  const error = textOf(REFUSALS, refusal);
  return refusal.campaign === undefined ? error : { ...error, campaign: refusal.campaign };
}
