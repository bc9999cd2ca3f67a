import { fail, ok, type Result } from "../kernel/result.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { attribute } from "./attribution.js";
import { findCatalog } from "./catalogs.js";
import { cancel, enterCreated, pay, reject } from "./deal-machine.js";
import { freshCode } from "./ids.js";
import { toCents, paymentSum } from "./money.js";
import { PROVIDER, type Catalog, type Deal, type DealStatus, type Offer } from "./model.js";
import { findOffer } from "./offers.js";
import { myshareState } from "./state.js";

export interface DealInput {
  status: "Created" | "Paid";
  catalog: Catalog;
  offer: Offer;
  cost: number;
  currency: "USD" | "RUB";
  dealId: string;
  promoCode: string | null;
  anotherData: string | null;
}

export interface DealPatch {
  status?: "Created" | "Paid" | "Canceled" | undefined;
  cost?: number | undefined;
  isReturned?: boolean | undefined;
  comment?: string | null | undefined;
}

export type DealError =
  | { kind: "dealIdTaken" }
  | { kind: "transition"; from: DealStatus; to: DealStatus }
  | { kind: "final"; status: DealStatus }
  | { kind: "returnedWithoutCancel" };

export function findDeal(tenant: Tenant, key: string): Deal | undefined {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return undefined;
  const byDealId = state.dealIds.get(key);
  return state.deals.get(byDealId ?? key);
}

/** By system id only (what timers carry). */
export function dealBySystemId(tenant: Tenant, id: string): Deal | undefined {
  return peekState(tenant, "myshare")?.deals.get(id);
}

/**
 * POST /deal/: a new deal (Created or Paid). A deal_id the tenant already used is an update of that deal
 * when catalog, offer and currency agree (the seed's "send all deal parameters and the new status");
 * otherwise it is taken.
 */
export function createDeal(tenant: Tenant, input: DealInput): Result<{ deal: Deal; created: boolean }, DealError> {
  const state = myshareState(tenant);
  const existing = findByDealId(tenant, input.dealId);
  if (existing !== undefined) {
    const same = existing.catalogId === input.catalog.id && existing.offerId === input.offer.id && existing.currency === input.currency;
    if (!same) return fail({ kind: "dealIdTaken" });
    const updated = updateDeal(tenant, existing, { status: input.status, cost: input.cost });
    return updated.ok ? ok({ deal: updated.value, created: false }) : updated;
  }
  const now = tenant.now();
  const deal: Deal = {
    id: freshCode(tenant, 8, (code) => state.deals.has(code)),
    dealId: input.dealId,
    catalogId: input.catalog.id,
    offerId: input.offer.id,
    status: input.status,
    cost: input.cost,
    currency: input.currency,
    isReturned: false,
    promoCode: input.promoCode,
    anotherData: input.anotherData,
    comment: null,
    paymentSum: paymentSum(input.cost, input.offer.rewardPercent, input.offer.fixRemuneration),
    conversionTime: now,
    modifiedAt: now,
    paidAt: null,
    approvedAt: null,
    canceledAt: null,
    timer: null,
    deadline: null,
    partnerId: null,
    attribution: null,
    promoId: null,
  };
  const attribution = attribute(tenant, input.catalog, deal);
  deal.partnerId = attribution.partnerId;
  deal.attribution = attribution.source;
  deal.promoId = attribution.promoId;
  state.deals.set(deal.id, deal);
  state.dealIds.set(deal.dealId, deal.id);
  tenant.record({
    provider: PROVIDER,
    entity: "deal",
    id: deal.id,
    from: null,
    to: deal.status,
    detail: { deal_id: deal.dealId, attribution: attribution.source, partner_id: attribution.partnerId, promo_id: attribution.promoId, warning: attribution.warning },
  });
  if (deal.status === "Paid") pay(tenant, deal, input.catalog);
  else enterCreated(tenant, deal, input.catalog);
  return ok({ deal, created: true });
}

function findByDealId(tenant: Tenant, dealId: string): Deal | undefined {
  const state = peekState(tenant, "myshare");
  const id = state?.dealIds.get(dealId);
  return id === undefined ? undefined : state?.deals.get(id);
}

/** PATCH /deal/{id}/ through the transition table of research/myshare.md §4.3. */
export function updateDeal(tenant: Tenant, deal: Deal, patch: DealPatch): Result<Deal, DealError> {
  const target = patch.status ?? deal.status;
  const costChanges = patch.cost !== undefined && toCents(patch.cost) !== toCents(deal.cost);
  if (deal.status === "Canceled" || deal.status === "Approved" || deal.status === "Rejected") {
    const returnedChanges = patch.isReturned !== undefined && patch.isReturned !== deal.isReturned;
    if (target !== deal.status || costChanges || returnedChanges) return fail({ kind: "final", status: deal.status });
  }
  if ((patch.isReturned ?? deal.isReturned) && target !== "Canceled") return fail({ kind: "returnedWithoutCancel" });
  if (deal.status === "Paid" && target === "Created") return fail({ kind: "transition", from: "Paid", to: "Created" });

  const catalog = findCatalog(tenant, deal.catalogId);
  if (patch.cost !== undefined && costChanges) {
    deal.cost = patch.cost;
    const offer = findOffer(tenant, deal.offerId);
    if (offer !== undefined) deal.paymentSum = paymentSum(deal.cost, offer.rewardPercent, offer.fixRemuneration);
  }
  if (patch.isReturned !== undefined) deal.isReturned = patch.isReturned;
  if (patch.comment !== undefined) deal.comment = patch.comment;
  deal.modifiedAt = tenant.now();
  if (target !== deal.status) {
    if (target === "Paid" && catalog !== undefined) pay(tenant, deal, catalog);
    else if (target === "Canceled") cancel(tenant, deal);
  }
  return ok(deal);
}

/** Only a deal the platform has not settled yet (Created or Paid) can be rejected. */
export type RejectError = { kind: "notRejectable"; status: DealStatus };

/** The platform's moderation rejects a Created or Paid deal (POST /__sandbox/myshare/deals/{id}/rejection). */
export function rejectDeal(tenant: Tenant, deal: Deal, reason: string | null): Result<Deal, RejectError> {
  if (deal.status !== "Created" && deal.status !== "Paid") return fail({ kind: "notRejectable", status: deal.status });
  reject(tenant, deal, reason);
  return ok(deal);
}
