import { fail, ok, type Result } from "../kernel/result.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { findCatalog } from "./catalogs.js";
import { freshUuid } from "./ids.js";
import { PROVIDER, type Catalog, type PromoCode } from "./model.js";
import { partnerByPromo } from "./partners.js";
import { myshareState } from "./state.js";

/** The writable fields of a personal promo code (what the serializer hands the domain). */
export interface PromoFields {
  code: string;
  percent: number;
  catalogIds: string[];
}

/** Why a personal promo code is refused, with what its message needs. */
export type PromoError =
  | { kind: "codeTaken"; code: string; catalogCode: string }
  | { kind: "percentOutOfRange"; percent: number; catalogCode: string; min: number; max: number };

export function findPromo(tenant: Tenant, id: string): PromoCode | undefined {
  return peekState(tenant, "myshare")?.promos.get(id);
}

/** The personal promo code `code` of that catalog (codes are case-sensitive). */
export function personalPromo(tenant: Tenant, catalogId: string, code: string, exceptId?: string): PromoCode | undefined {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return undefined;
  for (const promo of state.promos.values()) {
    if (promo.code === code && promo.id !== exceptId && promo.catalogIds.includes(catalogId)) return promo;
  }
  return undefined;
}

/** Whether `code` is a partner's or a personal promo code of any catalog of the tenant (the deal list's `promo` choices). */
export function isKnownPromoCode(tenant: Tenant, code: string): boolean {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return false;
  return [...state.partners.values()].some((partner) => partner.promoCode === code) || [...state.promos.values()].some((promo) => promo.code === code);
}

/**
 * The buyer's discount `code` grants in a catalog: a partner's code or a personal one; undefined when it
 * is neither (check_promo and check_promo_by_code answer 404 then).
 */
export function discountOf(tenant: Tenant, catalogId: string, code: string): number | undefined {
  return partnerByPromo(tenant, catalogId, code)?.percent ?? personalPromo(tenant, catalogId, code)?.percent;
}

/**
 * A code is unique within each catalog it is valid in (partners' codes included), and its percent lies
 * within every one of those catalogs' min/max_promo_code_percent.
 */
function check(tenant: Tenant, fields: PromoFields, exceptId?: string): Result<void, PromoError> {
  const catalogs = fields.catalogIds.flatMap((id) => {
    const catalog = findCatalog(tenant, id);
    return catalog === undefined ? [] : [catalog];
  });
  const taken = catalogs.find((c: Catalog) => partnerByPromo(tenant, c.id, fields.code) !== undefined || personalPromo(tenant, c.id, fields.code, exceptId) !== undefined);
  if (taken !== undefined) return fail({ kind: "codeTaken", code: fields.code, catalogCode: taken.catalogCode });
  const outside = catalogs.find((c) => fields.percent < c.minPromoCodePercent || fields.percent > c.maxPromoCodePercent);
  if (outside !== undefined) {
    return fail({ kind: "percentOutOfRange", percent: fields.percent, catalogCode: outside.catalogCode, min: outside.minPromoCodePercent, max: outside.maxPromoCodePercent });
  }
  return ok(undefined);
}

/** POST /promo/: a personal promo code in the catalogs given (their UUIDs, which the serializer resolved). */
export function createPromo(tenant: Tenant, fields: PromoFields): Result<PromoCode, PromoError> {
  const checked = check(tenant, fields);
  if (!checked.ok) return checked;
  const state = myshareState(tenant);
  const now = tenant.now();
  const promo: PromoCode = {
    id: freshUuid(tenant, (id) => state.promos.has(id)),
    code: fields.code,
    percent: fields.percent,
    catalogIds: [...new Set(fields.catalogIds)],
    createdAt: now,
    modifiedAt: now,
  };
  state.promos.set(promo.id, promo);
  tenant.record({ provider: PROVIDER, entity: "promo", id: promo.id, from: null, to: "created", detail: { code: promo.code, percent_discounts: promo.percent, catalog: promo.catalogIds } });
  return ok(promo);
}

/** PUT and PATCH /promo/{id}/: the fields sent, checked together with the ones kept. */
export function updatePromo(tenant: Tenant, promo: PromoCode, fields: Partial<PromoFields>): Result<PromoCode, PromoError> {
  const next: PromoFields = {
    code: fields.code ?? promo.code,
    percent: fields.percent ?? promo.percent,
    catalogIds: fields.catalogIds === undefined ? promo.catalogIds : [...new Set(fields.catalogIds)],
  };
  const checked = check(tenant, next, promo.id);
  if (!checked.ok) return checked;
  promo.code = next.code;
  promo.percent = next.percent;
  promo.catalogIds = next.catalogIds;
  promo.modifiedAt = tenant.now();
  tenant.record({ provider: PROVIDER, entity: "promo", id: promo.id, from: "created", to: "updated", detail: { code: promo.code, percent_discounts: promo.percent, catalog: promo.catalogIds } });
  return ok(promo);
}
