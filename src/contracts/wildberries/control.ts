import { z } from "zod";
import { jsonResponse } from "../http/responses.js";
import { controlTable } from "../sandbox/control-table.js";
import { controlError } from "../sandbox/error.js";
import { SandboxInstant } from "../sandbox/scalars.js";

/** At most this many rubles per field per top-up (keeps every sum a safe integer). */
export const WB_TOP_UP_MAX = 1_000_000_000_000;

const amount = (description: string) => z.number().int().min(0).max(WB_TOP_UP_MAX).optional().meta({ description });

/** `POST /__sandbox/wildberries/balance`: money added to the seller (at least one field). */
export const WbMoneyTopUpRequest = z
  .object({
    balance: amount("Rubles added to the account (счёт); a positive amount is also a payment in GET /adv/v1/payments"),
    net: amount("Rubles added to the balance (баланс, settled from future sales)"),
    bonus: amount("Rubles added to the bonuses"),
  })
  .refine((b) => b.balance !== undefined || b.net !== undefined || b.bonus !== undefined, { message: "send at least one of balance, net, bonus" })
  .meta({ id: "SandboxWbMoneyTopUpRequest" });

/** The seller's money after the top-up, as GET /adv/v1/balance shows it. */
export const WbMoneyTopUpResponse = z
  .object({ balance: z.number().int(), net: z.number().int(), bonus: z.number().int() })
  .meta({ id: "SandboxWbMoneyResponse" });

/** `POST /__sandbox/wildberries/campaigns/{advertId}/moderation`: the moderator declines a promotion campaign. */
export const WbModerationRequest = z
  .object({
    decision: z.literal("decline").meta({ description: "Only decline exists: Wildberries has no approval step the seller waits for" }),
  })
  .meta({ id: "SandboxWbModerationRequest" });

export const WbModerationResponse = z
  .object({
    advertId: z.number().int(),
    status: z.literal(8).meta({ description: "8: declined" }),
  })
  .meta({ id: "SandboxWbModerationResponse" });

/** `{advertId}` of the control-plane campaign routes. */
export const WbAdvertIdPath = z.object({
  advertId: z.int().positive().meta({ description: "The campaign id save-ad or seacat/save-ad returned" }),
});

/** `{advertId}` of the control-plane media campaign routes. */
export const WbMediaIdPath = z.object({
  advertId: z.int().positive().meta({ description: "The media campaign id POST /__sandbox/wildberries/media-campaigns returned" }),
});

const MediaItemInput = z.object({
  name: z.string().min(1).max(128).meta({ description: "The banner's name (brand) as items[].name shows it" }),
  cpm: z.number().int().positive().meta({ description: "Bid, whole rubles: per 1000 views (type 2) or the day rate (type 1)" }),
  budget: z.number().int().min(0).optional().meta({ description: "The banner's budget as items[].budget shows it (default 0)" }),
  daily_limit: z.number().int().min(0).optional().meta({ description: "Type 2: rubles the banner may spend a Moscow day; 0 (default) no limit" }),
  place: z.number().int().positive().optional().meta({ description: "Position on the page (default 1)" }),
  advert_type: z.number().int().min(1).max(5).optional().meta({ description: "1 banner (default), 2 menu, 3 mailing, 4 social networks, 5 push" }),
  category_name: z.string().min(1).max(128).optional().meta({ description: "Placement category (default Главная)" }),
  // The creative (research §5.18), shown by GET /adv/v1/advert under the same names.
  url: z.url({ protocol: /^https?$/ }).max(2048).optional().meta({ description: "Where a click leads (default: the product page of the banner's first nm)" }),
  bottomText1: z.string().max(256).optional().meta({ description: "Text under the banner (default empty)" }),
  bottomText2: z.string().max(256).optional().meta({ description: "Second line under the banner (default empty)" }),
  message: z.string().max(1024).optional().meta({ description: "Text of a push notification or mailing (default empty)" }),
  additionalSettings: z.number().int().min(0).max(3).optional().meta({ description: "Mailing format 1 common, 2 partial, 3 unique; social network 1 VKontakte, 2 OK (default 0)" }),
  receiversCount: z.number().int().min(0).optional().meta({ description: "Recipients of a push notification (default 0)" }),
  action_name: z.string().max(256).optional().meta({ description: "The promotion (sale) the banner belongs to (default empty)" }),
  show_hours: z
    .array(z.object({ From: z.number().int().min(0).max(23), To: z.number().int().min(1).max(24) }).refine((h) => h.From < h.To, { message: "From must be before To" }))
    .max(24)
    .optional()
    .meta({ description: "Hours of the day the banner is shown, [{From, To}] (default []: every hour; shown as set, the traffic simulation does not follow it)" }),
  Erid: z.string().min(1).max(64).optional().meta({ description: "The advertising label id for the ad registry (default: one derived from the banner id)" }),
});

