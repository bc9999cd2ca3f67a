import type { PromoFields } from "../../../state/myshare/promos.js";
import type { Tenant } from "../../../state/kernel/tenant.js";
import { charField, decimalField, MSG, type Field } from "../drf/fields.js";
import { Form, type ValidationErrors } from "../drf/form.js";
import { catalogRef } from "./offer-input.js";

export type PromoInput = { ok: true; fields: Partial<PromoFields> } | { ok: false; errors: ValidationErrors };

const percent = decimalField({ decimalPlaces: 2, min: "0", max: "100" });

/**
 * DRF's ManyRelatedField over the caller's catalogs (PrimaryKeyRelatedField(many=True), not empty): a
 * list, each item a catalog UUID of the tenant; the first bad item's message, as DRF stops there.
 */
function catalogs(tenant: Tenant): Field<string[]> {
  const ref = catalogRef(tenant);
  return (value) => {
    if (!Array.isArray(value)) return { ok: false, error: [MSG.notAList(value)] };
    if (value.length === 0) return { ok: false, error: [MSG.emptyList] };
    const ids: string[] = [];
    for (const item of value) {
      const parsed = item === null ? { ok: false as const, error: [MSG.null] } : ref(item);
      if (!parsed.ok) return parsed;
      ids.push(parsed.value);
    }
    return { ok: true, value: ids };
  };
}

/** The personal promo code serializer: code, percent_discounts, catalog (all required on POST and PUT). */
export function readPromo(tenant: Tenant, body: Readonly<Record<string, unknown>>, partial: boolean): PromoInput {
  const form = new Form(body, partial);
  const code = form.value("code", charField({ maxLength: 255 }), { required: true });
  const percentDiscounts = form.value("percent_discounts", percent, { required: true });
  const catalogIds = form.value("catalog", catalogs(tenant), { required: true });
  if (!form.ok) return { ok: false, errors: form.errors };
  const fields: Partial<PromoFields> = {};
  if (code !== undefined) fields.code = code;
  if (percentDiscounts !== undefined) fields.percent = percentDiscounts;
  if (catalogIds !== undefined) fields.catalogIds = catalogIds;
  return { ok: true, fields };
}
