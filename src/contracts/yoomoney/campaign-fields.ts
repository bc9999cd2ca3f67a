import { z } from "zod";
import { CampaignType, CurrencyCode, DiscountType, FeeType, PinDisplayType, PinType } from "./enums.js";
import { DateTime, HexColor, Money, PartnerCampaignId } from "./scalars.js";

const text = (max: number) => z.string().min(1).max(max);

/**
 * The fields of campaigns/create (seed 001). Conditional rules (pinType for code campaigns, acceptUrl for
 * promo and codeOnline, couponCode for reusable pins, one fee form) are checked by the domain, because
 * campaigns/update must apply them to the merged record.
 */
export const campaignFieldShape = {
  partnerCampaignId: PartnerCampaignId,
  categoryId: z.number().int().positive().meta({ description: "A categoryId from categories/get" }),
  campaignType: CampaignType,
  campaignStart: DateTime.optional(),
  campaignEnd: DateTime.optional(),
  offerDuration: z
    .number()
    .int()
    .positive()
    .max(87_600)
    .optional()
    .meta({ description: "Hours a saved offer stays redeemable; default 336 (two weeks)" }),
  pinType: PinType.optional(),
  pinDisplayType: PinDisplayType.optional(),
  couponCode: z.string().min(1).max(64).optional().meta({ description: "The reusable promo code" }),
  acceptUrl: z
    .string()
    .max(2048)
    .optional()
    .meta({ description: "Absolute http(s) URL; may use {{campaignId}}, {{ymCampaignId}}, {{couponCode}}, {{currentDate}}" }),
  merchantDomain: z
    .string()
    .max(300)
    // Case-insensitive through the character classes, not a flag: OpenAPI patterns carry no flags.
    .regex(/^(?![wW]{3}\.)[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*\.[a-zA-Z]{2,}$/, {
      message: "must be a bare domain without http, www or / (e.g. example.com)",
    }),
  merchantLogoSvg: text(300),
  merchantLogoPng: text(300),
  merchantName: text(300),
  backgroundColor: HexColor,
  backgroundImage: z.string().max(300).optional(),
  fontColor: HexColor,
  description: text(90),
  conditions: text(512),
  discountType: DiscountType,
  discountAmount: text(30),
  discountCurrency: CurrencyCode.optional(),
  campaignFee: Money.optional(),
  campaignFeeMin: Money.optional(),
  campaignFeeMax: Money.optional(),
  feeType: FeeType,
  feeCurrency: CurrencyCode.optional(),
  supportedPlatforms: z
    .string()
    .max(300)
    .regex(/^(web|ios|android)(,(web|ios|android))*$/, {
      message: "must be a comma-separated subset of web, ios, android",
    })
    .optional(),
  cashbackType: z.string().max(30).optional(),
  cashbackConfirmTime: z.number().int().nonnegative().optional().meta({ description: "Days" }),
};

export const CreateCampaignRequest = z.object(campaignFieldShape).meta({ id: "YmCreateCampaignRequest" });
export type CreateCampaignRequest = z.infer<typeof CreateCampaignRequest>;

/** campaigns/update: only partnerCampaignId is required; the fields sent replace the stored ones. */
export const UpdateCampaignRequest = z
  .object(campaignFieldShape)
  .partial()
  .required({ partnerCampaignId: true })
  .meta({ id: "YmUpdateCampaignRequest" });
export type UpdateCampaignRequest = z.infer<typeof UpdateCampaignRequest>;
