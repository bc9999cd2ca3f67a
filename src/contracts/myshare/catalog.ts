import { z } from "zod";
import { MsDevices, MsLocalization, MsModerationType, MsOfferGeo, MsRewardType } from "./enums.js";
import { MsLanding } from "./landing.js";
import { MsOffer } from "./offer.js";
import { checkDecimal } from "./drf-input.js";
import { MsBooleanInput, MsDurationInput, msDecimal, msInteger, MsSlugInput, msText, MsUrlInput } from "./input-scalars.js";
import { checkLegacyNames, sentValue, type IssueSink, type MsLegacyNames } from "./legacy-names.js";
import { MsCatalogPublicId, MsDateTime, MsDuration, MsUuid } from "./scalars.js";

/** Legacy names the catalog serializer still reads (research §5 #1-#3). */
export const MS_CATALOG_LEGACY_NAMES = {
  is_promocode_allowed: ["is_promo"],
  reward_percent: ["remuneration_percent"],
  devices: ["devises"],
  min_promo_code_percent: ["min_size_promo_code"],
  max_promo_code_percent: ["max_size_promo_code"],
  localizations: ["localization"],
} as const satisfies MsLegacyNames;

/** A new catalog's min_promo_code_percent and max_promo_code_percent when none is sent. */
export const MS_DEFAULT_PROMO_CODE_PERCENT = 5;

const promoCodePercent = msDecimal({ decimalPlaces: 2, min: "0", max: "100" }, "0-100, at most 2 decimal places", 5);

/** The catalog body's fields; title and catalog_code are required on POST and PUT. */
const CatalogBody = z
  .object({
    title: msText({ maxLength: 255 }),
    catalog_code: MsSlugInput,
    description: msText({ allowBlank: true }).optional(),
    moderation_type: MsModerationType.optional(),
    hold_duration: MsDurationInput.optional().meta({ description: "Default 30 00:00:00" }),
    canceled_duration: MsDurationInput.optional().meta({ description: "Default 14 00:00:00" }),
    is_promocode_allowed: MsBooleanInput.optional().meta({ description: "Default false; legacy name is_promo" }),
    is_published: MsBooleanInput.optional().meta({ description: "Default true" }),
    reward_percent: msDecimal({ decimalPlaces: 2, min: "0.05", max: "95" }, "0.05-95, at most 2 decimal places", 5)
      .nullable()
      .optional()
      .meta({ description: "0.05-95; legacy name remuneration_percent" }),
    icon: MsUrlInput.nullable().optional(),
    preview_image: MsUrlInput.nullable().optional(),
    reward_type: MsRewardType.optional(),
    devices: MsDevices.optional().meta({ description: "Default All; legacy name devises" }),
    cookies_storage_days: msInteger(0, 2147483647).optional(),
    min_promo_code_percent: promoCodePercent.optional().meta({ description: `0-100, default ${MS_DEFAULT_PROMO_CODE_PERCENT}, at most max_promo_code_percent; legacy name min_size_promo_code` }),
    max_promo_code_percent: promoCodePercent.optional().meta({ description: `0-100, default ${MS_DEFAULT_PROMO_CODE_PERCENT}; legacy name max_size_promo_code` }),
    offer_geo: z.array(MsOfferGeo).optional().meta({ description: "Default [\"WW\"]" }),
    localizations: z.array(MsLocalization).optional().meta({ description: "Legacy name localization" }),
  })
  .loose();

/**
 * min_promo_code_percent must not exceed max_promo_code_percent. On POST a missing one is the default;
 * on PUT and PATCH it is the stored catalog's, which only the server knows, so the contract checks the
 * pair only when both are sent.
 */
function promoCodeRange(defaultMissing: boolean) {
  return (body: Readonly<Record<string, unknown>>, ctx: IssueSink): void => {
    const bound = (field: string): number | undefined => {
      const value = sentValue(body, field, MS_CATALOG_LEGACY_NAMES);
      if (value === undefined) return defaultMissing ? MS_DEFAULT_PROMO_CODE_PERCENT : undefined;
      const decimal = checkDecimal(value);
      return decimal.ok ? decimal.value : undefined;
    };
    const min = bound("min_promo_code_percent");
    const max = bound("max_promo_code_percent");
    if (min !== undefined && max !== undefined && min > max) ctx.addIssue({ code: "custom", message: "min_promo_code_percent must not exceed max_promo_code_percent", path: [] });
  };
}

