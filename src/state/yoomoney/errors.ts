import type { CampaignStatus, RedeemStatus } from "../../contracts/yoomoney/enums.js";
import type { ErrorOf, NoFields } from "../kernel/result.js";
import type { CampaignFields } from "./model.js";

type CampaignType = CampaignFields["campaignType"];

/**
 * Why a YooMoney call is refused, with the values its description needs. The mocks give each its
 * documented error code, the parameter it names and the text (src/mocks/yoomoney/refusals.ts).
 */
export interface YmRefusals {
  // Which campaign a call names (campaign-key.ts).
  keyMissing: NoFields;
  keyMismatch: { partnerCampaignId: number; ymCampaignId: number };
  campaignNotFound: { ymCampaignId: number | undefined; partnerCampaignId: number | undefined };
  // campaigns/create and campaigns/update (campaigns.ts, campaign-rules.ts).
  repeatCampaign: { partnerCampaignId: number; ymCampaignId: number };
  updateNotFound: { partnerCampaignId: number };
  updateFinished: NoFields;
  pinKindLocked: NoFields;
  unknownCategory: { categoryId: number };
  pinTypeRequired: { campaignType: CampaignType };
  pinDisplayTypeRequired: { campaignType: CampaignType };
  couponCodeRequired: NoFields;
  acceptUrlRequired: { campaignType: CampaignType };
  acceptUrlNotHttp: NoFields;
  acceptUrlUnknownVariable: { name: string; allowed: readonly string[] };
  percentOutOfRange: NoFields;
  fixNotPositive: NoFields;
  dollarNeedsFix: NoFields;
  feeBothForms: NoFields;
  feeMissing: NoFields;
  feeRangeHalf: { missing: "campaignFeeMin" | "campaignFeeMax" };
  feeRangeInverted: NoFields;
  endBeforeStart: NoFields;
  endInPast: NoFields;
  // campaigns/start and campaigns/stop.
  startAwaitingModeration: NoFields;
  startDeclined: NoFields;
  startFinished: NoFields;
  startWithoutPins: NoFields;
  stopNotOwner: { ymCampaignId: number };
  stopDeleted: NoFields;
  stopNotModerated: NoFields;
  // campaigns/add-pins (pins.ts).
  pinsNotOneOff: NoFields;
  pinsFinished: NoFields;
  // campaigns/redeem (leads.ts).
  leadOtherPin: { transactionId: string };
  leadOtherClick: { transactionId: string };
  leadTransition: { transactionId: string; from: RedeemStatus; to: RedeemStatus };
  pinAlreadyRedeemed: { pinContent: string };
  offerExpired: { expiresAt: number; by: "pinContent" | "clickId" };
  clickNotIssued: { clickId: string; ymCampaignId: number };
  clickRequired: { campaignKind: "promo" | "reusable-code" };
  pinRequired: NoFields;
  notAPin: { pinContent: string; ymCampaignId: number };
  pinNeverHanded: { pinContent: string };
  clickDidNotHandPin: { clickId: string; pinContent: string };
}

/** The campaign a refusal is about, as the answer's `result` shows it. */
export interface RefusedCampaign {
  ymCampaignId: number;
  campaignStatus: CampaignStatus;
}

/** A YooMoney business refusal: what failed (a typed code with its values) and the campaign's state if any. */
export type YmRefusal = ErrorOf<YmRefusals> & { campaign?: RefusedCampaign };

/** `refusal` about `campaign`. */
export function about<R extends YmRefusal>(refusal: R, campaign: RefusedCampaign): R {
  return { ...refusal, campaign };
}
