import { z } from "zod";

/** YooMoney offer-program enumerations (research/yoomoney.md §6). */
export const CampaignType = z.enum(["codeOnline", "codeOffline", "promo"]).meta({ id: "YmCampaignType" });
export const PinType = z.enum(["one-off", "reusable"]).meta({ id: "YmPinType" });
export const PinDisplayType = z.enum(["text", "ean_13"]).meta({ id: "YmPinDisplayType" });
export const DiscountType = z.enum(["percent", "fix", "text"]).meta({ id: "YmDiscountType" });
export const FeeType = z.enum(["fix", "percent"]).meta({ id: "YmFeeType" });
export const CampaignStatus = z
  .enum(["created", "moderation", "verified", "declined", "pin-required", "started", "paused", "finished"])
  .meta({ id: "YmCampaignStatus" });
export const PinStatus = z.enum(["new_unused", "accepted_by_user", "redeem_received"]).meta({ id: "YmPinStatus" });
export const RedeemStatus = z.enum(["used", "approved", "declined"]).meta({ id: "YmRedeemStatus" });
/**
 * What the partner is (research/yoomoney.md §1, §7): a store, or an aggregator sending several stores'
 * discounts. Without campaignStart an aggregator's approved campaign starts at once; a store's waits in
 * verified for campaigns/start.
 */
export const MerchantKind = z.enum(["store", "aggregator"]).meta({ id: "YmMerchantKind" });
/** ISO 4217 numeric: 643 Russian ruble (default), 840 US dollar. */
export const CurrencyCode = z.union([z.literal(643), z.literal(840)]).meta({ id: "YmCurrencyCode" });

export type CampaignType = z.infer<typeof CampaignType>;
export type PinType = z.infer<typeof PinType>;
export type CampaignStatus = z.infer<typeof CampaignStatus>;
export type PinStatus = z.infer<typeof PinStatus>;
export type RedeemStatus = z.infer<typeof RedeemStatus>;
export type MerchantKind = z.infer<typeof MerchantKind>;
/** Every partner is a store until the control plane says otherwise (what the sandbox did before kinds existed). */
export const DEFAULT_MERCHANT_KIND: MerchantKind = "store";
