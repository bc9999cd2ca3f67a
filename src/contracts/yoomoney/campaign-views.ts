import { z } from "zod";
import { CampaignStatus, CurrencyCode } from "./enums.js";
import { campaignFieldShape } from "./campaign-fields.js";
import { success } from "./envelope.js";
import { CampaignId } from "./scalars.js";

/** campaigns/get: every stored field (defaults filled in), the id, the status and pinEnd. */
export const CampaignView = z
  .object({
    ...campaignFieldShape,
    ymCampaignId: CampaignId,
    campaignStatus: CampaignStatus,
    offerDuration: z.number().int().positive(),
    discountCurrency: CurrencyCode,
    feeCurrency: CurrencyCode,
    campaignFee: z.string().optional(),
    campaignFeeMin: z.string().optional(),
    campaignFeeMax: z.string().optional(),
    pinEnd: z.null().meta({ description: "Date after which the promo code expires; the sandbox sets none" }),
  })
  .meta({ id: "YmCampaign" });
export const GetCampaignResponse = success(CampaignView).meta({ id: "YmGetCampaignResponse" });

/** campaigns/info: statistics. */
export const CampaignInfo = z
  .object({
    ymCampaignId: CampaignId,
    campaignStatus: CampaignStatus,
    campaignAccepts: z.number().int().nonnegative(),
    campaignRedeems: z.number().int().nonnegative(),
    campaignShows: z.number().int().nonnegative(),
    campaignPinsStats: z.object({ unused: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
    campaignRedeemStats: z.object({
      usedCount: z.number().int().nonnegative(),
      approvedCount: z.number().int().nonnegative(),
      declinedCount: z.number().int().nonnegative(),
    }),
  })
  .meta({ id: "YmCampaignInfo" });
export const CampaignInfoResponse = success(CampaignInfo).meta({ id: "YmCampaignInfoResponse" });

/** campaigns/get-all-campaigns: no `result` wrapper. */
export const ListCampaignsRequest = z
  .object({
    limit: z.number().int().min(1).max(100),
    offset: z.number().int().nonnegative(),
  })
  .meta({ id: "YmListCampaignsRequest" });
export const ListCampaignsResponse = z
  .object({
    status: z.literal("success"),
    total: z.number().int().nonnegative(),
    campaigns: z.array(z.object({ ymCampaignId: CampaignId, campaignStatus: CampaignStatus })),
  })
  .meta({ id: "YmListCampaignsResponse" });
