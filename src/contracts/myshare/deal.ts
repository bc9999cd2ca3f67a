import { z } from "zod";
import { MsCreateDealStatus, MsCurrency, MsDealStatus, MsUpdateDealStatus } from "./enums.js";
import { checkText } from "./drf-input.js";
import { MsBooleanInput, MsFalseInput, msText } from "./input-scalars.js";
import type { IssueSink } from "./legacy-names.js";
import { msMoney } from "./offer.js";
import { MsDateTime, MsDealSystemId } from "./scalars.js";

/** A deal's reference texts: DRF CharField(max_length=255). */
const reference = (description: string) => msText({ maxLength: 255 }, description);
/** promo_code and another_data: null, blank or text; blank counts as not sent. */
const attribution = (description?: string) => msText({ maxLength: 255, allowBlank: true }, description).nullable().optional();

/** A deal names its partner by promo_code or another_data: at least one must be text that is not blank. */
function needsAttribution(body: Readonly<Record<string, unknown>>, ctx: IssueSink): void {
  const given = ["promo_code", "another_data"].some((field) => {
    const text = checkText(body[field], { allowBlank: true });
    return text.ok && text.text !== "";
  });
  if (!given) ctx.addIssue({ code: "custom", message: "Either promo_code or another_data must be provided", path: [] });
}

/**
 * `POST /deal/`. A deal needs promo_code or another_data (`myshare=<uid>&subid=...`; it wins when both
 * are sent). A POST repeating an existing deal_id with the same catalog_code, offer and currency
 * changes that deal's status (and cost) instead, and answers 200.
 */
export const MsDealCreateRequest = z
  .object({
    status: MsCreateDealStatus,
    offer: reference("The offer's name"),
    cost: msMoney(">= 0, at most 2 decimal places, 10 digits before the point"),
    currency: MsCurrency,
    deal_id: reference("Your own deal id, unique"),
    catalog_code: reference("The catalog's catalog_code"),
    promo_code: attribution(),
    another_data: attribution("The partner link's parameters, e.g. myshare=B5AKT8PS&subid=Product1"),
    is_returned: MsFalseInput.optional().meta({ description: "Must be false on create" }),
  })
  .superRefine(needsAttribution)
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
    cost: msMoney(">= 0, at most 2 decimal places, 10 digits before the point").optional(),
    is_returned: MsBooleanInput.optional(),
    comment: msText({ maxLength: 1000, allowBlank: true }).nullable().optional(),
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
