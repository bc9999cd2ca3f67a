import type { CampaignStatus, CampaignType, PinType } from "../../contracts/yoomoney/enums.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";

/** One campaign as the control plane's read-only view shows it (the web console's YooMoney panel). */
export type YmCampaignOverview = {
  ymCampaignId: number;
  partnerCampaignId: number;
  status: CampaignStatus;
  campaignType: CampaignType;
  /** null for promo campaigns, which hand out no code. */
  pinType: PinType | null;
  merchantName: string;
  description: string;
  /** As the partner sent them (ISO-8601), or null. */
  campaignStart: string | null;
  campaignEnd: string | null;
  pins: { total: number; unused: number; accepted: number; redeemed: number };
  offers: number;
  leads: number;
  moderationComment: string | null;
};

/**
 * Every YooMoney campaign of the tenant, by ymCampaignId: status, pin counts, offers and leads. A pure read:
 * it neither settles timers nor creates the tenant's YooMoney state (no draw from its randomness).
 */
export function yoomoneyOverview(tenant: Tenant): YmCampaignOverview[] {
  const state = peekState(tenant, "yoomoney");
  if (state === undefined) return [];
  return [...state.campaigns.values()]
    .sort((a, b) => a.ymCampaignId - b.ymCampaignId)
    .map((campaign) => ({
      ymCampaignId: campaign.ymCampaignId,
      partnerCampaignId: campaign.fields.partnerCampaignId,
      status: campaign.status,
      campaignType: campaign.fields.campaignType,
      pinType: campaign.fields.pinType ?? null,
      merchantName: campaign.fields.merchantName,
      description: campaign.fields.description,
      campaignStart: campaign.fields.campaignStart ?? null,
      campaignEnd: campaign.fields.campaignEnd ?? null,
      pins: campaign.pins.counters,
      offers: campaign.offers.size,
      leads: campaign.leads.size,
      moderationComment: campaign.moderationComment,
    }));
}
