import { z } from "zod";
import { jsonResponse } from "../http/responses.js";
import { controlTable } from "../sandbox/control-table.js";
import { controlError } from "../sandbox/error.js";
import { MsDeal } from "./deal.js";
import { MsDealStatus } from "./enums.js";
import { SandboxInstant } from "../sandbox/scalars.js";

/** `POST /__sandbox/myshare/partners`: a partner (affiliate) joins a catalog. */
export const MsPartnerRequest = z
  .object({
    catalog_id: z.string().meta({ description: "The catalog's UUID (its `id`)" }),
    promo_percent: z
      .union([z.number(), z.string()])
      .optional()
      .meta({ description: "The discount the partner's promo code grants, within the catalog's min/max_promo_code_percent (default: the minimum)" }),
  })
  .meta({ id: "SandboxMsPartnerRequest" });

export const MsPartnerResponse = z
  .object({
    partner_id: z.string().meta({ description: "The partner's UUID" }),
    promo_code: z.string().meta({ description: "12 characters; send it as the deal's promo_code, check it with check_promo" }),
    uid: z.string().meta({ description: "8 characters; send it as the deal's another_data \"myshare=<uid>\", check it with check_uuid" }),
  })
  .meta({ id: "SandboxMsPartnerResponse" });

/** `GET /__sandbox/myshare/overview`: the business partner at a glance, read-only (the web console's myshare panel). */
export const MsOverview = z
  .object({
    catalogs: z.array(
      z.object({
        id: z.string(),
        publicId: z.string().meta({ description: "The 5-character public code" }),
        title: z.string(),
        moderationType: z.string(),
        isPublished: z.boolean(),
        holdDuration: z.string().meta({ description: "Django duration text, e.g. \"30 00:00:00\"" }),
        canceledDuration: z.string(),
        partners: z.number().int().meta({ description: "Partners who joined the catalog" }),
      }),
    ),
    offers: z.array(
      z.object({
        id: z.string(),
        catalogId: z.string(),
        name: z.string(),
        isActive: z.boolean(),
        prices: z.array(z.object({ cost: z.number(), currency: z.string() })),
      }),
    ),
    partners: z.array(
      z.object({ id: z.string(), catalogId: z.string(), promoCode: z.string(), uid: z.string(), percent: z.number() }),
    ),
    deals: z.array(
      z.object({
        id: z.string().meta({ description: "The system id" }),
        dealId: z.string().meta({ description: "The business partner's deal_id" }),
        catalogId: z.string(),
        offerId: z.string(),
        status: MsDealStatus,
        cost: z.number(),
        currency: z.string(),
        paymentSum: z.number(),
        conversionTime: SandboxInstant,
        holdDeadline: SandboxInstant.nullable().meta({ description: "Paid: when the hold ends and the deal is approved" }),
        cancelDeadline: SandboxInstant.nullable().meta({ description: "Created: when the unpaid deal is canceled" }),
        partnerId: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "SandboxMsOverview" });

/** `POST /__sandbox/myshare/deals/{id}/rejection`: the platform's moderation rejects a deal. */
export const MsRejectionRequest = z
  .object({
    reason: z.string().max(1000).optional().meta({ description: "Why (recorded in the deal's event; the API shows no reason)" }),
  })
  .meta({ id: "SandboxMsRejectionRequest" });

export const MsDealIdPath = z.object({ id: z.string().meta({ description: "The deal's deal_id (yours) or its system id, as GET /deal/{id}/ takes it" }) });

/** The myshare side the real API has no call for (under /__sandbox): partners joining a catalog, the moderation rejecting a deal. */
export const MS_CONTROL = controlTable({
  tags: [{ name: "myshare", description: "The myshare side the real API has no call for: partners joining catalogs, the platform rejecting deals" }],
  routes: {
    rejectMyshareDeal: {
      method: "POST",
      path: "/myshare/deals/{id}/rejection",
      tag: "myshare",
      summary: "The platform's moderation rejects a Created or Paid deal: it becomes Rejected (final), its cancel or approve timer is dropped",
      params: MsDealIdPath,
      body: MsRejectionRequest,
      responses: {
        200: jsonResponse("The deal, as GET /deal/{id}/ shows it now", MsDeal),
        400: controlError("malformed_json, or invalid_request: reason not a string of at most 1000 characters"),
        404: controlError("deal_not_found: the tenant has no deal with that deal_id or system id"),
        409: controlError("deal_not_rejectable: the deal is Approved, Canceled or Rejected already"),
      },
    },
    getMyshareOverview: {
      method: "GET",
      path: "/myshare/overview",
      tag: "myshare",
      summary: "The business partner at a glance: catalogs, offers, partners who joined, deals with their hold and cancel deadlines; not journaled, no rate limit (the web console's view)",
      responses: { 200: jsonResponse("The business partner's data", MsOverview) },
    },
    joinMysharePartner: {
      method: "POST",
      path: "/myshare/partners",
      tag: "myshare",
      summary: "A partner joins a catalog: a promo code (for promo_code and check_promo) and a myshare uid (for another_data and check_uuid)",
      body: MsPartnerRequest,
      responses: {
        201: jsonResponse("The partner", MsPartnerResponse),
        400: controlError("malformed_json, invalid_request (catalog_id missing, promo_percent not a number), or promo_percent_out_of_range"),
        404: controlError("catalog_not_found: the tenant has no catalog with that UUID"),
      },
    },
  },
});
