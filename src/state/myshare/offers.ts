import { fail, ok, type Result } from "../kernel/result.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { assignDefined } from "./catalogs.js";
import { freshUuid } from "./ids.js";
import { PROVIDER, type Offer, type OfferFields } from "./model.js";
import { myshareState } from "./state.js";

export type OfferError = { kind: "offerNameTaken" };

/** Offer names are unique within their catalog: deals name their offer by (catalog_code, name). */
export function offerNameTaken(tenant: Tenant, catalogId: string, name: string, exceptId?: string): boolean {
  return offerByName(tenant, catalogId, name, exceptId) !== undefined;
}

export function offerByName(tenant: Tenant, catalogId: string, name: string, exceptId?: string): Offer | undefined {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return undefined;
  for (const offer of state.offers.values()) {
    if (offer.catalogId === catalogId && offer.name === name && offer.id !== exceptId) return offer;
  }
  return undefined;
}

export function createOffer(tenant: Tenant, fields: OfferFields): Result<Offer, OfferError> {
  if (offerNameTaken(tenant, fields.catalogId, fields.name)) return fail({ kind: "offerNameTaken" });
  const state = myshareState(tenant);
  const id = freshUuid(tenant, (candidate) => state.offers.has(candidate));
  const offer: Offer = { ...fields, prices: fields.prices.map((p) => ({ ...p })), id, createdAt: tenant.now() };
  state.offers.set(id, offer);
  tenant.record({ provider: PROVIDER, entity: "offer", id, from: null, to: "created", detail: { catalog_id: offer.catalogId, name: offer.name } });
  return ok(offer);
}

/** Applies the fields sent; `prices`, when sent, replaces the whole list. */
export function updateOffer(tenant: Tenant, offer: Offer, fields: Partial<OfferFields>): Result<Offer, OfferError> {
  const catalogId = fields.catalogId ?? offer.catalogId;
  const name = fields.name ?? offer.name;
  if (offerNameTaken(tenant, catalogId, name, offer.id)) return fail({ kind: "offerNameTaken" });
  assignDefined(offer, fields);
  return ok(offer);
}

export function findOffer(tenant: Tenant, id: string): Offer | undefined {
  return peekState(tenant, "myshare")?.offers.get(id);
}

/** A catalog's offers, oldest first. */
export function offersOf(tenant: Tenant, catalogId: string): Offer[] {
  const state = peekState(tenant, "myshare");
  return state === undefined ? [] : [...state.offers.values()].filter((o) => o.catalogId === catalogId);
}
