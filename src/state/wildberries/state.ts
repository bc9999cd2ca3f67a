import { stateOf } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { generateCatalogue } from "./catalogue.js";
import type { Campaign, Catalogue, MediaCampaign, Money, Payment, UpdRow } from "./model.js";
import { emptyMemo, type WildberriesMemo } from "./traffic-memo.js";
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
  /** Work saved between calls (traffic-memo.ts): not state, never exported. */
  memo: WildberriesMemo;
}

declare module "../kernel/provider-states.js" {
  interface ProviderStates {
    wildberries: WildberriesState;
  }
}

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
    memo: emptyMemo(),
  };
}

/** The tenant's Wildberries seller, created (with its seeded catalogue) on first use. */
export function wildberriesState(tenant: Tenant): WildberriesState {
  return stateOf(tenant, "wildberries", emptyState);
}

/** A fresh campaign id: 7-8 digits, increasing with gaps, as Wildberries hands them out. */
export function nextAdvertId(tenant: Tenant, state: WildberriesState): number {
  state.nextAdvertId += tenant.rng.int(1, 97);
  return state.nextAdvertId;
}
