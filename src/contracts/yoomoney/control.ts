import { z } from "zod";
import { jsonResponse } from "../http/responses.js";
import { controlTable } from "../sandbox/control-table.js";
import { controlError } from "../sandbox/error.js";
import { SandboxInstant } from "../sandbox/scalars.js";
import { CampaignStatus, CampaignType, MerchantKind, PinType } from "./enums.js";

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

/** `GET`/`PUT /__sandbox/yoomoney/merchant`: whether the caller's login is a store or an aggregator. */
export const YmMerchant = z
  .object({
    kind: MerchantKind.meta({
      description:
        "store (the default): without campaignStart an approved campaign waits in verified for campaigns/start; aggregator: it starts at once",
    }),
  })
  .meta({ id: "SandboxYmMerchant" });

/** `PUT /__sandbox/yoomoney/campaigns/{ymCampaignId}/accept-url`: whether YooMoney can reach the campaign's acceptUrl. */
export const YmAcceptUrlRequest = z
  .object({
    reachable: z.boolean().meta({
      description: "false: the link fails; a started campaign is suspended (paused) at once, and again when a user follows it after a restart. true: it works again",
    }),
  })
  .meta({ id: "SandboxYmAcceptUrlRequest" });

export const YmAcceptUrlResponse = z
  .object({
    ymCampaignId: z.number().int(),
    acceptUrl: z.string().meta({ description: "The campaign's acceptUrl template, as stored" }),
    reachable: z.boolean(),
    campaignStatus: CampaignStatus.meta({ description: "paused when marking the link unreachable suspended a started campaign" }),
  })
  .meta({ id: "SandboxYmAcceptUrlResponse" });

/** `GET /__sandbox/yoomoney/campaigns`: every campaign of the tenant, read-only (the web console's YooMoney panel). */
export const YmCampaignOverview = z
  .object({
    ymCampaignId: z.number().int(),
    partnerCampaignId: z.number().int(),
    status: CampaignStatus,
    campaignType: CampaignType,
    pinType: PinType.nullable().meta({ description: "null for promo campaigns" }),
    merchantName: z.string(),
    description: z.string(),
    campaignStart: z.string().nullable().meta({ description: "As campaigns/create or update sent it, or null" }),
    campaignEnd: z.string().nullable().meta({ description: "As campaigns/create or update sent it, or null" }),
    pins: z
      .object({ total: z.number().int(), unused: z.number().int(), accepted: z.number().int(), redeemed: z.number().int() })
      .meta({ description: "One-off codes: uploaded, not yet handed out, handed out to users, redeemed" }),
    offers: z.number().int().meta({ description: "Offers users took (clickIds issued)" }),
    leads: z.number().int().meta({ description: "Leads campaigns/redeem reported" }),
    moderationComment: z.string().nullable(),
  })
  .meta({ id: "SandboxYmCampaignOverview" });

export const YmCampaignsOverview = z
  .object({ campaigns: z.array(YmCampaignOverview).meta({ description: "By ymCampaignId" }) })
  .meta({ id: "SandboxYmCampaignsOverview" });

const YmCampaignPath = z.object({
  ymCampaignId: z.int().positive().meta({ description: "The ymCampaignId campaigns/create returned" }),
});

const notFound = controlError("campaign_not_found: the tenant has no such campaign");

/** The YooMoney side the real API has no call for (under /__sandbox): the moderator, users taking offers, the partner's kind (store or aggregator) and whether its links can be reached. */
export const YM_CONTROL = controlTable({
  tags: [{ name: "yoomoney", description: "The YooMoney side the real API has no call for" }],
  routes: {
    listYooMoneyCampaigns: {
      method: "GET",
      path: "/yoomoney/campaigns",
      tag: "yoomoney",
      summary: "Every YooMoney campaign of the tenant with its status, pin counts, offers and leads: a read that is not journaled and costs no rate limit (the web console's view)",
      responses: { 200: jsonResponse("The campaigns", YmCampaignsOverview) },
    },
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
        409: controlError(
          "campaign_not_started: users can take offers only while the campaign is started; or accept_url_unreachable: the campaign's acceptUrl is marked unreachable, the user got an error and the campaign is suspended (paused)",
        ),
      },
    },
    getYooMoneyMerchant: {
      method: "GET",
      path: "/yoomoney/merchant",
      tag: "yoomoney",
      summary: "Whether the caller's login (the tenant) is a store (the default) or an aggregator",
      responses: { 200: jsonResponse("The partner's kind", YmMerchant) },
    },
    putYooMoneyMerchant: {
      method: "PUT",
      path: "/yoomoney/merchant",
      tag: "yoomoney",
      summary:
        "Makes the caller's login (the tenant) a store or an aggregator; it decides what approval without campaignStart does from then on (campaigns already approved keep their status)",
      body: YmMerchant,
      responses: {
        200: jsonResponse("The partner's kind now", YmMerchant),
        400: controlError('malformed_json, or invalid_request: send {"kind": "store" | "aggregator"}'),
      },
    },
    markYooMoneyAcceptUrl: {
      method: "PUT",
      path: "/yoomoney/campaigns/{ymCampaignId}/accept-url",
      tag: "yoomoney",
      summary:
        "Marks a campaign's acceptUrl unreachable (a started campaign is suspended: paused) or reachable again (the partner restarts it with campaigns/start)",
      params: YmCampaignPath,
      body: YmAcceptUrlRequest,
      responses: {
        200: jsonResponse("The campaign's link and status after the change", YmAcceptUrlResponse),
        400: controlError('malformed_json, or invalid_request: send {"reachable": true | false}'),
        404: notFound,
        409: controlError("no_accept_url: the campaign has no acceptUrl (a codeOffline campaign without a link)"),
      },
    },
  },
});
