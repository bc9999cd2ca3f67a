import type { Tenant } from "../kernel/tenant.js";
import type { Campaign, CampaignStatus, StatusAction } from "./model.js";

/** The statuses each action may start from (research §7.1). */
const FROM: Record<StatusAction, readonly CampaignStatus[]> = {
  start: [4, 11],
  pause: [9],
  stop: [4, 9, 11],
};

/** Where each action leads. */
export const ACTION_TARGET: Record<StatusAction, CampaignStatus> = { start: 9, pause: 11, stop: 7 };

/**
 * Whether `action` is allowed on `campaign` now: the status allows it, and a start also needs a
 * budget above 0 and, after save-ad with on_pause, the 3 minutes since creation to have passed.
 */
export function actionAllowed(tenant: Tenant, campaign: Campaign, action: StatusAction): boolean {
  if (!FROM[action].includes(campaign.status)) return false;
  if (action !== "start") return true;
  if (campaign.budget <= 0) return false;
  return campaign.startNotBefore === null || tenant.now() >= campaign.startNotBefore;
}

/** Bids may change only in these statuses (research §5.8). */
export const BID_STATUSES: readonly CampaignStatus[] = [4, 9, 11];
