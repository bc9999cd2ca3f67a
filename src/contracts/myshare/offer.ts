import { z } from "zod";
import { MsCurrency } from "./enums.js";
import { MsBooleanInput, msDecimal, msText, MsUuidInput } from "./input-scalars.js";
import { checkLegacyNames, sentValue, type IssueSink, type MsLegacyNames } from "./legacy-names.js";
import { MsUuid } from "./scalars.js";

/** One price of an offer; an offer has at most one price per currency. */
export const MsPrice = z.object({ cost: z.number().nonnegative(), currency: MsCurrency }).meta({ id: "MsPrice" });

/** A sum of money on input: DRF's DecimalField(max_digits=12, decimal_places=2, min_value=0). */
export const msMoney = (description: string) => msDecimal({ maxDigits: 12, decimalPlaces: 2, min: "0" }, description, 100);

export const MsPriceInput = z.object({ cost: msMoney(">= 0, at most 2 decimal places, 10 digits before the point"), currency: MsCurrency }).meta({ id: "MsPriceInput" });

/** Legacy names the offer serializer still reads; `disable` is is_active inverted. */
export const MS_OFFER_LEGACY_NAMES = {
  is_promocode_allowed: ["is_promo"],
  is_active: ["disable"],
  reward_percent: ["remuneration_percent"],
} as const satisfies MsLegacyNames;

/** The offer body's fields. is_promocode_allowed and is_active are required on POST and PUT (under their own or legacy names). */
const OfferBody = z
  .object({
    name: msText({ maxLength: 255 }, "Offer name, unique within its catalog"),
    catalog_id: MsUuidInput.meta({ description: "The catalog's UUID" }),
    is_promocode_allowed: MsBooleanInput.optional().meta({ description: "Required on POST and PUT; legacy name is_promo" }),
    is_active: MsBooleanInput.optional().meta({ description: "Required on POST and PUT; legacy name disable (inverted)" }),
    prices: z
      .array(MsPriceInput)
      .min(1)
      .refine((prices) => new Set(prices.map((p) => p.currency)).size === prices.length, { message: "Each currency may have only one price" })
      .meta({ description: "At least one price, at most one per currency" }),
    description: msText({ allowBlank: true }).optional(),
    reward_percent: msDecimal({ decimalPlaces: 2, min: "0.05", max: "95" }, "0.05-95, at most 2 decimal places", 5)
      .nullable()
      .optional()
      .meta({ description: "0.05-95; legacy name remuneration_percent" }),
    fix_remuneration: msMoney("fixed remuneration sum, >= 0, at most 2 decimal places").nullable().optional(),
  })
  .loose();

/** Required on POST and PUT, under their own or their legacy names (so the object's shape marks them optional). */
export const MS_OFFER_REQUIRED_UNDER_LEGACY_NAMES = ["is_promocode_allowed", "is_active"] as const;

/**
 * Exactly one of reward_percent and fix_remuneration is set. On POST a missing one is null; on PUT and
 * PATCH it is the stored offer's, which only the server knows, so the contract checks the pair only when
 * both are sent.
 */
function rewardRule(missingIsNull: boolean) {
  return (body: Readonly<Record<string, unknown>>, ctx: IssueSink): void => {
    const reward = sentValue(body, "reward_percent", MS_OFFER_LEGACY_NAMES);
    const fix = sentValue(body, "fix_remuneration", MS_OFFER_LEGACY_NAMES);
    if (!missingIsNull && (reward === undefined || fix === undefined)) return;
    const set = [reward, fix].filter((value) => value !== undefined && value !== null).length;
    if (set !== 1) ctx.addIssue({ code: "custom", message: "Specify exactly one of reward_percent and fix_remuneration", path: [] });
  };
}

function offerRules(required: readonly string[], missingIsNull: boolean) {
  const reward = rewardRule(missingIsNull);
  return (body: Readonly<Record<string, unknown>>, ctx: IssueSink): void => {
    checkLegacyNames(body, ctx, OfferBody.shape, MS_OFFER_LEGACY_NAMES, required);
    reward(body, ctx);
  };
}

/** `POST /offer/`: name, catalog_id, is_promocode_allowed, is_active and prices; exactly one of reward_percent and fix_remuneration. */
export const MsOfferCreateRequest = OfferBody.superRefine(offerRules(MS_OFFER_REQUIRED_UNDER_LEGACY_NAMES, true)).meta({ id: "MsOfferCreateRequest" });
export type MsOfferCreateRequest = z.input<typeof MsOfferCreateRequest>;

/** `PUT /offer/{id}/`: the fields POST requires; reward_percent and fix_remuneration left out keep their stored values. */
export const MsOfferPutRequest = OfferBody.superRefine(offerRules(MS_OFFER_REQUIRED_UNDER_LEGACY_NAMES, false)).meta({ id: "MsOfferPutRequest" });

/** `PATCH /offer/{id}/`: any subset; prices, when sent, replace the list. */
export const MsOfferUpdateRequest = OfferBody.partial().superRefine(offerRules([], false)).meta({ id: "MsOfferUpdateRequest" });

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
