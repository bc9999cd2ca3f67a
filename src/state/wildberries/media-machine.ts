import type { JsonValue } from "../kernel/json.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { budgetSpent, dailyLimitReached, accrueMedia, mediaPauseHour, surelyRunsUntil } from "./media-traffic.js";
import type { MediaCampaign, MediaStatus } from "./model.js";
import { DAY_MS, moscowDate, moscowMidnight } from "./moscow-time.js";
import { dropMediaDays, oldestKeptDay, surelyDroppedBefore } from "./stats-retention.js";
import { ADVERT_ID } from "./timer-fields.js";
import { MEDIA_TRAFFIC_TIMER, nextHour, nextTrafficTick, surelyTicksUntil } from "./traffic-clock.js";

/** Timer kinds of media campaigns (handled in media-timers.ts). */
export const TIMER_MEDIA_LAUNCH = "wildberries.mediaLaunch";
export const TIMER_MEDIA_TRAFFIC = MEDIA_TRAFFIC_TIMER;
export const TIMER_MEDIA_DAY = "wildberries.mediaDay";

/** extended.reason while a views campaign waits for money (the docs' own example text). */
export const BUDGET_REASON = "Для возобновления показов пополните бюджет медиакампании";

/**
 * Schedules the next traffic tick of a running campaign (under `reuse`, the id it fired with): the
 * next hour or its end, whichever comes first; during a long clock move the tick jumps
 * (traffic-clock.ts), stopping at the hour its budget or daily limits would pause it.
 */
function scheduleTraffic(tenant: Tenant, campaign: MediaCampaign, reuse?: number): void {
  const now = tenant.now();
  const end = Math.max(now, campaign.to);
  let at = Math.min(nextTrafficTick(tenant, end), end);
  if (at > nextHour(now) && !surelyRunsUntil(campaign, at)) at = Math.max(nextHour(now), Math.min(at, mediaPauseHour(campaign, at) ?? at));
  const payload = ADVERT_ID.of(campaign.advertId);
  campaign.trafficTimer = reuse === undefined ? tenant.schedule(at, TIMER_MEDIA_TRAFFIC, payload) : tenant.scheduler.reschedule(reuse, at, TIMER_MEDIA_TRAFFIC, payload);
}

/**
 * The side effects of being in the campaign's (new) status: 6 runs the traffic simulation, 5 waits
 * for `from`, 10 waits for the next Moscow midnight, 11 of a views campaign explains itself.
 */
export function enterMediaStatus(tenant: Tenant, campaign: MediaCampaign): void {
  const now = tenant.now();
  switch (campaign.status) {
    case 6:
      campaign.runningSince = now;
      scheduleTraffic(tenant, campaign);
      break;
    case 5:
      campaign.dayTimer = tenant.schedule(campaign.from, TIMER_MEDIA_DAY, ADVERT_ID.of(campaign.advertId));
      break;
    case 10:
      campaign.dayTimer = tenant.schedule(moscowMidnight(now) + DAY_MS, TIMER_MEDIA_DAY, ADVERT_ID.of(campaign.advertId));
      break;
    case 11:
      if (campaign.type === 2 && budgetSpent(campaign)) campaign.reason = BUDGET_REASON;
      break;
    default:
      break;
  }
}

/** Undoes enterMediaStatus: accounts a running stretch up to now and drops the status's timers. */
function leaveMediaStatus(tenant: Tenant, campaign: MediaCampaign): void {
  if (campaign.status === 6) accrueMedia(tenant, campaign, tenant.now());
  campaign.runningSince = null;
  tenant.cancel(campaign.trafficTimer);
  tenant.cancel(campaign.launchTimer);
  tenant.cancel(campaign.dayTimer);
  campaign.trafficTimer = null;
  campaign.launchTimer = null;
  campaign.dayTimer = null;
}

/** The one way a media campaign changes status: timers, times, banners' statuses and the event. */
export function setMediaStatus(tenant: Tenant, campaign: MediaCampaign, to: MediaStatus, detail?: JsonValue): void {
  const from = campaign.status;
  if (from === to) return;
  leaveMediaStatus(tenant, campaign);
  const now = tenant.now();
  campaign.status = to;
  campaign.updatedAt = now;
  if (to === 7) campaign.endTime = now;
  if (to === 6 && campaign.reason === BUDGET_REASON) campaign.reason = null;
  for (const item of campaign.items) {
    item.status = to;
    item.updatedAt = now;
  }
  tenant.record({
    provider: "wildberries",
    entity: "media-campaign",
    id: String(campaign.advertId),
    from,
    to,
    ...(detail === undefined ? {} : { detail }),
  });
  enterMediaStatus(tenant, campaign);
}

/**
 * "The status for the current configuration" (research §7.2): 7 after `to`, 5 before `from`, 11 for a
 * views campaign without budget, 10 when its daily limits are used up today, otherwise 6.
 */
export function configuredStatus(tenant: Tenant, campaign: MediaCampaign): MediaStatus {
  const now = tenant.now();
  if (now >= campaign.to) return 7;
  if (campaign.from > now) return 5;
  if (budgetSpent(campaign)) return 11;
  if (dailyLimitReached(campaign, moscowDate(now))) return 10;
  return 6;
}

/** A running campaign's traffic up to now, and the pause its budget or daily limits call for. */
export function settleRunning(tenant: Tenant, campaign: MediaCampaign): void {
  if (campaign.status !== 6) return;
  const outcome = accrueMedia(tenant, campaign, tenant.now());
  if (outcome === "budget") setMediaStatus(tenant, campaign, 11);
  else if (outcome === "daily") setMediaStatus(tenant, campaign, 10);
}

/** The hourly tick of a running campaign: account the hour, then go on, pause (10, 11) or end (7). */
export function mediaTrafficTick(tenant: Tenant, campaign: MediaCampaign, timerId: number): void {
  if (campaign.status !== 6 || campaign.trafficTimer !== timerId) return;
  campaign.trafficTimer = null;
  // Ticks that surely go on (to the campaign's end at most) drop the old days later: those need no cells.
  const until = surelyTicksUntil(tenant, campaign.to);
  const droppedBefore = surelyDroppedBefore(surelyRunsUntil(campaign, until) ? until : tenant.now());
  const outcome = accrueMedia(tenant, campaign, tenant.now(), droppedBefore);
  // The campaign lives in the tenant's state, so there is one.
  const state = peekState(tenant, "wildberries");
  if (state !== undefined) dropMediaDays(state.memo, campaign, oldestKeptDay(tenant.now()));
  if (tenant.now() >= campaign.to) setMediaStatus(tenant, campaign, 7);
  else if (outcome === "budget") setMediaStatus(tenant, campaign, 11);
  else if (outcome === "daily") setMediaStatus(tenant, campaign, 10);
  else scheduleTraffic(tenant, campaign, timerId);
}
