import { z } from "zod";
import { jsonResponse } from "../http/responses.js";
import { controlTable } from "../sandbox/control-table.js";
import { controlError } from "../sandbox/error.js";

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

const MediaItemInput = z.object({
  name: z.string().min(1).max(128).meta({ description: "The banner's name (brand) as items[].name shows it" }),
  cpm: z.number().int().positive().meta({ description: "Bid, whole rubles: per 1000 views (type 2) or the day rate (type 1)" }),
  budget: z.number().int().min(0).optional().meta({ description: "The banner's budget as items[].budget shows it (default 0)" }),
  daily_limit: z.number().int().min(0).optional().meta({ description: "Type 2: rubles the banner may spend a Moscow day; 0 (default) no limit" }),
  place: z.number().int().positive().optional().meta({ description: "Position on the page (default 1)" }),
  advert_type: z.number().int().min(1).max(5).optional().meta({ description: "1 banner (default), 2 menu, 3 mailing, 4 social networks, 5 push" }),
  category_name: z.string().min(1).max(128).optional().meta({ description: "Placement category (default Главная)" }),
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

/** The Wildberries side the real API has no call for (under /__sandbox): money, the moderator, media campaigns. */
export const WB_CONTROL = controlTable({
  tags: [{ name: "wildberries", description: "The Wildberries side the real API has no call for: money, moderators, media campaigns" }],
  routes: {
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
  },
});
