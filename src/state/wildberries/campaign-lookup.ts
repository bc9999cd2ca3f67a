import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import type { Campaign } from "./model.js";

/**
 * The tenant's promotion campaign `advertId`, or undefined when it has none by that id. Never creates
 * state. A deleted campaign (-1) whose purge time has come counts as gone even before its purge timer
 * has run; one still inside its 3-10 minutes is returned (with status -1) so callers answer as the
 * real API does for a campaign being deleted.
 */
export function findCampaign(tenant: Tenant, advertId: number): Campaign | undefined {
  const campaign = peekState(tenant, "wildberries")?.campaigns.get(advertId);
  if (campaign === undefined) return undefined;
  if (campaign.status === -1 && campaign.purgeAt !== null && campaign.purgeAt <= tenant.now()) return undefined;
  return campaign;
}
