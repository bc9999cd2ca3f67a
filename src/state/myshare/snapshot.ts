import { MyshareSnapshot } from "../../contracts/myshare/snapshot.js";
import { describeIssues } from "../kernel/issues.js";
import type { JsonValue } from "../kernel/json.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { peekState, replaceState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import type { MyshareState } from "./model.js";

/**
 * The tenant's myshare state as plain JSON; null while the tenant has not used myshare (exporting must
 * not create the state, which would draw from the tenant's randomness and change what comes next).
 */
export function exportMyshare(tenant: Tenant): JsonValue {
  return JSON.parse(JSON.stringify(viewMyshare(tenant)));
}

/** The export's data, sharing the live state's objects (ProviderModule.viewState). */
export function viewMyshare(tenant: Tenant): MyshareSnapshot | null {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return null;
  const snapshot: MyshareSnapshot = {
    profile: state.profile,
    catalogs: [...state.catalogs.values()],
    offers: [...state.offers.values()],
    landings: [...state.landings.values()],
    partners: [...state.partners.values()],
    promos: [...state.promos.values()],
    deals: [...state.deals.values()],
  };
  return snapshot;
}

function duplicate(ids: string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/**
 * Rebuilds the tenant's myshare state from a snapshot (null: not used yet), or says what is wrong with
 * it, paths relative to the myshare part (the kernel names the part).
 */
export function importMyshare(tenant: Tenant, data: unknown): Result<void, string> {
  if (data === null) return ok(undefined);
  const parsed = MyshareSnapshot.safeParse(data);
  if (!parsed.success) return fail(describeIssues(parsed.error));
  const snap = parsed.data;
  const checks: Array<[string, string[]]> = [
    ["catalog id", snap.catalogs.map((c) => c.id)],
    ["catalog publicId", snap.catalogs.map((c) => c.publicId)],
    ["catalog catalogCode", snap.catalogs.map((c) => c.catalogCode)],
    ["offer id", snap.offers.map((o) => o.id)],
    ["offer (catalogId, name)", snap.offers.map((o) => `${o.catalogId}/${o.name}`)],
    ["landing id", snap.landings.map((l) => l.id)],
    ["partner id", snap.partners.map((p) => p.id)],
    ["partner uid", snap.partners.map((p) => p.uid)],
    ["promo id", snap.promos.map((p) => p.id)],
    ["deal id", snap.deals.map((d) => d.id)],
    ["deal dealId", snap.deals.map((d) => d.dealId)],
  ];
  for (const [what, ids] of checks) {
    const dup = duplicate(ids);
    if (dup !== undefined) return fail(`${what} ${dup} appears twice; every ${what} must be unique`);
  }
  const catalogs = new Set(snap.catalogs.map((c) => c.id));
  const offers = new Map(snap.offers.map((o) => [o.id, o]));
  const partners = new Set(snap.partners.map((p) => p.id));
  for (const item of [...snap.offers, ...snap.landings, ...snap.partners]) {
    if (!catalogs.has(item.catalogId)) return fail(`${item.id} points to catalog ${item.catalogId}, which the snapshot lacks; add that catalog or remove ${item.id}`);
  }
  const promos = new Set(snap.promos.map((p) => p.id));
  for (const promo of snap.promos) {
    const missing = promo.catalogIds.find((id) => !catalogs.has(id));
    if (missing !== undefined) return fail(`promo ${promo.id} points to catalog ${missing}, which the snapshot lacks; add that catalog or remove it from the promo's catalogIds`);
    const partnerCode = snap.partners.find((p) => p.promoCode === promo.code && promo.catalogIds.includes(p.catalogId));
    const twin = snap.promos.find((p) => p.id !== promo.id && p.code === promo.code && p.catalogIds.some((id) => promo.catalogIds.includes(id)));
    if (partnerCode !== undefined || twin !== undefined) {
      return fail(`promo ${promo.id}: code ${promo.code} appears twice in one catalog; a promo code must be unique within each of its catalogs`);
    }
  }
  for (const deal of snap.deals) {
    const offer = offers.get(deal.offerId);
    if (offer === undefined || offer.catalogId !== deal.catalogId) {
      return fail(`deal ${deal.id} points to offer ${deal.offerId} of catalog ${deal.catalogId}, which the snapshot lacks; add that offer or remove the deal`);
    }
    if (deal.promoId !== null && !promos.has(deal.promoId)) return fail(`deal ${deal.id} points to promo ${deal.promoId}, which the snapshot lacks; add that promo or set its promoId to null`);
    if (deal.partnerId !== null && !partners.has(deal.partnerId)) return fail(`deal ${deal.id} points to partner ${deal.partnerId}, which the snapshot lacks; add that partner or set its partnerId to null`);
  }
  const state: MyshareState = {
    profile: snap.profile,
    catalogs: new Map(snap.catalogs.map((c) => [c.id, c])),
    offers,
    landings: new Map(snap.landings.map((l) => [l.id, l])),
    partners: new Map(snap.partners.map((p) => [p.id, p])),
    promos: new Map(snap.promos.map((p) => [p.id, { ...p, catalogIds: [...p.catalogIds] }])),
    deals: new Map(snap.deals.map((d) => [d.id, d])),
    dealIds: new Map(snap.deals.map((d) => [d.dealId, d.id])),
  };
  replaceState(tenant, "myshare", state);
  return ok(undefined);
}
