import type { CampaignKeyRequest } from "../../contracts/yoomoney/campaign-calls.js";
import type { CampaignStatus } from "../../contracts/yoomoney/enums.js";
import { ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { resolveCampaign } from "./campaign-key.js";
import type { YmRefusal } from "./errors.js";
import { DEFAULT_OFFER_DURATION_HOURS, RUBLE, usesOneOffPins, type Campaign, type CampaignFields } from "./model.js";
import { yoomoneyState } from "./state.js";

export type CampaignView = CampaignFields & {
  ymCampaignId: number;
  campaignStatus: CampaignStatus;
  offerDuration: number;
  discountCurrency: 643 | 840;
  feeCurrency: 643 | 840;
  pinEnd: null;
};

/** campaigns/get: every stored field with its default filled in. */
export function getCampaign(tenant: Tenant, key: CampaignKeyRequest): Result<CampaignView, YmRefusal> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) return found;
  const { fields, ymCampaignId, status } = found.value;
  return ok({
    ymCampaignId,
    campaignStatus: status,
    ...fields,
    offerDuration: fields.offerDuration ?? DEFAULT_OFFER_DURATION_HOURS,
    discountCurrency: fields.discountCurrency ?? RUBLE,
    feeCurrency: fields.feeCurrency ?? RUBLE,
    pinEnd: null,
  });
}

export interface CampaignInfo {
  ymCampaignId: number;
  campaignStatus: CampaignStatus;
  campaignAccepts: number;
  campaignRedeems: number;
  campaignShows: number;
  campaignPinsStats: { unused: number; total: number };
  campaignRedeemStats: { usedCount: number; approvedCount: number; declinedCount: number };
}

/**
 * campaigns/info. campaignAccepts follows the documented example's arithmetic (unused + accepts = total):
 * every code handed out, redeemed ones included; for link and reusable campaigns, every clickId issued.
 */
export function campaignInfo(tenant: Tenant, key: CampaignKeyRequest): Result<CampaignInfo, YmRefusal> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) return found;
  const campaign = found.value;
  const pins = campaign.pins.counters;
  const stats = { usedCount: 0, approvedCount: 0, declinedCount: 0 };
  for (const lead of campaign.leads.values()) stats[`${lead.status}Count`]++;
  return ok({
    ymCampaignId: campaign.ymCampaignId,
    campaignStatus: campaign.status,
    campaignAccepts: usesOneOffPins(campaign.fields) ? pins.accepted + pins.redeemed : campaign.offers.size,
    campaignRedeems: campaign.leads.size,
    campaignShows: campaign.shows,
    campaignPinsStats: { unused: pins.unused, total: pins.total },
    campaignRedeemStats: stats,
  });
}

/** campaigns/get-all-campaigns: the partner's campaigns by ymCampaignId, finished ones included. */
export function listCampaigns(tenant: Tenant, limit: number, offset: number): { total: number; campaigns: Array<{ ymCampaignId: number; campaignStatus: CampaignStatus }> } {
  const all = [...yoomoneyState(tenant).campaigns.values()].sort((a: Campaign, b: Campaign) => a.ymCampaignId - b.ymCampaignId);
  return {
    total: all.length,
    campaigns: all.slice(offset, offset + limit).map((c) => ({ ymCampaignId: c.ymCampaignId, campaignStatus: c.status })),
  };
}
