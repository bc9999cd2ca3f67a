import { MS_CURRENCIES, MS_DEAL_STATUSES } from "../../contracts/myshare/enums.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import type { Deal, DealStatus } from "./model.js";
import { toCents } from "./money.js";

/** What deals can be ordered by. */
export type DealOrderKey = "conversionTime" | "cost" | "paymentSum" | "modifiedAt";
export interface DealOrder {
  key: DealOrderKey;
  descending: boolean;
}

/** The newest conversion first: GET /deal/'s order when none is asked for. */
export const DEFAULT_DEAL_ORDER: readonly DealOrder[] = [{ key: "conversionTime", descending: true }];

/**
 * Which deals a list or a statistic covers. Every list holds the values any of which a deal must have
 * (an empty list: no condition); the bounds are inclusive instants on the tenant clock.
 */
export interface DealQuery {
  statuses: readonly DealStatus[];
  offerIds: readonly string[];
  /** The promo_code the deal was reported with. */
  promoCodes: readonly string[];
  currencies: readonly Deal["currency"][];
  after: number | null;
  before: number | null;
  order: readonly DealOrder[];
}

export const ALL_DEALS: DealQuery = { statuses: [], offerIds: [], promoCodes: [], currencies: [], after: null, before: null, order: DEFAULT_DEAL_ORDER };

const anyOf = <T>(values: readonly T[], value: T): boolean => values.length === 0 || values.includes(value);

function matches(deal: Deal, query: DealQuery): boolean {
  return (
    anyOf(query.statuses, deal.status) &&
    anyOf(query.offerIds, deal.offerId) &&
    (query.promoCodes.length === 0 || (deal.promoCode !== null && query.promoCodes.includes(deal.promoCode))) &&
    anyOf(query.currencies, deal.currency) &&
    (query.after === null || deal.conversionTime >= query.after) &&
    (query.before === null || deal.conversionTime <= query.before)
  );
}

/**
 * The tenant's deals the query selects, in its order; ties keep the order in which the deals were
 * reported, turned round with a descending key (so `-conversion_time` lists the last reported first).
 */
export function queryDeals(tenant: Tenant, query: DealQuery): Deal[] {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return [];
  const order = query.order.length === 0 ? DEFAULT_DEAL_ORDER : query.order;
  const indexed = [...state.deals.values()].map((deal, seq) => ({ deal, seq })).filter(({ deal }) => matches(deal, query));
  indexed.sort((a, b) => {
    for (const { key, descending } of order) {
      const diff = a.deal[key] - b.deal[key];
      if (diff !== 0) return descending ? -diff : diff;
    }
    const first = order[0];
    return first !== undefined && first.descending ? b.seq - a.seq : a.seq - b.seq;
  });
  return indexed.map(({ deal }) => deal);
}

/** Per status: how many deals, and the sum of their cost (null when there are none, as SQL's SUM). */
export interface DealStatistics {
  counts: Record<DealStatus, number>;
  costSums: Record<DealStatus, number | null>;
}

const byStatus = <T>(value: () => T): Record<DealStatus, T> => ({ Created: value(), Paid: value(), Approved: value(), Canceled: value(), Rejected: value() });

/** Counts and cost sums by status (every currency added together: filter by currency to separate them). */
export function dealStatistics(deals: readonly Deal[]): DealStatistics {
  const counts = byStatus(() => 0);
  const cents = byStatus<number | null>(() => null);
  for (const deal of deals) {
    counts[deal.status] += 1;
    cents[deal.status] = (cents[deal.status] ?? 0) + toCents(deal.cost);
  }
  const costSums = byStatus<number | null>(() => null);
  for (const status of MS_DEAL_STATUSES) {
    const sum = cents[status];
    costSums[status] = sum === null ? null : sum / 100;
  }
  return { counts, costSums };
}

/** How many deals have each value of the list's filters: offer id, currency, status, promo code. */
export interface DealFacets {
  offer: Record<string, number>;
  currency: Record<string, number>;
  status: Record<string, number>;
  promo: Record<string, number>;
}

export function dealFacets(deals: readonly Deal[]): DealFacets {
  // Every currency and status is listed (in the enums' order), with 0 when no deal has it.
  const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, 0]));
  const facets: DealFacets = { offer: {}, currency: zeros(MS_CURRENCIES), status: zeros(MS_DEAL_STATUSES), promo: {} };
  const bump = (counts: Record<string, number>, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const deal of deals) {
    bump(facets.offer, deal.offerId);
    bump(facets.currency, deal.currency);
    bump(facets.status, deal.status);
    if (deal.promoCode !== null) bump(facets.promo, deal.promoCode);
  }
  return facets;
}
