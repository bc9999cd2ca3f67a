import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import type { DealStatus } from "./model.js";

/** A catalog as the control plane's read-only view shows it. */
export type MsCatalogOverview = {
  id: string;
  publicId: string;
  title: string;
  moderationType: string;
  isPublished: boolean;
  holdDuration: string;
  canceledDuration: string;
  partners: number;
};

export type MsOfferOverview = {
  id: string;
  catalogId: string;
  name: string;
  isActive: boolean;
  prices: { cost: number; currency: string }[];
};

export type MsPartnerOverview = {
  id: string;
  catalogId: string;
  promoCode: string;
  uid: string;
  percent: number;
};

/** A deal with the deadline of its pending timer split by what it does. Instants are epoch ms. */
export type MsDealOverview = {
  id: string;
  dealId: string;
  catalogId: string;
  offerId: string;
  status: DealStatus;
  cost: number;
  currency: string;
  paymentSum: number;
  conversionTime: number;
  /** Paid: when the hold ends and the deal is approved; otherwise null. */
  holdDeadline: number | null;
  /** Created: when the unpaid deal is canceled; otherwise null. */
  cancelDeadline: number | null;
  partnerId: string | null;
};

export type MsOverview = {
  catalogs: MsCatalogOverview[];
  offers: MsOfferOverview[];
  partners: MsPartnerOverview[];
  deals: MsDealOverview[];
};

/**
 * The tenant's myshare business partner at a glance: catalogs, offers, partners who joined and deals (with
 * their hold and cancel deadlines), each in the order they were made. A pure read: it neither settles timers
 * nor creates the tenant's myshare state (no profile drawn).
 */
export function myshareOverview(tenant: Tenant): MsOverview {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return { catalogs: [], offers: [], partners: [], deals: [] };
  const partnersOf = new Map<string, number>();
  for (const partner of state.partners.values()) partnersOf.set(partner.catalogId, (partnersOf.get(partner.catalogId) ?? 0) + 1);
  return {
    catalogs: [...state.catalogs.values()].map((c) => ({
      id: c.id,
      publicId: c.publicId,
      title: c.title,
      moderationType: c.moderationType,
      isPublished: c.isPublished,
      holdDuration: c.holdDuration,
      canceledDuration: c.canceledDuration,
      partners: partnersOf.get(c.id) ?? 0,
    })),
    offers: [...state.offers.values()].map((o) => ({
      id: o.id,
      catalogId: o.catalogId,
      name: o.name,
      isActive: o.isActive,
      prices: o.prices.map((p) => ({ cost: p.cost, currency: p.currency })),
    })),
    partners: [...state.partners.values()].map((p) => ({ id: p.id, catalogId: p.catalogId, promoCode: p.promoCode, uid: p.uid, percent: p.percent })),
    deals: [...state.deals.values()].map((d) => ({
      id: d.id,
      dealId: d.dealId,
      catalogId: d.catalogId,
      offerId: d.offerId,
      status: d.status,
      cost: d.cost,
      currency: d.currency,
      paymentSum: d.paymentSum,
      conversionTime: d.conversionTime,
      holdDeadline: d.status === "Paid" ? d.deadline : null,
      cancelDeadline: d.status === "Created" ? d.deadline : null,
      partnerId: d.partnerId,
    })),
  };
}
