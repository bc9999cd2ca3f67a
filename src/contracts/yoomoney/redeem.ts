import { z } from "zod";
import { CurrencyCode, RedeemStatus } from "./enums.js";
import { success } from "./envelope.js";
import { CampaignId, DateTime, Money } from "./scalars.js";

const pinContent = z.string().min(1).max(64);

/** campaigns/redeem (seed 002). The seed's table spells pinContent with a Cyrillic С; both spellings are read. */
export const RedeemRequest = z
  .object({
    ymCampaignId: CampaignId,
    pinContent: pinContent.optional(),
    "pin\u0421ontent": pinContent.optional().meta({ description: "pinContent as seed 002's table spells it (Cyrillic С)" }),
    clickId: z.string().min(1).max(64).optional(),
    transactionId: z.union([z.string().min(1).max(36), z.number().int().nonnegative()]),
    redeemStatus: RedeemStatus.optional().meta({ description: "Default used" }),
    sceneRedeem: z.union([z.string().max(300), z.number()]).optional(),
    redeemTime: DateTime.optional(),
    campaignFee: Money,
    feeCurrency: CurrencyCode.optional(),
    orderAmount: Money.optional(),
    orderCurrency: CurrencyCode.optional(),
    cashbackAmount: Money.optional(),
  })
  .meta({ id: "YmRedeemRequest" });
export type RedeemRequest = z.infer<typeof RedeemRequest>;

export const RedeemResponse = success(
  z.object({ ymCampaignId: CampaignId, transactionId: z.string(), redeemStatus: RedeemStatus }),
).meta({ id: "YmRedeemResponse" });
