import type { CampaignKeyRequest } from "../../contracts/yoomoney/campaign-calls.js";
import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { incorrectData, type YmError } from "./errors.js";
import type { Campaign } from "./model.js";
import { yoomoneyState } from "./state.js";

/**
 * Finds the campaign a call names by ymCampaignId (as the examples send) or partnerCampaignId (as the
 * parameter tables say); when both are sent they must name the same campaign.
 */
export function resolveCampaign(tenant: Tenant, key: CampaignKeyRequest): Result<Campaign, YmError> {
  const state = yoomoneyState(tenant);
  const { ymCampaignId, partnerCampaignId } = key;
  if (ymCampaignId === undefined && partnerCampaignId === undefined) {
    return fail(incorrectData("ymCampaignId", "ymCampaignId is required (the id campaigns/create returned)"));
  }
  const byPartner = partnerCampaignId === undefined ? undefined : state.byPartnerId.get(partnerCampaignId);
  if (ymCampaignId !== undefined && partnerCampaignId !== undefined && byPartner !== ymCampaignId) {
    return fail(incorrectData("partnerCampaignId", `partnerCampaignId ${partnerCampaignId} does not belong to ymCampaignId ${ymCampaignId}`));
  }
  const id = ymCampaignId ?? byPartner;
  const campaign = id === undefined ? undefined : state.campaigns.get(id);
  if (campaign === undefined) {
    return fail({
      code: "campaignNotFound",
      detail: `No campaign ${ymCampaignId ?? `with partnerCampaignId ${partnerCampaignId}`} exists for this partner`,
    });
  }
  return ok(campaign);
}

export function stateOf(campaign: Campaign): { ymCampaignId: number; campaignStatus: Campaign["status"] } {
  return { ymCampaignId: campaign.ymCampaignId, campaignStatus: campaign.status };
}