function catalogRules(defaultMissing: boolean) {
  const range = promoCodeRange(defaultMissing);
  return (body: Readonly<Record<string, unknown>>, ctx: IssueSink): void => {
    checkLegacyNames(body, ctx, CatalogBody.shape, MS_CATALOG_LEGACY_NAMES);
    range(body, ctx);
  };
}

/** `POST /catalog/`. Legacy names are read when the field itself is absent. */
export const MsCatalogCreateRequest = CatalogBody.superRefine(catalogRules(true)).meta({ id: "MsCatalogCreateRequest" });
export type MsCatalogCreateRequest = z.input<typeof MsCatalogCreateRequest>;

/** `PUT /catalog/{id}/`: the same fields as POST; fields left out keep their stored values. */
export const MsCatalogPutRequest = CatalogBody.superRefine(catalogRules(false)).meta({ id: "MsCatalogPutRequest" });

/** `PATCH /catalog/{id}/`: any subset. */
export const MsCatalogUpdateRequest = CatalogBody.partial().superRefine(catalogRules(false)).meta({ id: "MsCatalogUpdateRequest" });

/** What POST, PUT and PATCH /catalog/ answer (CatalogCreateResponse). */
export const MsCatalogWriteResponse = z
  .object({
    id: MsUuid,
    title: z.string(),
    catalog_code: z.string(),
    offers: z.array(MsOffer),
    icon: z.string().nullable(),
    hold_duration: MsDuration,
    canceled_duration: MsDuration,
    is_promocode_allowed: z.boolean(),
    category: MsUuid.meta({ description: "The category's UUID" }),
    business_partner_id: MsUuid,
    offer_geo: z.array(MsOfferGeo),
    catalog_id: MsCatalogPublicId,
    description: z.string(),
    reward_type: MsRewardType,
    localizations: z.array(MsLocalization),
    devices: MsDevices,
    cookies_storage_days: z.number().int(),
    moderation_type: MsModerationType,
    max_promo_code_percent: z.number(),
    min_promo_code_percent: z.number(),
    is_published: z.boolean(),
    created_at: MsDateTime,
  })
  .meta({ id: "MsCatalogWriteResponse" });
export type MsCatalogWriteResponse = z.infer<typeof MsCatalogWriteResponse>;

const AlwaysEmpty = z.array(z.string()).max(0).meta({ description: "Always empty in the sandbox" });

/** What GET /catalog/{id}/ answers (CatalogResponse), and each item of the list. */
export const MsCatalog = z
  .object({
    id: MsUuid,
    title: z.string(),
    approval_rate: z.string().meta({ description: "\"b/d\" (no data)" }),
    catalog_code: z.string(),
    offers: z.array(MsOffer),
    hold_duration: MsDuration,
    company_logo: z.string(),
    company_name: z.string(),
    is_confirmed: z.boolean(),
    modified_at: MsDateTime,
    promo_materials: AlwaysEmpty,
    reward: z.object({ from: z.number().nullable(), to: z.number().nullable(), type: z.null() }),
    rules: AlwaysEmpty,
    text_rule: AlwaysEmpty,
    canceled_duration: MsDuration,
    is_promocode_allowed: z.boolean(),
    is_published: z.boolean(),
    category: z.string().meta({ description: "The category's name" }),
    offer_geo: z.array(MsOfferGeo),
    catalog_id: MsCatalogPublicId,
    preview_image: z.string().nullable(),
    description: z.string(),
    reward_type: MsRewardType,
    max_promo_code_percent: z.number(),
    min_promo_code_percent: z.number(),
    landings: z.array(MsLanding),
    localizations: z.array(MsLocalization),
    devices: MsDevices,
    cookies_storage_days: z.number().int(),
  })
  .meta({ id: "MsCatalog" });
export type MsCatalog = z.infer<typeof MsCatalog>;

/** `GET /catalog/?page=&page_size=`: DRF page-number pagination, 10 a page by default. */
export const MsCatalogListQuery = z.object({
  page: z.string().optional().meta({ description: "1-based page number" }),
  page_size: z.string().optional().meta({ description: "Items per page, 1-100 (default 10)" }),
});

export const MsCatalogList = z
  .object({
    count: z.number().int().nonnegative(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(MsCatalog),
  })
  .meta({ id: "MsCatalogList" });
