import type { CampaignStatus, MerchantKind, RedeemStatus } from "../../contracts/yoomoney/enums.js";
import type { CreateCampaignRequest } from "../../contracts/yoomoney/campaign-fields.js";
import type { PinStore } from "./pin-store.js";

/** The stored campaign data: the create fields with money normalised to strings. */
export type CampaignFields = Omit<CreateCampaignRequest, "campaignFee" | "campaignFeeMin" | "campaignFeeMax"> & {
  campaignFee?: string | undefined;
  campaignFeeMin?: string | undefined;
  campaignFeeMax?: string | undefined;
};

/** An offer a user took: a click id and, for one-off campaigns, the code handed out. */
export interface Offer {
  clickId: string;
  pinIndex: number | null;
  issuedAt: number;
  expiresAt: number;
}

/** A lead reported by campaigns/redeem, keyed by transactionId within its campaign. */
export interface Lead {
  transactionId: string;
  status: RedeemStatus;
  pinIndex: number | null;
  clickId: string | null;
  campaignFee: string;
  feeCurrency: number;
  orderAmount: string | null;
  orderCurrency: number;
  cashbackAmount: string | null;
  sceneRedeem: string | null;
  redeemTime: string | null;
  reportedAt: number;
  updatedAt: number;
}

export interface CampaignTimers {
  start: number | null;
  end: number | null;
  moderation: number | null;
}

export interface Campaign {
  ymCampaignId: number;
  status: CampaignStatus;
  fields: CampaignFields;
  pins: PinStore;
  offers: Map<string, Offer>;
  /** pin index -> clickId of the offer that handed it out */
  offerByPin: Map<number, string>;
  leads: Map<string, Lead>;
  shows: number;
  moderationComment: string | null;
  /** false once the control plane marks the acceptUrl unreachable (research §9: the campaign is suspended). */
  acceptUrlReachable: boolean;
  timers: CampaignTimers;
}

export interface YooMoneyState {
  campaigns: Map<number, Campaign>;
  /** partnerCampaignId -> ymCampaignId */
  byPartnerId: Map<number, number>;
  nextId: number;
  clickIds: Set<string>;
  /** What the partner (the login, i.e. the tenant) is; it decides what approval without campaignStart does. */
  merchantKind: MerchantKind;
}

export const DEFAULT_OFFER_DURATION_HOURS = 336;
export { DEFAULT_MERCHANT_KIND } from "../../contracts/yoomoney/enums.js";
export const RUBLE = 643;
export const AUTO_MODERATION_DELAY_MS = 5 * 60 * 1000;

export function usesOneOffPins(fields: Pick<CampaignFields, "campaignType" | "pinType">): boolean {
  return fields.campaignType !== "promo" && fields.pinType === "one-off";
}
