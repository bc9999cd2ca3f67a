import type { Tenant } from "../kernel/tenant.js";

/**
 * Which partner (tenant) owns each ymCampaignId, in the registry-wide Directory, so campaigns/stop can
 * answer failMerchant for another partner's campaign with one lookup instead of a scan of every tenant.
 * Ids are drawn per tenant, so several partners may own the same number.
 */
const CAMPAIGN = "yoomoney.campaign";

export function claimCampaigns(tenant: Tenant, ids: Iterable<number>): void {
  for (const id of ids) tenant.claim(CAMPAIGN, id);
}

export function releaseCampaigns(tenant: Tenant, ids: Iterable<number>): void {
  for (const id of ids) tenant.unclaim(CAMPAIGN, id);
}

/** Whether a partner other than `tenant` owns campaign `id`. */
export function ownedByAnotherPartner(tenant: Tenant, id: number): boolean {
  return tenant.claimedByAnother(CAMPAIGN, id);
}
