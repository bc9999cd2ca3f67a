import type { Tenant } from "../kernel/tenant.js";
import type { Campaign, YooMoneyState } from "./model.js";

const states = new WeakMap<Tenant, YooMoneyState>();

export function emptyState(tenant: Tenant): YooMoneyState {
  return { campaigns: new Map(), byPartnerId: new Map(), nextId: tenant.rng.int(1000, 99_999), clickIds: new Set() };
}

/** The tenant's YooMoney data, created on first use. A reset tenant is a new object, so it starts empty. */
export function yoomoneyState(tenant: Tenant): YooMoneyState {
  let state = states.get(tenant);
  if (state === undefined) {
    state = emptyState(tenant);
    states.set(tenant, state);
  }
  return state;
}

export function replaceState(tenant: Tenant, state: YooMoneyState): void {
  states.set(tenant, state);
}

/** The tenant's YooMoney data if it has any, without creating it. */
export function existingState(tenant: Tenant): YooMoneyState | undefined {
  return states.get(tenant);
}

/** Looks a campaign up without creating the tenant's YooMoney state (which would draw from its randomness). */
export function findCampaign(tenant: Tenant, ymCampaignId: number): Campaign | undefined {
  return states.get(tenant)?.campaigns.get(ymCampaignId);
}
