import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { touch } from "./campaign-status.js";
import type { Campaign } from "./model.js";

export const MAX_RENAME = 100;

/** POST /adv/v0/rename: 1-100 characters, in any status. */
export function renameCampaign(tenant: Tenant, campaign: Campaign, name: string): Result<void, "name"> {
  if (name.trim().length === 0 || [...name].length > MAX_RENAME) return fail("name");
  if (campaign.name === name) return ok(undefined);
  touch(tenant, campaign);
  campaign.name = name;
  return ok(undefined);
}
