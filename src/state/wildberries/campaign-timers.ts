import type { TimerHandler } from "../kernel/provider.js";
import type { Timer } from "../kernel/scheduler.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { applyPendingBids, TIMER_BIDS } from "./campaign-bids.js";
import { applyPendingAction, purgeCampaign, TIMER_ACTION, TIMER_PURGE } from "./campaign-machine.js";
import type { Campaign } from "./model.js";
import { ADVERT_ID } from "./timer-fields.js";

function campaignOf(tenant: Tenant, timer: Timer): Campaign | undefined {
  const id = ADVERT_ID.read(timer.payload);
  return id === undefined ? undefined : peekState(tenant, "wildberries")?.campaigns.get(id);
}

/** Timers of promotion campaigns: queued status actions and bids (realistic consistency) and the purge of deleted (-1) campaigns. */
export const campaignTimers: Record<string, TimerHandler> = {
  [TIMER_ACTION]: (tenant, timer) => {
    const campaign = campaignOf(tenant, timer);
    if (campaign === undefined) return;
    const { action, applied } = applyPendingAction(tenant, campaign);
    return { advertId: campaign.advertId, action, applied, status: campaign.status };
  },
  [TIMER_BIDS]: (tenant, timer) => {
    const campaign = campaignOf(tenant, timer);
    if (campaign === undefined) return;
    return { advertId: campaign.advertId, applied: applyPendingBids(tenant, campaign) };
  },
  [TIMER_PURGE]: (tenant, timer) => {
    const id = ADVERT_ID.read(timer.payload);
    if (id === undefined) return;
    return { advertId: id, ...purgeCampaign(tenant, id) };
  },
};
