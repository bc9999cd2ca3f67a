import { z } from "zod";
import { CampaignStatus } from "../yoomoney/enums.js";
import { SandboxInstant } from "./scalars.js";

/** `POST /__sandbox/yoomoney/campaigns/{ymCampaignId}/moderation`: the moderator's verdict. */
export const YmModerationRequest = z
  .object({
    decision: z.enum(["approve", "decline"]),
    comment: z.string().max(2000).optional().meta({ description: "The moderator's comment (the email the partner gets)" }),
  })
  .meta({ id: "SandboxYmModerationRequest" });

export const YmModerationResponse = z
  .object({ ymCampaignId: z.number().int(), campaignStatus: CampaignStatus, comment: z.string().nullable() })
  .meta({ id: "SandboxYmModerationResponse" });

/** `POST /__sandbox/yoomoney/campaigns/{ymCampaignId}/offers`: a YooMoney user takes the offer. */
export const YmOfferResponse = z
  .object({
    ymCampaignId: z.number().int(),
    clickId: z.string().meta({ description: "Send it back in campaigns/redeem" }),
    pinContent: z.string().nullable().meta({ description: "The one-off code handed out, the reusable couponCode, or null for promo" }),
    acceptUrl: z.string().nullable().meta({ description: "The campaign's acceptUrl with its {{variables}} filled in and clickId appended" }),
    issuedAt: SandboxInstant,
    expiresAt: SandboxInstant.meta({ description: "issuedAt + offerDuration hours: redeem before then" }),
    campaignStatus: CampaignStatus.meta({ description: "pin-required once the last one-off code is handed out" }),
  })
  .meta({ id: "SandboxYmOfferResponse" });
