import { fail, ok, type Result } from "../kernel/result.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { findCatalog } from "./catalogs.js";
import { freshCode, freshUuid } from "./ids.js";
import { PROVIDER, type Partner } from "./model.js";
import { myshareState } from "./state.js";

export type JoinError = { kind: "catalogNotFound" } | { kind: "percentOutOfRange"; min: number; max: number };

/**
 * A partner joins a catalog (the control plane stands in for the partner's side of myshare): they get
 * a 12-character promo code for that catalog, worth `percent` (default: the catalog's minimum), and an
 * 8-character myshare uid for their links.
 */
export function joinPartner(tenant: Tenant, catalogId: string, percent: number | undefined): Result<Partner, JoinError> {
  const catalog = findCatalog(tenant, catalogId);
  if (catalog === undefined) return fail({ kind: "catalogNotFound" });
  const min = catalog.minPromoCodePercent;
  const max = catalog.maxPromoCodePercent;
  const chosen = percent ?? min;
  if (chosen < min || chosen > max) return fail({ kind: "percentOutOfRange", min, max });
  const state = myshareState(tenant);
  const partners = [...state.partners.values()];
  const partner: Partner = {
    id: freshUuid(tenant, (id) => state.partners.has(id)),
    catalogId,
    promoCode: freshCode(tenant, 12, (code) => partners.some((p) => p.promoCode === code) || [...state.promos.values()].some((p) => p.code === code)),
    uid: freshCode(tenant, 8, (uid) => partners.some((p) => p.uid === uid)),
    percent: chosen,
    joinedAt: tenant.now(),
  };
  state.partners.set(partner.id, partner);
  tenant.record({
    provider: PROVIDER,
    entity: "partner",
    id: partner.id,
    from: null,
    to: "joined",
    detail: { catalog_id: catalogId, promo_code: partner.promoCode, uid: partner.uid, percent_discounts: chosen },
  });
  return ok(partner);
}

/** The partner whose promo code `code` is, for that catalog (codes are case-sensitive). */
export function partnerByPromo(tenant: Tenant, catalogId: string, code: string): Partner | undefined {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return undefined;
  for (const partner of state.partners.values()) if (partner.catalogId === catalogId && partner.promoCode === code) return partner;
  return undefined;
}

export function partnerByUid(tenant: Tenant, uid: string): Partner | undefined {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return undefined;
  for (const partner of state.partners.values()) if (partner.uid === uid) return partner;
  return undefined;
}
