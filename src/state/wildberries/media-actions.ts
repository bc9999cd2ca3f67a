import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { findMedia } from "./media-lookup.js";
import { setMediaStatus, settleRunning, TIMER_MEDIA_LAUNCH } from "./media-machine.js";
import type { MediaCampaign, MediaStatus } from "./model.js";
import { moscowDate } from "./moscow-time.js";
import { ADVERT_ID } from "./timer-fields.js";

/** At most this many pauses per campaign per Moscow day (research §7.2). */
export const MEDIA_PAUSES_PER_DAY = 10;

/** Launch holds status 4 for 2-5 minutes (seeded), then the configured status. */
const LAUNCH_HOLD_MIN_S = 120;
const LAUNCH_HOLD_MAX_S = 300;

const CAN_STOP: readonly MediaStatus[] = [1, 3, 4, 5, 6, 8, 9, 10, 11];
const CAN_PAUSE: readonly MediaStatus[] = [4, 5, 6, 10, 11];
const CAN_START: readonly MediaStatus[] = [9, 11];
const CAN_CHANGE_CPM: readonly MediaStatus[] = [4, 5, 6, 9, 10, 11];

export type MediaActionError = { kind: "notFound" } | { kind: "notAllowed"; status: MediaStatus } | { kind: "pauseLimit" };
export type MediaCpmError = { kind: "notFound" } | { kind: "notAllowed"; status: MediaStatus } | { kind: "itemNotFound" };

function reasonDetail(reason: string | undefined) {
  return reason === undefined ? undefined : { reason };
}

/** POST /adv/v1/advert/stop: to 7 from 1, 3, 4, 5, 6, 8, 9, 10, 11. */
export function stopMedia(tenant: Tenant, advertId: number, reason?: string): Result<MediaCampaign, MediaActionError> {
  const campaign = findMedia(tenant, advertId);
  if (campaign === undefined) return fail({ kind: "notFound" });
  if (!CAN_STOP.includes(campaign.status)) return fail({ kind: "notAllowed", status: campaign.status });
  setMediaStatus(tenant, campaign, 7, reasonDetail(reason));
  return ok(campaign);
}

/** POST /adv/v1/advert/pause: to 9 from 4, 5, 6, 10, 11; at most 10 a Moscow day. */
export function pauseMedia(tenant: Tenant, advertId: number, reason?: string): Result<MediaCampaign, MediaActionError> {
  const campaign = findMedia(tenant, advertId);
  if (campaign === undefined) return fail({ kind: "notFound" });
  if (!CAN_PAUSE.includes(campaign.status)) return fail({ kind: "notAllowed", status: campaign.status });
  const today = moscowDate(tenant.now());
  const pausedToday = campaign.pauseDay === today ? campaign.pausesThatDay : 0;
  if (pausedToday >= MEDIA_PAUSES_PER_DAY) return fail({ kind: "pauseLimit" });
  campaign.pauseDay = today;
  campaign.pausesThatDay = pausedToday + 1;
  setMediaStatus(tenant, campaign, 9, reasonDetail(reason));
  return ok(campaign);
}

/** POST /adv/v1/advert/start: from 9 or 11 to 4, held 2-5 minutes, then the configured status. */
export function startMedia(tenant: Tenant, advertId: number, reason?: string): Result<MediaCampaign, MediaActionError> {
  const campaign = findMedia(tenant, advertId);
  if (campaign === undefined) return fail({ kind: "notFound" });
  if (!CAN_START.includes(campaign.status)) return fail({ kind: "notAllowed", status: campaign.status });
  setMediaStatus(tenant, campaign, 4, reasonDetail(reason));
  const hold = tenant.rng.int(LAUNCH_HOLD_MIN_S, LAUNCH_HOLD_MAX_S) * 1000;
  campaign.launchTimer = tenant.schedule(tenant.now() + hold, TIMER_MEDIA_LAUNCH, ADVERT_ID.of(advertId));
  return ok(campaign);
}

/** POST /adv/v1/item/cpm/change: a banner's bid, in statuses 4, 5, 6, 9, 10, 11. */
export function changeMediaCpm(tenant: Tenant, advertId: number, itemId: number, cpm: number): Result<MediaCampaign, MediaCpmError> {
  const campaign = findMedia(tenant, advertId);
  if (campaign === undefined) return fail({ kind: "notFound" });
  if (!CAN_CHANGE_CPM.includes(campaign.status)) return fail({ kind: "notAllowed", status: campaign.status });
  const item = campaign.items.find((i) => i.id === itemId);
  if (item === undefined) return fail({ kind: "itemNotFound" });
  // The stretch so far is paid at the old bid.
  settleRunning(tenant, campaign);
  const from = item.cpm;
  item.cpm = cpm;
  item.updatedAt = tenant.now();
  campaign.updatedAt = tenant.now();
  tenant.record({ provider: "wildberries", entity: "media-item-cpm", id: `${advertId}/${itemId}`, from, to: cpm });
  return ok(campaign);
}
