import { z } from "zod";
import { jsonResponse } from "../http/responses.js";
import { controlTable } from "../sandbox/control-table.js";
import { controlError } from "../sandbox/error.js";
import { SandboxInstant } from "../sandbox/scalars.js";
import { CampaignStatus } from "./enums.js";

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

const YmCampaignPath = z.object({
  ymCampaignId: z.int().positive().meta({ description: "The ymCampaignId campaigns/create returned" }),
});

const notFound = controlError("campaign_not_found: the tenant has no such campaign");

/** The YooMoney side the real API has no call for (under /__sandbox): the moderator, and users taking offers. */
export const YM_CONTROL = controlTable({
  tags: [{ name: "yoomoney", description: "The YooMoney side the real API has no call for" }],
  routes: {
    moderateYooMoneyCampaign: {
      method: "POST",
      path: "/yoomoney/campaigns/{ymCampaignId}/moderation",
      tag: "yoomoney",
      summary: "The moderator's verdict on a campaign in moderation: approve (verified) or decline (declined)",
      params: YmCampaignPath,
      body: YmModerationRequest,
      responses: {
        200: jsonResponse("The campaign after the verdict", YmModerationResponse),
        400: controlError("malformed_json, or invalid_request: decision must be approve or decline"),
        404: notFound,
        409: controlError("not_in_moderation: the campaign is not in moderation"),
      },
    },
    takeYooMoneyOffer: {
      method: "POST",
      path: "/yoomoney/campaigns/{ymCampaignId}/offers",
      tag: "yoomoney",
      summary: "A YooMoney user takes the offer of a started campaign; hands out a one-off code",
      params: YmCampaignPath,
      responses: {
        201: jsonResponse("The offer the user took", YmOfferResponse),
        404: notFound,
        409: controlError("campaign_not_started: users can take offers only while the campaign is started"),
      },
    },
  },
});
