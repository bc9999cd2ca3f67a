import { MS_CATALOG_LEGACY_NAMES as LEGACY, MS_DEFAULT_PROMO_CODE_PERCENT } from "../../../contracts/myshare/catalog.js";
import { SLUG } from "../../../contracts/myshare/drf-input.js";
import { MS_DEVICES, MS_LOCALIZATIONS, MS_MODERATION_TYPES, MS_OFFER_GEO, MS_REWARD_TYPES } from "../../../contracts/myshare/enums.js";
import { catalogCodeTaken } from "../../../state/myshare/catalogs.js";
import { DEFAULT_CANCELED_DURATION, DEFAULT_HOLD_DURATION, type Catalog, type CatalogFields } from "../../../state/myshare/model.js";
import type { Tenant } from "../../../state/kernel/tenant.js";
import { boolField, charField, choiceField, decimalField, durationField, integerField, invalid, listField, urlField, type Field } from "../drf/fields.js";
import { Form, type ValidationErrors } from "../drf/form.js";

export type CatalogInput = { ok: true; fields: Partial<CatalogFields> } | { ok: false; errors: ValidationErrors };

const catalogCode: Field<string> = (value) => {
  const text = charField({ maxLength: 255 })(value);
  if (!text.ok || SLUG.test(text.value)) return text;
  return invalid("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.");
};
const percent = decimalField({ decimalPlaces: 2, min: "0", max: "100" });

export const CATALOG_DEFAULTS: Omit<CatalogFields, "title" | "catalogCode"> = {
  description: "",
  moderationType: "FREE_ENTRY",
  holdDuration: DEFAULT_HOLD_DURATION,
  canceledDuration: DEFAULT_CANCELED_DURATION,
  isPromocodeAllowed: false,
  isPublished: true,
  rewardPercent: null,
  icon: null,
  previewImage: null,
  rewardType: "RevShare",
  devices: "All",
  cookiesStorageDays: 30,
  minPromoCodePercent: MS_DEFAULT_PROMO_CODE_PERCENT,
  maxPromoCodePercent: MS_DEFAULT_PROMO_CODE_PERCENT,
  offerGeo: ["WW"],
  localizations: [],
};

/**
 * The catalog serializer: POST and PUT (`instance` for PUT) require title and catalog_code; PATCH
 * (`partial`) any subset. Legacy names from the seed's schema tables are accepted as aliases.
 */
export function readCatalog(tenant: Tenant, body: Readonly<Record<string, unknown>>, partial: boolean, instance?: Catalog): CatalogInput {
  const form = new Form(body, partial);
  const code = form.value("catalog_code", catalogCode, { required: true });
  if (code !== undefined && catalogCodeTaken(tenant, code, instance?.id)) form.fail("catalog_code", ["catalog with this catalog code already exists."]);
  const fields: Partial<CatalogFields> = {
    title: form.value("title", charField({ maxLength: 255 }), { required: true }),
    catalogCode: code,
    description: form.value("description", charField({ allowBlank: true })),
    moderationType: form.value("moderation_type", choiceField(MS_MODERATION_TYPES)),
    holdDuration: form.value("hold_duration", durationField),
    canceledDuration: form.value("canceled_duration", durationField),
    isPromocodeAllowed: form.value("is_promocode_allowed", boolField, { aliases: LEGACY.is_promocode_allowed }),
    isPublished: form.value("is_published", boolField),
    icon: form.read("icon", urlField(), { nullable: true }),
    previewImage: form.read("preview_image", urlField(), { nullable: true }),
    rewardType: form.value("reward_type", choiceField(MS_REWARD_TYPES)),
    devices: form.value("devices", choiceField(MS_DEVICES), { aliases: LEGACY.devices }),
    cookiesStorageDays: form.value("cookies_storage_days", integerField({ min: 0, max: 2147483647 })),
    minPromoCodePercent: form.value("min_promo_code_percent", percent, { aliases: LEGACY.min_promo_code_percent }),
    maxPromoCodePercent: form.value("max_promo_code_percent", percent, { aliases: LEGACY.max_promo_code_percent }),
    offerGeo: form.value("offer_geo", listField(choiceField(MS_OFFER_GEO))),
    localizations: form.value("localizations", listField(choiceField(MS_LOCALIZATIONS)), { aliases: LEGACY.localizations }),
  };
  const reward = form.read("reward_percent", decimalField({ decimalPlaces: 2, min: "0.05", max: "95" }), { nullable: true, aliases: LEGACY.reward_percent });
  if (reward !== undefined) fields.rewardPercent = reward;
  if (!form.ok) return { ok: false, errors: form.errors };

  const min = fields.minPromoCodePercent ?? instance?.minPromoCodePercent ?? CATALOG_DEFAULTS.minPromoCodePercent;
  const max = fields.maxPromoCodePercent ?? instance?.maxPromoCodePercent ?? CATALOG_DEFAULTS.maxPromoCodePercent;
  if (min > max) return { ok: false, errors: { non_field_errors: ["min_promo_code_percent must not exceed max_promo_code_percent."] } };
  return { ok: true, fields };
}

/** A complete catalog for create: the fields sent over the model's defaults. */
export function withDefaults(fields: Partial<CatalogFields>): CatalogFields | undefined {
  const { title, catalogCode: code } = fields;
  if (title === undefined || code === undefined) return undefined;
  const out: CatalogFields = { ...CATALOG_DEFAULTS, offerGeo: [...CATALOG_DEFAULTS.offerGeo], localizations: [], title, catalogCode: code };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) Reflect.set(out, key, value);
  return out;
}
