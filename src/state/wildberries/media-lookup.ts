import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import type { MediaCampaign } from "./model.js";

/** The tenant's media campaign `advertId`, or undefined (another tenant's ids too). Never creates state. */
export function findMedia(tenant: Tenant, advertId: number): MediaCampaign | undefined {
  return peekState(tenant, "wildberries")?.media.get(advertId);
}

/** Every media campaign of the tenant, in id order. Never creates state. */
export function allMedia(tenant: Tenant): MediaCampaign[] {
  const media = peekState(tenant, "wildberries")?.media;
  return media === undefined ? [] : [...media.values()].sort((a, b) => a.advertId - b.advertId);
}
