import { MsCheckPromoResponse, MsCheckUuidResponse, MsPromo } from "../../../contracts/myshare/promo.js";
import type { Catalog, PromoCode } from "../../../state/myshare/model.js";
import { catalogByCode, catalogByPublicId } from "../../../state/myshare/catalogs.js";
import { partnerByUid } from "../../../state/myshare/partners.js";
import { createPromo, discountOf, findPromo, updatePromo, type PromoError } from "../../../state/myshare/promos.js";
import type { Answer } from "../../http/answer.js";
import { invalid, json, notFound } from "../answers.js";
import { MSG, uuidText } from "../drf/fields.js";
import type { ValidationErrors } from "../drf/form.js";
import { idOf, type MsCall, type MsHandlers } from "../route.js";
import { readPromo } from "../serializers/promo-input.js";
import { promoView } from "../views.js";

/** The query parameters, as Django's QueryDict.get reads them (the last value of a repeated key). */
function queryOf(call: MsCall, names: readonly string[]): { values: Record<string, string>; errors: ValidationErrors } {
  const params = new URLSearchParams(call.exchange.query);
  const values: Record<string, string> = {};
  const errors: ValidationErrors = {};
  for (const name of names) {
    const all = params.getAll(name);
    const value = all[all.length - 1];
    if (value === undefined) errors[name] = [MSG.required];
    else if (value.trim() === "") errors[name] = [MSG.blank];
    else values[name] = value.trim();
  }
  return { values, errors };
}

/** The discount `code` grants in `catalog` (a partner's code or a personal one), or DRF's 404. */
function discountAnswer(call: MsCall, catalog: Catalog | undefined, code: string): Answer {
  const percent = catalog === undefined ? undefined : discountOf(call.tenant, catalog.id, code);
  return percent === undefined ? notFound() : json(200, { percent_discounts: percent }, MsCheckPromoResponse);
}

/** A personal promo code's refusal as DRF field errors. */
function promoErrors(error: PromoError): ValidationErrors {
  switch (error.kind) {
    case "codeTaken":
      return { code: [`Promo code ${error.code} already exists in catalog ${error.catalogCode}.`] };
    case "percentOutOfRange":
      return {
        percent_discounts: [
          `Ensure this value is between ${error.min} and ${error.max}, the min_promo_code_percent and max_promo_code_percent of catalog ${error.catalogCode}.`,
        ],
      };
  }
}

/** The caller's personal promo code named by the path (a UUID; another tenant's is not found). */
function promoOf(call: MsCall): PromoCode | undefined {
  const id = uuidText(idOf(call));
  return id === undefined ? undefined : findPromo(call.tenant, id);
}

/** PUT (every field required) and PATCH /promo/{id}/ */
function updatePromoRoute(partial: boolean) {
  return (call: MsCall): Answer => {
    const promo = promoOf(call);
    if (promo === undefined) return notFound();
    const read = call.body.object();
    if (!read.ok) return read.answer;
    const input = readPromo(call.tenant, read.body, partial);
    if (!input.ok) return invalid(input.errors);
    const updated = updatePromo(call.tenant, promo, input.fields);
    if (!updated.ok) return invalid(promoErrors(updated.error));
    return json(200, promoView(updated.value), MsPromo);
  };
}

/** /promo/, /promo/{id}/, /promo/check_promo/, /promo/check_promo_by_code/ and /promo/check_uuid/ */
export const PROMO_HANDLERS = {
  createPromo: ({ tenant, body }) => {
    const read = body.object();
    if (!read.ok) return read.answer;
    const input = readPromo(tenant, read.body, false);
    if (!input.ok) return invalid(input.errors);
    const { code, percent, catalogIds } = input.fields;
    if (code === undefined || percent === undefined || catalogIds === undefined) return invalid({ code: [MSG.required] });
    const created = createPromo(tenant, { code, percent, catalogIds });
    if (!created.ok) return invalid(promoErrors(created.error));
    return json(201, promoView(created.value), MsPromo);
  },
  getPromo: (call) => {
    const promo = promoOf(call);
    return promo === undefined ? notFound() : json(200, promoView(promo), MsPromo);
  },
  putPromo: updatePromoRoute(false),
  patchPromo: updatePromoRoute(true),
  /** ?code=&catalog_id=<5-character catalog_id>: the code's percent_discounts. */
  checkPromo: (call) => {
    const { values, errors } = queryOf(call, ["code", "catalog_id"]);
    const code = values["code"];
    const publicId = values["catalog_id"];
    if (code === undefined || publicId === undefined) return invalid(errors);
    return discountAnswer(call, catalogByPublicId(call.tenant, publicId), code);
  },
  /** ?catalog_code=&code=: check_promo with the catalog named by its catalog_code. */
  checkPromoByCode: (call) => {
    const { values, errors } = queryOf(call, ["catalog_code", "code"]);
    const code = values["code"];
    const catalogCode = values["catalog_code"];
    if (code === undefined || catalogCode === undefined) return invalid(errors);
    return discountAnswer(call, catalogByCode(call.tenant, catalogCode), code);
  },
  /** ?code=<myshare uid>: 0 for a known uid (a link grants no discount). */
  checkUuid: (call) => {
    const { values, errors } = queryOf(call, ["code"]);
    const code = values["code"];
    if (code === undefined) return invalid(errors);
    if (partnerByUid(call.tenant, code) === undefined) return notFound();
    return json(200, { percent_discounts: 0 }, MsCheckUuidResponse);
  },
} satisfies MsHandlers;
