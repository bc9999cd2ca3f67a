import type { CampaignStatus } from "../../contracts/yoomoney/enums.js";
import type { Tenant } from "../kernel/tenant.js";
import { numberField } from "../kernel/timer-payload.js";
import { merchantKindOf } from "./merchant.js";
import { AUTO_MODERATION_DELAY_MS, usesOneOffPins, type Campaign } from "./model.js";

export const TIMER_START = "yoomoney.campaignStart";
export const TIMER_END = "yoomoney.campaignEnd";
export const TIMER_AUTO_APPROVE = "yoomoney.autoApprove";
/** The campaign every YooMoney timer is for: `{"ymCampaignId": n}`. */
export const CAMPAIGN_ID = numberField("ymCampaignId");

/** Every status change goes through here, so each one lands in the event log. */
export function setStatus(tenant: Tenant, campaign: Campaign, to: CampaignStatus, detail?: string): void {
  if (campaign.status === to) return;
  tenant.record({
    provider: "yoomoney",
    entity: "campaign",
    id: String(campaign.ymCampaignId),
    from: campaign.status,
    to,
    ...(detail === undefined ? {} : { detail }),
  });
  campaign.status = to;
}

/**
 * Puts a campaign on air: `started`, or `pin-required` when it hands out one-off codes and has none
 * unused (it then starts by itself on the next campaigns/add-pins).
 */
export function run(tenant: Tenant, campaign: Campaign): "started" | "pin-required" {
  tenant.cancel(campaign.timers.start);
  campaign.timers.start = null;
  const to = usesOneOffPins(campaign.fields) && campaign.pins.counters.unused === 0 ? "pin-required" : "started";
  setStatus(tenant, campaign, to);
  return to;
}

/**
 * The moderator's approval: verified, and started at campaignStart when one is set (at once if it is due).
 * Without campaignStart an aggregator's campaign starts at once, a store's waits for campaigns/start
 * (research §7: "aggregator's campaign starts at the moment of uploading; store's campaign awaits verification").
 */
export function approve(tenant: Tenant, campaign: Campaign, comment: string | null): void {
  tenant.cancel(campaign.timers.moderation);
  campaign.timers.moderation = null;
  campaign.moderationComment = comment;
  setStatus(tenant, campaign, "verified", comment ?? undefined);
  const start = campaign.fields.campaignStart;
  if (start === undefined) {
    if (merchantKindOf(tenant) === "aggregator") run(tenant, campaign);
    return;
  }
  const startAt = Date.parse(start);
  if (startAt <= tenant.now()) run(tenant, campaign);
  else campaign.timers.start = tenant.schedule(startAt, TIMER_START, CAMPAIGN_ID.of(campaign.ymCampaignId));
}

export function decline(tenant: Tenant, campaign: Campaign, comment: string | null): void {
  tenant.cancel(campaign.timers.moderation);
  campaign.timers.moderation = null;
  campaign.moderationComment = comment;
  setStatus(tenant, campaign, "declined", comment ?? undefined);
}

/** Sends a campaign to moderation (create, update); in auto mode it is approved 5 minutes later. */
export function submitForModeration(tenant: Tenant, campaign: Campaign): void {
  tenant.cancel(campaign.timers.start);
  tenant.cancel(campaign.timers.moderation);
  campaign.timers.start = null;
  campaign.timers.moderation = null;
  setStatus(tenant, campaign, "moderation");
  if (tenant.settings.moderation === "auto") {
    campaign.timers.moderation = tenant.schedule(tenant.now() + AUTO_MODERATION_DELAY_MS, TIMER_AUTO_APPROVE, CAMPAIGN_ID.of(campaign.ymCampaignId));
  }
}

/** (Re)arms the campaignEnd timer after create or update. */
export function scheduleEnd(tenant: Tenant, campaign: Campaign): void {
  tenant.cancel(campaign.timers.end);
  campaign.timers.end = null;
  const end = campaign.fields.campaignEnd;
  if (end !== undefined) {
    campaign.timers.end = tenant.schedule(Date.parse(end), TIMER_END, CAMPAIGN_ID.of(campaign.ymCampaignId));
  }
}

/** campaignEnd: the campaign stops being shown, whatever its status; issued offers stay redeemable. */
export function finish(tenant: Tenant, campaign: Campaign): void {
  tenant.cancel(campaign.timers.start);
  tenant.cancel(campaign.timers.moderation);
  campaign.timers = { start: null, end: null, moderation: null };
  setStatus(tenant, campaign, "finished");
}
