import type { TimerHandler } from "../kernel/provider.js";
import { approve, awaits, cancel, DEAL_ID, TIMER_APPROVE, TIMER_CANCEL } from "./deal-machine.js";
import { dealBySystemId } from "./deals.js";

/** The myshare timers: a Created deal canceled after canceled_duration, a Paid deal approved after hold_duration. */
export const myshareTimers: Record<string, TimerHandler> = {
  [TIMER_CANCEL]: (tenant, timer) => {
    const key = DEAL_ID.read(timer.payload);
    const deal = key === undefined ? undefined : dealBySystemId(tenant, key);
    if (deal === undefined || !awaits(deal, timer.id, "Created")) return;
    deal.isReturned = false;
    cancel(tenant, deal);
    return { deal: deal.id, deal_id: deal.dealId, status: deal.status };
  },
  [TIMER_APPROVE]: (tenant, timer) => {
    const key = DEAL_ID.read(timer.payload);
    const deal = key === undefined ? undefined : dealBySystemId(tenant, key);
    if (deal === undefined || !awaits(deal, timer.id, "Paid")) return;
    approve(tenant, deal);
    return { deal: deal.id, deal_id: deal.dealId, status: deal.status };
  },
};