/** `POST /__sandbox/wildberries/media-campaigns`: a media campaign (the API has no create call). */
export const WbMediaCreateRequest = z
  .object({
    name: z.string().min(1).max(128),
    brand: z.string().min(1).max(128),
    type: z.union([z.literal(1), z.literal(2)]).meta({ description: "1 placement by days, 2 by views" }),
    status: z.number().int().min(1).max(11).optional().meta({ description: "Status to start in (default 6 running); 5 needs a future `from`" }),
    budget: z.number().int().min(0).optional().meta({ description: "Type 2: the budget views are paid from (default: the sum of the banners' budgets)" }),
    from: z.iso.datetime({ offset: true }).optional().meta({ description: "Start of the placement (default now)" }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: "End of the placement (default open-ended, shown as 2100-01-01)" }),
    items: z.array(MediaItemInput).max(100).optional().meta({ description: "Banners (default none)" }),
  })
  .meta({ id: "SandboxWbMediaCreateRequest" });
export type WbMediaCreateRequest = z.infer<typeof WbMediaCreateRequest>;

export const WbMediaCreateResponse = z
  .object({
    advertId: z.number().int().meta({ description: "The new media campaign's ID (GET /adv/v1/advert?id=)" }),
    itemIds: z.array(z.number().int()).meta({ description: "The banners' IDs, in the order sent" }),
  })
  .meta({ id: "SandboxWbMediaCreateResponse" });

/** `GET /__sandbox/wildberries/overview`: the seller at a glance, read-only (the web console's Wildberries panel). */
export const WbOverview = z
  .object({
    money: WbMoneyTopUpResponse,
    campaigns: z
      .array(
        z.object({
          advertId: z.number().int(),
          name: z.string(),
          type: z.number().int().meta({ description: "8 automatic, 9 Auction" }),
          status: z.number().int().meta({ description: "-1 deleted, 4 ready, 7 finished, 8 declined, 9 active, 11 paused" }),
          budget: z.number().int().meta({ description: "Rubles" }),
          todaySpend: z.number().meta({ description: "Rubles spent on the current Moscow day (the traffic fullstats reads)" }),
          createTime: SandboxInstant,
        }),
      )
      .meta({ description: "Promotion campaigns, by advertId" }),
    media: z
      .array(
        z.object({
          advertId: z.number().int(),
          name: z.string(),
          brand: z.string(),
          type: z.number().int().meta({ description: "1 by days, 2 by views" }),
          status: z.number().int().meta({ description: "1-11, as GET /adv/v1/advert shows it" }),
          budget: z.number(),
          expenses: z.number(),
          from: SandboxInstant,
          to: SandboxInstant,
          items: z.number().int().meta({ description: "Banners" }),
        }),
      )
      .meta({ description: "WB Media campaigns, by advertId" }),
  })
  .meta({ id: "SandboxWbOverview" });

/** `GET /__sandbox/wildberries/campaigns/{advertId}/traffic`: a campaign's traffic per Moscow day, as fullstats totals it. */
export const WbCampaignTraffic = z
  .object({
    advertId: z.number().int(),
    status: z.number().int(),
    interval: z
      .object({ begin: z.string(), end: z.string() })
      .meta({ description: "The Moscow days read (the last 31 up to today), as a fullstats interval" }),
    reported: z.boolean().meta({ description: "false when fullstats does not report the campaign's status (only 7, 9, 11): then days is empty" }),
    days: z
      .array(
        z.object({
          day: z.string().meta({ description: "YYYY-MM-DD, Moscow" }),
          views: z.number().int(),
          clicks: z.number().int(),
          atbs: z.number().int(),
          orders: z.number().int(),
          spend: z.number().meta({ description: "Rubles: fullstats' sum" }),
        }),
      )
      .meta({ description: "Exactly fullstats' days[] totals for the interval, oldest first" }),
  })
  .meta({ id: "SandboxWbCampaignTraffic" });

/** `POST /__sandbox/wildberries/media-campaigns/{advertId}/moderation`: the moderator's decision on a media campaign in moderation (2). */
export const WbMediaModerationRequest = z
  .object({
    decision: z.enum(["approve", "reject"]).meta({ description: "approve: 4 (ready to launch); reject: 3 (rejected, may be resubmitted)" }),
    reason: z
      .string()
      .min(1)
      .max(1024)
      .optional()
      .meta({ description: "The moderator's comment, shown as extended.reason (a rejection without one gets the sandbox's text; an approval without one shows null)" }),
  })
  .meta({ id: "SandboxWbMediaModerationRequest" });

export const WbMediaModerationResponse = z
  .object({
    advertId: z.number().int(),
    status: z.union([z.literal(4), z.literal(3)]).meta({ description: "4 approved (ready to launch), 3 rejected" }),
    reason: z.string().nullable().meta({ description: "extended.reason as GET /adv/v1/advert now shows it" }),
  })
  .meta({ id: "SandboxWbMediaModerationResponse" });

/** `POST /__sandbox/wildberries/media-campaigns/{advertId}/budget`: the seller pays into a views campaign's budget. */
export const WbMediaBudgetRequest = z
  .object({
    sum: z.number().int().min(1).max(WB_TOP_UP_MAX).meta({ description: "Whole rubles added to the campaign's budget" }),
  })
  .meta({ id: "SandboxWbMediaBudgetRequest" });

