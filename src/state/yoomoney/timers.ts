import type { TimerHandler } from "../kernel/provider.js";
import type { Timer } from "../kernel/scheduler.js";
import type { Tenant } from "../kernel/tenant.js";
import { approve, CAMPAIGN_ID, finish, run, TIMER_AUTO_APPROVE, TIMER_END, TIMER_START } from "./campaign-machine.js";
import type { Campaign } from "./model.js";
import { findCampaign } from "./state.js";

function campaignOf(tenant: Tenant, timer: Timer): Campaign | undefined {
  const id = CAMPAIGN_ID.read(timer.payload);
  return id === undefined ? undefined : findCampaign(tenant, id);
}

/** The YooMoney timers: campaignStart, campaignEnd and auto moderation. */
export const yoomoneyTimers: Record<string, TimerHandler> = {
  [TIMER_START]: (tenant, timer) => {
    const campaign = campaignOf(tenant, timer);
    if (campaign === undefined || campaign.status !== "verified") return;
    campaign.timers.start = null;
    return { campaignStatus: run(tenant, campaign) };
  },
  [TIMER_END]: (tenant, timer) => {
    const campaign = campaignOf(tenant, timer);
    if (campaign === undefined || campaign.status === "finished") return;
    finish(tenant, campaign);
    return { campaignStatus: campaign.status };
  },
  [TIMER_AUTO_APPROVE]: (tenant, timer) => {
    const campaign = campaignOf(tenant, timer);
    if (campaign === undefined || campaign.status !== "moderation") return;
    approve(tenant, campaign, null);
    return { campaignStatus: campaign.status };
  },
};
