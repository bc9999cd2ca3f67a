import { peekState, stateOf } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { DEFAULT_MERCHANT_KIND, type Campaign, type YooMoneyState } from "./model.js";

declare module "../kernel/provider-states.js" {
  interface ProviderStates {
    yoomoney: YooMoneyState;
  }
}

export function emptyState(tenant: Tenant): YooMoneyState {
  return { campaigns: new Map(), byPartnerId: new Map(), nextId: tenant.rng.int(1000, 99_999), clickIds: new Set(), merchantKind: DEFAULT_MERCHANT_KIND };
}

/** The tenant's YooMoney data, created on first use. A reset tenant is a new object, so it starts empty. */
export function yoomoneyState(tenant: Tenant): YooMoneyState {
  return stateOf(tenant, "yoomoney", emptyState);
}

/** Looks a campaign up without creating the tenant's YooMoney state (which would draw from its randomness). */
export function findCampaign(tenant: Tenant, ymCampaignId: number): Campaign | undefined {
  return peekState(tenant, "yoomoney")?.campaigns.get(ymCampaignId);
}
