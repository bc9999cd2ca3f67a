import { z } from "zod";
import { MsDevices, MsLocalization, MsModerationType, MsOfferGeo, MsRewardType } from "./enums.js";
import { MsLanding } from "./landing.js";
import { MsOffer } from "./offer.js";
import { MsBooleanInput, MsCatalogPublicId, MsDateTime, MsDecimalInput, MsDuration, MsDurationInput, MsUrl, MsUuid } from "./scalars.js";

/** `POST /catalog/` (PUT takes the same body; PATCH any part). Legacy names are accepted as aliases. */
export const MsCatalogCreateRequest = z
  .object({
    title: z.string().max(255),
    catalog_code: z.string().max(255).meta({ description: "Unique code: letters, digits, _ and -" }),
    description: z.string().optional(),
    moderation_type: MsModerationType.optional(),
    hold_duration: MsDurationInput.optional().meta({ description: "Default 30 00:00:00" }),
    canceled_duration: MsDurationInput.optional().meta({ description: "Default 14 00:00:00" }),
    is_promocode_allowed: MsBooleanInput.optional().meta({ description: "Default false; legacy alias is_promo" }),
    is_published: MsBooleanInput.optional().meta({ description: "Default true" }),
    reward_percent: MsDecimalInput.nullable().optional().meta({ description: "0.05-95; legacy alias remuneration_percent" }),
    icon: MsUrl.nullable().optional(),
    preview_image: MsUrl.nullable().optional(),
    reward_type: MsRewardType.optional(),
    devices: MsDevices.optional(),
    cookies_storage_days: z.number().int().min(0).max(2147483647).optional(),
    min_promo_code_percent: MsDecimalInput.optional().meta({ description: "0-100, default 5; legacy alias min_size_promo_code" }),
    max_promo_code_percent: MsDecimalInput.optional().meta({ description: "0-100, default 5; legacy alias max_size_promo_code" }),
    offer_geo: z.array(MsOfferGeo).optional().meta({ description: "Default [\"WW\"]" }),
    localizations: z.array(MsLocalization).optional().meta({ description: "Legacy alias localization" }),
  })
  .meta({ id: "MsCatalogCreateRequest" });
export type MsCatalogCreateRequest = z.input<typeof MsCatalogCreateRequest>;

export const MsCatalogUpdateRequest = MsCatalogCreateRequest.partial().meta({ id: "MsCatalogUpdateRequest" });

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
