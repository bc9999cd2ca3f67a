import type { Tenant } from "../kernel/tenant.js";
import type { Campaign, CampaignStatus } from "./model.js";
import { startTraffic, stopTraffic } from "./traffic-timers.js";

/**
 * Called after every status change of a promotion campaign (by setCampaignStatus): the traffic
 * simulation starts when a campaign enters 9 and stops when it leaves it.
 */
export function campaignStatusChanged(tenant: Tenant, campaign: Campaign, from: CampaignStatus): void {
  if (campaign.status === 9 && from !== 9) startTraffic(tenant, campaign);
  else if (from === 9 && campaign.status !== 9) stopTraffic(tenant, campaign);
}
