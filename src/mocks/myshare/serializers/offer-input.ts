import { MS_CURRENCIES } from "../../../contracts/myshare/enums.js";
import { MS_OFFER_LEGACY_NAMES as LEGACY } from "../../../contracts/myshare/offer.js";
import { findCatalog } from "../../../state/myshare/catalogs.js";
import type { Offer, OfferFields, Price } from "../../../state/myshare/model.js";
import { offerNameTaken } from "../../../state/myshare/offers.js";
import type { Tenant } from "../../../state/kernel/tenant.js";
import { boolField, charField, choiceField, decimalField, MSG, uuidText, type Field } from "../drf/fields.js";
import { asObject, Form, type ValidationErrors } from "../drf/form.js";

export type OfferInput = { ok: true; fields: Partial<OfferFields> } | { ok: false; errors: ValidationErrors };

const money = decimalField({ maxDigits: 12, decimalPlaces: 2, min: "0" });

/** A related catalog by its UUID (DRF's PrimaryKeyRelatedField over the caller's own catalogs). */
export function catalogRef(tenant: Tenant): Field<string> {
  return (value) => {
    const id = uuidText(value);
    if (id === undefined) return { ok: false, error: [MSG.uuid] };
    if (findCatalog(tenant, id) === undefined) return { ok: false, error: [`Invalid pk "${id}" - object does not exist.`] };
    return { ok: true, value: id };
  };
}

/** The nested prices serializer (many=True): errors per item, `{}` for the good ones. */
const prices: Field<Price[]> = (value) => {
  if (!Array.isArray(value)) return { ok: false, error: { non_field_errors: [MSG.notAList(value)] } };
  if (value.length === 0) return { ok: false, error: { non_field_errors: [MSG.emptyList] } };
  const out: Price[] = [];
  const errors: Record<string, string[]>[] = [];
  for (const item of value) {
    const object = asObject(item);
    if (!object.ok) {
      errors.push({ non_field_errors: [item === null ? MSG.null : MSG.notADict(item)] });
      continue;
    }
    const form = new Form(object.body, false);
    const cost = form.value("cost", money, { required: true });
    const currency = form.value("currency", choiceField(MS_CURRENCIES), { required: true });
    const itemErrors: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(form.errors)) itemErrors[key] = Array.isArray(messages) ? messages.flatMap((m) => (typeof m === "string" ? [m] : [])) : [];
    errors.push(itemErrors);
    if (cost !== undefined && currency !== undefined) out.push({ cost, currency });
  }
  if (errors.some((e) => Object.keys(e).length > 0)) return { ok: false, error: errors };
  const currencies = out.map((p) => p.currency);
  if (new Set(currencies).size !== currencies.length) return { ok: false, error: ["Each currency may have only one price."] };
  return { ok: true, value: out };
};

/**
 * The offer serializer. POST and PUT require name, catalog_id, is_promocode_allowed, is_active and
 * prices; exactly one of reward_percent and fix_remuneration must be set once the update is applied.
 * Legacy aliases: is_promo, disable (inverted is_active), remuneration_percent.
 */
export function readOffer(tenant: Tenant, body: Readonly<Record<string, unknown>>, partial: boolean, instance?: Offer): OfferInput {
  const form = new Form(body, partial);
  const fields: Partial<OfferFields> = {
    name: form.value("name", charField({ maxLength: 255 }), { required: true }),
    catalogId: form.value("catalog_id", catalogRef(tenant), { required: true }),
    isPromocodeAllowed: form.value("is_promocode_allowed", boolField, { required: true, aliases: LEGACY.is_promocode_allowed }),
    prices: form.value("prices", prices, { required: true }),
    description: form.value("description", charField({ allowBlank: true })),
  };
  const [disable] = LEGACY.is_active;
  if (form.has("is_active") || !form.has(disable)) {
    fields.isActive = form.value("is_active", boolField, { required: true });
  } else {
    const disabled = form.value(disable, boolField);
    if (disabled !== undefined) fields.isActive = !disabled;
  }
  const reward = form.read("reward_percent", decimalField({ decimalPlaces: 2, min: "0.05", max: "95" }), { nullable: true, aliases: LEGACY.reward_percent });
  const fix = form.read("fix_remuneration", money, { nullable: true });
  if (reward !== undefined) fields.rewardPercent = reward;
  if (fix !== undefined) fields.fixRemuneration = fix;
  if (!form.ok) return { ok: false, errors: form.errors };

  const catalogId = fields.catalogId ?? instance?.catalogId;
  const name = fields.name ?? instance?.name;
  if (catalogId !== undefined && name !== undefined && offerNameTaken(tenant, catalogId, name, instance?.id)) {
    return { ok: false, errors: { non_field_errors: ["The fields catalog_id, name must make a unique set."] } };
  }
  const finalReward = reward !== undefined ? reward : (instance?.rewardPercent ?? null);
  const finalFix = fix !== undefined ? fix : (instance?.fixRemuneration ?? null);
  if (finalReward === null && finalFix === null) return { ok: false, errors: { non_field_errors: ["Specify reward_percent or fix_remuneration."] } };
  if (finalReward !== null && finalFix !== null) {
    return { ok: false, errors: { non_field_errors: ["Specify only one of reward_percent and fix_remuneration; send the other as null."] } };
  }
  fields.rewardPercent = finalReward;
  fields.fixRemuneration = finalFix;
  return { ok: true, fields };
}

