import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { enterMediaStatus } from "./media-machine.js";
import { mediaCreative, type MediaCreativeInput } from "./media-creative.js";
import type { MediaCampaign, MediaItem, MediaStatus } from "./model.js";
import { nextAdvertId, wildberriesState } from "./state.js";

/** A media campaign that has not ended shows `to` as 2100-01-01 00:00 Moscow (NEVER_ENDS). */
export const MEDIA_NEVER_ENDS_MS = Date.UTC(2099, 11, 31, 21, 0, 0);

export interface NewMediaItem {
  name: string;
  cpm: number;
  budget?: number | undefined;
  dailyLimit?: number | undefined;
  place?: number | undefined;
  advertType?: number | undefined;
  categoryName?: string | undefined;
  /** The creative fields sent; the rest take their defaults (media-creative.ts). */
  creative?: MediaCreativeInput | undefined;
}

export interface NewMediaCampaign {
  name: string;
  brand: string;
  type: 1 | 2;
  status?: MediaStatus | undefined;
  budget?: number | undefined;
  from?: number | undefined;
  to?: number | undefined;
  items?: NewMediaItem[] | undefined;
}

export type CreateMediaError =
  | { kind: "scheduledNeedsFuture" }
  | { kind: "endBeforeStart" };

/**
 * Creates a media campaign (control plane: the API has none). Each banner gets an id, a subject of the
 * seller's catalogue and up to three of its nms. The campaign then enters `status` (default 6) as if
 * it had got there: 6 starts the traffic simulation, 5 waits for `from`, 10 for the next midnight.
 */
export function createMedia(tenant: Tenant, input: NewMediaCampaign): Result<MediaCampaign, CreateMediaError> {
  const now = tenant.now();
  const from = input.from ?? now;
  const to = input.to ?? MEDIA_NEVER_ENDS_MS;
  const status = input.status ?? 6;
  if (to <= from) return fail({ kind: "endBeforeStart" });
  if (status === 5 && from <= now) return fail({ kind: "scheduledNeedsFuture" });
  const state = wildberriesState(tenant);
  const advertId = nextAdvertId(tenant, state);
  const items = (input.items ?? []).map((item) => newItem(tenant, advertId, item, from, to));
  const campaign: MediaCampaign = {
    advertId,
    name: input.name,
    brand: input.brand,
    type: input.type,
    status,
    createTime: now,
    endTime: status === 7 ? now : null,
    budget: input.budget ?? items.reduce((sum, item) => sum + item.budget, 0),
    expenses: 0,
    from,
    to,
    updatedAt: now,
    reason: null,
    items,
    pauseDay: "",
    pausesThatDay: 0,
    launchTimer: null,
    operation: 1,
    trafficTimer: null,
    runningSince: null,
    dayTimer: null,
    seed: tenant.rng.nextUint32(),
    traffic: {},
  };
  state.media.set(advertId, campaign);
  for (const item of items) item.status = status;
  tenant.record({ provider: "wildberries", entity: "media-campaign", id: String(advertId), from: null, to: status });
  enterMediaStatus(tenant, campaign);
  return ok(campaign);
}

function newItem(tenant: Tenant, advertId: number, input: NewMediaItem, from: number, to: number): MediaItem {
  const state = wildberriesState(tenant);
  const now = tenant.now();
  const { subjects, nms } = state.catalogue;
  const subject = subjects[tenant.rng.int(0, Math.max(0, subjects.length - 1))];
  const subjectNms = subject === undefined ? [] : nms.filter((n) => n.subjectId === subject.id).slice(0, 3).map((n) => n.nm);
  state.nextMediaItemId += tenant.rng.int(1, 37);
  const id = state.nextMediaItemId;
  return {
    id,
    name: input.name,
    status: 1,
    place: input.place ?? 1,
    budget: input.budget ?? 0,
    dailyLimit: input.dailyLimit ?? 0,
    categoryName: input.categoryName ?? "Главная",
    cpm: input.cpm,
    advertType: input.advertType ?? 1,
    createdAt: now,
    updatedAt: now,
    dateFrom: from,
    dateTo: to,
    nms: subjectNms,
    subjectId: subject?.id ?? 0,
    subjectName: subject?.name ?? "",
    creative: mediaCreative(input.creative ?? {}, { advertId, itemId: id, nms: subjectNms }),
  };
}
