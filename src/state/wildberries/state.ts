import type { Tenant } from "../kernel/tenant.js";
import { generateCatalogue } from "./catalogue.js";
import type { Campaign, Catalogue, MediaCampaign, Money, Payment, UpdRow } from "./model.js";
import { emptyTraffic, type TrafficState } from "./traffic-model.js";

/** Everything the Wildberries side keeps for one tenant (one seller). */
export interface WildberriesState {
  money: Money;
  payments: Payment[];
  upd: UpdRow[];
  catalogue: Catalogue;
  campaigns: Map<number, Campaign>;
  media: Map<number, MediaCampaign>;
  traffic: TrafficState;
  /** Next ids handed out (7-8 digit campaign ids, payment ids, media item ids). */
  nextAdvertId: number;
  nextPaymentId: number;
  nextUpdNum: number;
  nextMediaItemId: number;
}

const states = new WeakMap<Tenant, WildberriesState>();

export function emptyState(tenant: Tenant): WildberriesState {
  return {
    money: { balance: 0, net: 0, bonus: 0 },
    payments: [],
    upd: [],
    catalogue: generateCatalogue(tenant),
    campaigns: new Map(),
    media: new Map(),
    traffic: emptyTraffic(),
    nextAdvertId: tenant.rng.int(9_000_000, 19_000_000),
    nextPaymentId: tenant.rng.int(1_000_000, 9_000_000),
    nextUpdNum: 0,
    nextMediaItemId: tenant.rng.int(100_000, 900_000),
  };
}

/** The tenant's Wildberries seller, created (with its seeded catalogue) on first use. */
export function wildberriesState(tenant: Tenant): WildberriesState {
  let state = states.get(tenant);
  if (state === undefined) {
    state = emptyState(tenant);
    states.set(tenant, state);
  }
  return state;
}

export function replaceState(tenant: Tenant, state: WildberriesState): void {
  states.set(tenant, state);
}

/** The tenant's state if it has one, without creating it (timers use this: no state, nothing to do). */
export function existingState(tenant: Tenant): WildberriesState | undefined {
  return states.get(tenant);
}

/** A fresh campaign id: 7-8 digits, increasing with gaps, as Wildberries hands them out. */
export function nextAdvertId(tenant: Tenant, state: WildberriesState): number {
  state.nextAdvertId += tenant.rng.int(1, 97);
  return state.nextAdvertId;
}
