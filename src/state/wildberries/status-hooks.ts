import type { Tenant } from "../kernel/tenant.js";
import type { Campaign, CampaignStatus } from "./model.js";

/**
 * Called after every status change of a promotion campaign (by setCampaignStatus): the traffic
 * simulation starts when a campaign enters 9 and stops when it leaves it.
 */
export function campaignStatusChanged(_tenant: Tenant, _campaign: Campaign, _from: CampaignStatus): void {}
