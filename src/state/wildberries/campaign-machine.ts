import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { ACTION_TARGET, actionAllowed } from "./campaign-rules.js";
import { setCampaignStatus, SYNC_MS } from "./campaign-status.js";
import { isRealistic, nextTick, STATUS_TICK_MS } from "./consistency.js";
import type { Campaign, StatusAction } from "./model.js";
import { ADVERT_ID } from "./timer-fields.js";

export const TIMER_ACTION = "wildberries.campaignAction";
export const TIMER_PURGE = "wildberries.campaignPurge";

/** A deleted (-1) campaign disappears 3 to 10 minutes later (research §5.4). */
const PURGE_MIN_S = 3 * 60;
const PURGE_MAX_S = 10 * 60;

/**
 * GET /adv/v0/start | pause | stop. Validated now; `immediate` applies it at once, `realistic` queues
 * it for the next minute boundary, where the last action of the window wins and is validated again.
 */
export function requestAction(tenant: Tenant, campaign: Campaign, action: StatusAction): Result<void, "notAllowed"> {
  if (!actionAllowed(tenant, campaign, action)) return fail("notAllowed");
  if (!isRealistic(tenant)) {
    setCampaignStatus(tenant, campaign, ACTION_TARGET[action]);
    return ok(undefined);
  }
  campaign.pendingAction = action;
  if (campaign.pendingActionTimer === null) {
    campaign.pendingActionTimer = tenant.schedule(nextTick(tenant.now(), STATUS_TICK_MS), TIMER_ACTION, ADVERT_ID.of(campaign.advertId));
  }
  return ok(undefined);
}

/** The minute boundary: the queued action applies if it is still allowed; either way the queue empties. */
export function applyPendingAction(tenant: Tenant, campaign: Campaign): { action: StatusAction | null; applied: boolean } {
  const action = campaign.pendingAction;
  campaign.pendingAction = null;
  campaign.pendingActionTimer = null;
  if (action === null || !actionAllowed(tenant, campaign, action)) return { action, applied: false };
  setCampaignStatus(tenant, campaign, ACTION_TARGET[action]);
  return { action, applied: true };
}

/** Forgets a queued status action (the campaign left the statuses it could apply to). */
function dropPendingAction(tenant: Tenant, campaign: Campaign): void {
  tenant.cancel(campaign.pendingActionTimer);
  campaign.pendingAction = null;
  campaign.pendingActionTimer = null;
}

/** GET /adv/v0/delete: only from 4; -1 at once, gone for good 3-10 minutes later (a seeded delay). */
export function deleteCampaign(tenant: Tenant, campaign: Campaign): Result<void, "notAllowed"> {
  if (campaign.status !== 4) return fail("notAllowed");
  dropPendingAction(tenant, campaign);
  setCampaignStatus(tenant, campaign, -1);
  campaign.purgeAt = tenant.now() + tenant.rng.int(PURGE_MIN_S, PURGE_MAX_S) * 1000;
  tenant.schedule(campaign.purgeAt, TIMER_PURGE, ADVERT_ID.of(campaign.advertId));
  return ok(undefined);
}

/**
 * The first 3-minute sync after a purge (strictly after it): until then, under realistic consistency,
 * lists and counts (which show the last sync) still show the purged campaign as -1.
 */
export const unlistedAt = (purgeAt: number): number => nextTick(purgeAt, SYNC_MS);

/** Whether lists and counts no longer show a deleted campaign at the tenant's now (findCampaign forgets it at purgeAt). */
export function isUnlisted(tenant: Tenant, campaign: Campaign): boolean {
  if (campaign.status !== -1 || campaign.purgeAt === null) return false;
  const now = tenant.now();
  return isRealistic(tenant) ? now >= unlistedAt(campaign.purgeAt) : now >= campaign.purgeAt;
}

/**
 * The purge timer. At `purgeAt` the -1 campaign is purged: an unknown id to every method from then on
 * (the event -1 -> null). Under immediate consistency it leaves the state at once; under realistic
 * consistency it stays listed until the next 3-minute sync, where the same timer fires again and
 * removes it. Returns what this firing did.
 */
export function purgeCampaign(tenant: Tenant, advertId: number): { purged: boolean; unlisted: boolean } {
  const state = peekState(tenant, "wildberries");
  const campaign = state?.campaigns.get(advertId);
  if (state === undefined || campaign === undefined || campaign.status !== -1 || campaign.purgeAt === null) return { purged: false, unlisted: false };
  const until = unlistedAt(campaign.purgeAt);
  if (tenant.now() >= until) {
    // The sync after the purge: the campaign was purged (and its event recorded) at purgeAt.
    state.campaigns.delete(advertId);
    return { purged: false, unlisted: true };
  }
  tenant.cancel(campaign.pendingBidTimer);
  campaign.pendingBidTimer = null;
  campaign.pendingBids = [];
  tenant.record({ provider: "wildberries", entity: "campaign", id: String(advertId), from: -1, to: null });
  if (isRealistic(tenant)) {
    tenant.schedule(until, TIMER_PURGE, ADVERT_ID.of(advertId));
    return { purged: true, unlisted: false };
  }
  state.campaigns.delete(advertId);
  return { purged: true, unlisted: true };
}

/** Statuses the moderator can decline from (control plane): ready, active and paused campaigns. */
export const DECLINABLE: readonly number[] = [4, 9, 11];

/** The moderator declines the campaign: 8, and any queued status action is dropped. */
export function declineCampaign(tenant: Tenant, campaign: Campaign): Result<void, "notDeclinable"> {
  if (!DECLINABLE.includes(campaign.status)) return fail("notDeclinable");
  dropPendingAction(tenant, campaign);
  setCampaignStatus(tenant, campaign, 8);
  return ok(undefined);
}
