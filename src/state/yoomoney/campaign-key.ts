import type { CampaignKeyRequest } from "../../contracts/yoomoney/campaign-calls.js";
import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import type { YmRefusal } from "./errors.js";
import type { Campaign } from "./model.js";
import { yoomoneyState } from "./state.js";

/**
 * Finds the campaign a call names by ymCampaignId (as the examples send) or partnerCampaignId (as the
 * parameter tables say); when both are sent they must name the same campaign.
 */
export function resolveCampaign(tenant: Tenant, key: CampaignKeyRequest): Result<Campaign, YmRefusal> {
  const state = yoomoneyState(tenant);
  const { ymCampaignId, partnerCampaignId } = key;
  if (ymCampaignId === undefined && partnerCampaignId === undefined) {
    return fail({ kind: "keyMissing" });
  }
  const byPartner = partnerCampaignId === undefined ? undefined : state.byPartnerId.get(partnerCampaignId);
  if (ymCampaignId !== undefined && partnerCampaignId !== undefined && byPartner !== ymCampaignId) {
    return fail({ kind: "keyMismatch", partnerCampaignId, ymCampaignId });
  }
  const id = ymCampaignId ?? byPartner;
  const campaign = id === undefined ? undefined : state.campaigns.get(id);
  if (campaign === undefined) {
    return fail({ kind: "campaignNotFound", ymCampaignId, partnerCampaignId });
  }
  return ok(campaign);
}

export function stateOf(campaign: Campaign): { ymCampaignId: number; campaignStatus: Campaign["status"] } {
  return { ymCampaignId: campaign.ymCampaignId, campaignStatus: campaign.status };
}
