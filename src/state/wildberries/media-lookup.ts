import type { Tenant } from "../kernel/tenant.js";
import type { MediaCampaign } from "./model.js";
import { existingState } from "./state.js";

/** The tenant's media campaign `advertId`, or undefined (another tenant's ids too). Never creates state. */
export function findMedia(tenant: Tenant, advertId: number): MediaCampaign | undefined {
  return existingState(tenant)?.media.get(advertId);
}

/** Every media campaign of the tenant, in id order. Never creates state. */
export function allMedia(tenant: Tenant): MediaCampaign[] {
  const media = existingState(tenant)?.media;
  return media === undefined ? [] : [...media.values()].sort((a, b) => a.advertId - b.advertId);
}
