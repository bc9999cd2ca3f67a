import { z } from "zod";
import { MsCreateDealStatus, MsCurrency, MsDealStatus, MsUpdateDealStatus } from "./enums.js";
import { MsBooleanInput, MsDateTime, MsDealSystemId, MsDecimalInput } from "./scalars.js";

/**
 * `POST /deal/`. A deal needs promo_code or another_data (`myshare=<uid>&subid=...`; it wins when both
 * are sent). A POST repeating an existing deal_id with the same catalog_code, offer and currency
 * changes that deal's status (and cost) instead, and answers 200.
 */
export const MsDealCreateRequest = z
  .object({
    status: MsCreateDealStatus,
    offer: z.string().meta({ description: "The offer's name" }),
    cost: MsDecimalInput.meta({ description: ">= 0, at most 2 decimal places" }),
    currency: MsCurrency,
    deal_id: z.string().max(255).meta({ description: "Your own deal id, unique" }),
    catalog_code: z.string(),
    promo_code: z.string().nullable().optional(),
    another_data: z.string().nullable().optional().meta({ description: "The partner link's parameters, e.g. myshare=B5AKT8PS&subid=Product1" }),
    is_returned: MsBooleanInput.optional().meta({ description: "Must be false on create" }),
  })
  .meta({ id: "MsDealCreateRequest" });
export type MsDealCreateRequest = z.input<typeof MsDealCreateRequest>;

/** What POST /deal/ answers (DealCreateResponse, plus catalog_code). */
export const MsDealCreateResponse = z
  .object({
    another_data: z.string().nullable(),
    cost: z.number(),
    is_returned: z.boolean(),
    promo_code: z.string().nullable(),
    currency: MsCurrency,
    status: MsDealStatus,
    offer: z.string(),
    deal_id: z.string(),
    catalog_code: z.string(),
  })
  .meta({ id: "MsDealCreateResponse" });
export type MsDealCreateResponse = z.infer<typeof MsDealCreateResponse>;

/** `GET /deal/{id}/` (DealResponse); `{id}` is your deal_id or the system id. */
export const MsDeal = z
  .object({
    offer: z.object({ name: z.string(), catalog: z.object({ title: z.string(), catalog_code: z.string() }) }),
    cost: z.number(),
    payment_sum: z.number().meta({ description: "The partner's reward: cost x reward_percent / 100, or fix_remuneration" }),
    is_returned: z.boolean(),
    conversion_time: MsDateTime,
    promo: z.object({ code: z.string() }).nullable(),
    currency: MsCurrency,
    status: MsDealStatus,
    id: MsDealSystemId,
    modified_at: MsDateTime,
    paid_at: MsDateTime.nullable(),
    approved_at: MsDateTime.nullable(),
    canceled_at: MsDateTime.nullable(),
  })
  .meta({ id: "MsDeal" });
export type MsDeal = z.infer<typeof MsDeal>;

/** `PATCH /deal/{id}/`: any subset. Canceled is final; is_returned=true only together with Canceled. */
export const MsDealUpdateRequest = z
  .object({
    status: MsUpdateDealStatus.optional(),
    cost: MsDecimalInput.optional(),
    is_returned: MsBooleanInput.optional(),
    comment: z.string().max(1000).nullable().optional(),
  })
  .meta({ id: "MsDealUpdateRequest" });
export type MsDealUpdateRequest = z.input<typeof MsDealUpdateRequest>;

/** What PATCH /deal/{id}/ answers: cost as a decimal string with 2 places (DRF DecimalField). */
export const MsDealUpdateResponse = z
  .object({
    status: MsDealStatus,
    cost: z.string().regex(/^\d+\.\d{2}$/),
    is_returned: z.boolean(),
    comment: z.string().nullable(),
  })
  .meta({ id: "MsDealUpdateResponse" });
export type MsDealUpdateResponse = z.infer<typeof MsDealUpdateResponse>;
