import { z } from "zod";
import { MsCurrency } from "./enums.js";
import { MsBooleanInput, MsDecimalInput, MsUuid } from "./scalars.js";

/** One price of an offer; an offer has at most one price per currency. */
export const MsPrice = z.object({ cost: z.number().nonnegative(), currency: MsCurrency }).meta({ id: "MsPrice" });
export const MsPriceInput = z.object({ cost: MsDecimalInput, currency: MsCurrency }).meta({ id: "MsPriceInput" });

/** `POST /offer/` (PUT takes the same body; PATCH any part of it). Exactly one of reward_percent and fix_remuneration. */
export const MsOfferCreateRequest = z
  .object({
    name: z.string().max(255).meta({ description: "Offer name, unique within its catalog" }),
    catalog_id: MsUuid.meta({ description: "The catalog's UUID" }),
    is_promocode_allowed: MsBooleanInput.meta({ description: "Legacy alias: is_promo" }),
    is_active: MsBooleanInput.meta({ description: "Legacy alias: disable (inverted)" }),
    prices: z.array(MsPriceInput).min(1),
    description: z.string().optional(),
    reward_percent: MsDecimalInput.nullable().optional().meta({ description: "0.05-95; legacy alias remuneration_percent" }),
    fix_remuneration: MsDecimalInput.nullable().optional().meta({ description: "Fixed remuneration sum, >= 0" }),
  })
  .meta({ id: "MsOfferCreateRequest" });
export type MsOfferCreateRequest = z.input<typeof MsOfferCreateRequest>;

export const MsOfferUpdateRequest = MsOfferCreateRequest.partial().meta({ id: "MsOfferUpdateRequest" });

/** An offer as every offer endpoint (and the catalog's `offers`) shows it. */
export const MsOffer = z
  .object({
    id: MsUuid,
    name: z.string(),
    is_promocode_allowed: z.boolean(),
    catalog_id: MsUuid,
    is_active: z.boolean(),
    fix_remuneration: z.number().nullable(),
    reward_percent: z.number().nullable(),
    prices: z.array(MsPrice),
    description: z.string(),
  })
  .meta({ id: "MsOffer" });
export type MsOffer = z.infer<typeof MsOffer>;
