import { MsCheckPromoResponse, MsCheckUuidResponse } from "../../../contracts/myshare/promo.js";
import { catalogByPublicId } from "../../../state/myshare/catalogs.js";
import { partnerByPromo, partnerByUid } from "../../../state/myshare/partners.js";
import { invalid, json, notFound } from "../answers.js";
import { MSG } from "../drf/fields.js";
import type { ValidationErrors } from "../drf/form.js";
import type { MsCall, MsHandlers } from "../route.js";

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

/** /promo/check_promo/ and /promo/check_uuid/ */
export const PROMO_HANDLERS = {
  /** ?code=&catalog_id=<5-character catalog_id>: the code's percent_discounts. */
  checkPromo: (call) => {
    const { values, errors } = queryOf(call, ["code", "catalog_id"]);
    const code = values["code"];
    const publicId = values["catalog_id"];
    if (code === undefined || publicId === undefined) return invalid(errors);
    const catalog = catalogByPublicId(call.tenant, publicId);
    const partner = catalog === undefined ? undefined : partnerByPromo(call.tenant, catalog.id, code);
    if (partner === undefined) return notFound();
    return json(200, { percent_discounts: partner.percent }, MsCheckPromoResponse);
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
