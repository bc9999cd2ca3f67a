import { MS_CREATE_DEAL_STATUSES, MS_CURRENCIES, MS_UPDATE_DEAL_STATUSES } from "../../../contracts/myshare/enums.js";
import { catalogByCode } from "../../../state/myshare/catalogs.js";
import type { DealInput, DealPatch } from "../../../state/myshare/deals.js";
import { offerByName } from "../../../state/myshare/offers.js";
import type { Tenant } from "../../../state/kernel/tenant.js";
import { boolField, charField, choiceField, decimalField } from "../drf/fields.js";
import { Form, type ValidationErrors } from "../drf/form.js";

export type DealCreateInput = { ok: true; input: DealInput } | { ok: false; errors: ValidationErrors };
export type DealPatchInput = { ok: true; patch: DealPatch } | { ok: false; errors: ValidationErrors };

const money = decimalField({ maxDigits: 12, decimalPlaces: 2, min: "0" });
export const RETURNED_ONLY_WITH_CANCELED = "is_returned can only be set together with status Canceled.";

/** An optional text that may be null or blank; blank counts as not sent. */
function optionalText(form: Form, name: string): string | null {
  const value = form.read(name, charField({ maxLength: 255, allowBlank: true }), { nullable: true });
  return value === undefined || value === "" ? null : value;
}

/** The deal create serializer: the catalog by catalog_code, the offer by name within it. */
export function readDealCreate(tenant: Tenant, body: Readonly<Record<string, unknown>>): DealCreateInput {
  const form = new Form(body, false);
  const status = form.value("status", choiceField(MS_CREATE_DEAL_STATUSES), { required: true });
  const offerName = form.value("offer", charField({ maxLength: 255 }), { required: true });
  const cost = form.value("cost", money, { required: true });
  const currency = form.value("currency", choiceField(MS_CURRENCIES), { required: true });
  const dealId = form.value("deal_id", charField({ maxLength: 255 }), { required: true });
  const code = form.value("catalog_code", charField({ maxLength: 255 }), { required: true });
  const promoCode = optionalText(form, "promo_code");
  const anotherData = optionalText(form, "another_data");
  const returned = form.value("is_returned", boolField);

  const catalog = code === undefined ? undefined : catalogByCode(tenant, code);
  if (code !== undefined && catalog === undefined) form.fail("catalog_code", [`Object with catalog_code=${code} does not exist.`]);
  const offer = catalog === undefined || offerName === undefined ? undefined : offerByName(tenant, catalog.id, offerName);
  if (catalog !== undefined && offerName !== undefined && offer === undefined) form.fail("offer", [`Object with name=${offerName} does not exist.`]);
  if (returned === true) form.fail("is_returned", [RETURNED_ONLY_WITH_CANCELED]);
  if (!form.ok || status === undefined || cost === undefined || currency === undefined || dealId === undefined || catalog === undefined || offer === undefined) {
    return { ok: false, errors: form.errors };
  }
  if (promoCode === null && anotherData === null) {
    return { ok: false, errors: { non_field_errors: ["Either promo_code or another_data must be provided."] } };
  }
  return { ok: true, input: { status, catalog, offer, cost, currency, dealId, promoCode, anotherData } };
}

/** The deal update serializer (PATCH only): status, cost, is_returned, comment. */
export function readDealPatch(body: Readonly<Record<string, unknown>>): DealPatchInput {
  const form = new Form(body, true);
  const patch: DealPatch = {
    status: form.value("status", choiceField(MS_UPDATE_DEAL_STATUSES)),
    cost: form.value("cost", money),
    isReturned: form.value("is_returned", boolField),
  };
  const comment = form.read("comment", charField({ maxLength: 1000, allowBlank: true }), { nullable: true });
  if (comment !== undefined) patch.comment = comment;
  return form.ok ? { ok: true, patch } : { ok: false, errors: form.errors };
}