export const WbMediaBudgetResponse = z
  .object({
    advertId: z.number().int(),
    status: z.number().int().min(1).max(11).meta({ description: "The campaign's status, unchanged (a campaign paused for its budget, 11, stays paused until the seller starts it)" }),
    budget: z.number().int().meta({ description: "The budget now, whole rubles (extended.budget)" }),
  })
  .meta({ id: "SandboxWbMediaBudgetResponse" });

/** The Wildberries side the real API has no call for (under /__sandbox): money, the moderator, media campaigns. */
export const WB_CONTROL = controlTable({
  tags: [{ name: "wildberries", description: "The Wildberries side the real API has no call for: money, moderators, media campaigns" }],
  routes: {
    getWildberriesOverview: {
      method: "GET",
      path: "/wildberries/overview",
      tag: "wildberries",
      summary: "The seller at a glance: money, promotion campaigns (status, budget, today's spend), media campaigns; not journaled, no rate limit (the web console's view)",
      responses: { 200: jsonResponse("The seller", WbOverview) },
    },
    getWildberriesCampaignTraffic: {
      method: "GET",
      path: "/wildberries/campaigns/{advertId}/traffic",
      tag: "wildberries",
      summary: "A promotion campaign's simulated traffic per Moscow day over the last 31 days (views, clicks, orders, spend), computed by fullstats itself",
      params: WbAdvertIdPath,
      responses: {
        200: jsonResponse("The campaign's days", WbCampaignTraffic),
        404: controlError("campaign_not_found: the tenant has no such promotion campaign"),
      },
    },
    topUpWildberriesMoney: {
      method: "POST",
      path: "/wildberries/balance",
      tag: "wildberries",
      summary:
        "Adds rubles to the seller's account (balance), balance (net) and bonuses; an account top-up is also a processed payment (type 0) in GET /adv/v1/payments",
      body: WbMoneyTopUpRequest,
      responses: {
        200: jsonResponse("The seller's money after the top-up (as GET /adv/v1/balance shows it)", WbMoneyTopUpResponse),
        400: controlError("malformed_json, or invalid_request: whole non-negative rubles, at least one of balance, net, bonus"),
      },
    },
    declineWildberriesCampaign: {
      method: "POST",
      path: "/wildberries/campaigns/{advertId}/moderation",
      tag: "wildberries",
      summary: "The moderator declines a promotion campaign in status 4, 9 or 11: it goes to 8 (declined) at once, any queued status action is dropped",
      params: WbAdvertIdPath,
      body: WbModerationRequest,
      responses: {
        200: jsonResponse("The campaign is declined", WbModerationResponse),
        400: controlError('malformed_json, or invalid_request: send {"decision": "decline"}'),
        404: controlError("campaign_not_found: the tenant has no such promotion campaign (or it was deleted and purged)"),
        409: controlError("not_declinable: the campaign is -1, 7 or 8"),
      },
    },
    createWildberriesMediaCampaign: {
      method: "POST",
      path: "/wildberries/media-campaigns",
      tag: "wildberries",
      summary: "Create a WB Media campaign with its banners, in any status (default 6, running: its traffic simulation starts)",
      body: WbMediaCreateRequest,
      responses: {
        201: jsonResponse("The new campaign's advertId and its banners' ids", WbMediaCreateResponse),
        400: controlError("malformed_json, or invalid_request: a field is missing or wrong, to is not after from, or status 5 without a future from"),
      },
    },
    moderateWildberriesMediaCampaign: {
      method: "POST",
      path: "/wildberries/media-campaigns/{advertId}/moderation",
      tag: "wildberries",
      summary:
        "The moderator takes a media campaign out of moderation (2): approve -> 4 (ready to launch), reject -> 3 with the comment in extended.reason; an event with cause control",
      params: WbMediaIdPath,
      body: WbMediaModerationRequest,
      responses: {
        200: jsonResponse("The campaign's new status and reason", WbMediaModerationResponse),
        400: controlError('malformed_json, or invalid_request: send {"decision": "approve" | "reject", "reason"?: text}'),
        404: controlError("media_campaign_not_found: the tenant has no such media campaign"),
        409: controlError("not_in_moderation: the campaign is not in status 2"),
      },
    },
    fundWildberriesMediaCampaign: {
      method: "POST",
      path: "/wildberries/media-campaigns/{advertId}/budget",
      tag: "wildberries",
      summary:
        "The seller pays rubles into a views (type 2) media campaign's budget, e.g. one paused for its budget (11), which then waits for POST /adv/v1/advert/start; an event with cause control",
      params: WbMediaIdPath,
      body: WbMediaBudgetRequest,
      responses: {
        200: jsonResponse("The campaign's status and budget after the payment", WbMediaBudgetResponse),
        400: controlError('malformed_json, or invalid_request: send {"sum": whole rubles, at least 1}'),
        404: controlError("media_campaign_not_found: the tenant has no such media campaign"),
        409: controlError("no_budget: a placement by days (type 1) has no budget; or not_fundable: the campaign is completed (7) or refused (8)"),
      },
    },
  },
});
