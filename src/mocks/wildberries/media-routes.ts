import { WbMediaActionRequest, WbMediaAdvert, WbMediaCount, WbMediaCpmRequest, WbMediaList } from "../../contracts/wildberries/media.js";
import { WbMediaStatsRequest, WbMediaStatsResponse } from "../../contracts/wildberries/media-stats.js";
import type { Result } from "../../state/kernel/result.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import { changeMediaCpm, pauseMedia, startMedia, stopMedia, type MediaActionError } from "../../state/wildberries/media-actions.js";
import { findMedia } from "../../state/wildberries/media-lookup.js";
import { countMedia, listMedia, type MediaListQuery } from "../../state/wildberries/media-list.js";
import type { MediaCampaign } from "../../state/wildberries/model.js";
import { moscowDayStart } from "../../state/wildberries/moscow-time.js";
import { empty, errorObject, errorText, json, noContent } from "./answers.js";
import { idParam } from "./query.js";
import { mediaListItem, renderMedia, renderMediaCount } from "./views/media.js";
import { mediaStats } from "./views/media-stats.js";
import type { Answer } from "../http/answer.js";
import type { WbCall, WbHandlers } from "./route.js";

/** The seed's samples (research §5.18): stop "Changing status is not possible", start "Campaign not found". */
const NOT_FOUND = "Campaign not found";
const NOT_POSSIBLE = "Changing status is not possible";
const PAUSE_LIMIT = "Pause limit exceeded: a media campaign can be paused no more than 10 times a day (the day starts at midnight Moscow time)";
const BAD_BODY = "Некорректное тело запроса";
const BAD_ID = "Некорректный ID кампании";
const BID_NOT_POSSIBLE = "Changing bid is not possible";

/** A whole number query value within [min, max]; undefined when absent, null when present but wrong. */
function intQuery(raw: string | undefined, min: number, max: number): number | undefined | null {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

function oneOf<T extends string>(raw: string | undefined, options: readonly T[], fallback: T): T | null {
  if (raw === undefined) return fallback;
  return options.find((o) => o === raw) ?? null;
}

function adverts({ tenant, query }: WbCall): Answer {
  const bad = (name: string) => errorText(400, `Некорректное значение параметра ${name}`);
  const status = intQuery(query["status"], 1, 11);
  if (status === null) return bad("status");
  const type = intQuery(query["type"], 1, 2);
  if (type === null) return bad("type");
  const limit = intQuery(query["limit"], 0, 1_000_000_000);
  if (limit === null) return bad("limit");
  const offset = intQuery(query["offset"], 0, 1_000_000_000);
  if (offset === null) return bad("offset");
  const order = oneOf(query["order"], ["create", "id"] as const, "id");
  if (order === null) return bad("order");
  const direction = oneOf(query["direction"], ["desc", "asc"] as const, "desc");
  if (direction === null) return bad("direction");
  const listQuery: MediaListQuery = { status, type, limit, offset: offset ?? 0, order, direction };
  const list = listMedia(tenant, listQuery);
  return list.length === 0 ? noContent() : json(list.map(mediaListItem), WbMediaList);
}

function advert({ tenant, query }: WbCall): Answer {
  const id = idParam(query["id"]);
  if (id === undefined) return errorText(400, BAD_ID);
  const campaign = findMedia(tenant, id);
  return campaign === undefined ? noContent() : json(renderMedia(campaign), WbMediaAdvert);
}

type Action = (tenant: Tenant, advertId: number, reason?: string) => Result<MediaCampaign, MediaActionError>;

function action(act: Action) {
  return ({ tenant, body: { value: body, malformed } }: WbCall): Answer => {
    const parsed = malformed ? undefined : WbMediaActionRequest.safeParse(body);
    if (parsed === undefined || !parsed.success) return errorText(400, BAD_BODY);
    const result = act(tenant, parsed.data.advert_id, parsed.data.reason);
    if (result.ok) return empty();
    switch (result.error.kind) {
      case "notFound":
        return errorText(400, NOT_FOUND);
      case "notAllowed":
        return errorText(400, NOT_POSSIBLE);
      case "pauseLimit":
        return errorText(400, PAUSE_LIMIT);
    }
  };
}

function cpmChange({ tenant, body: { value: body, malformed } }: WbCall): Answer {
  const parsed = malformed ? undefined : WbMediaCpmRequest.safeParse(body);
  if (parsed === undefined || !parsed.success) return errorText(400, BAD_BODY);
  const { advert_id: advertId, item_id: itemId, cpm } = parsed.data;
  const result = changeMediaCpm(tenant, advertId, itemId, Number(cpm));
  if (result.ok) return empty();
  switch (result.error.kind) {
    case "notFound":
      return errorText(400, NOT_FOUND);
    case "notAllowed":
      return errorText(400, BID_NOT_POSSIBLE);
    case "itemNotFound":
      return errorText(400, `Error in getting items: no banner ${itemId} in campaign ${advertId}`);
  }
}

const validDay = (day: string): boolean => moscowDayStart(day) !== undefined;

function stats({ tenant, body: { value: body, malformed } }: WbCall): Answer {
  const parsed = malformed ? undefined : WbMediaStatsRequest.safeParse(body);
  if (parsed === undefined || !parsed.success) return errorObject(400, BAD_BODY);
  for (const item of parsed.data) {
    if (item.dates !== undefined && item.interval !== undefined) return errorObject(400, BAD_BODY);
    if (item.dates !== undefined && !item.dates.every(validDay)) return errorObject(400, BAD_BODY);
    const { interval } = item;
    if (interval !== undefined && (!validDay(interval.begin) || !validDay(interval.end) || interval.begin > interval.end)) {
      return errorObject(400, BAD_BODY);
    }
  }
  return json(mediaStats(tenant, parsed.data), WbMediaStatsResponse);
}

/** WB Media (research §5.18, §7.2): banner campaigns, created through the control plane. */
export const MEDIA_HANDLERS = {
  countMediaCampaigns: ({ tenant }) => json(renderMediaCount(countMedia(tenant)), WbMediaCount),
  listMediaCampaigns: adverts,
  getMediaCampaign: advert,
  stopMediaCampaign: action(stopMedia),
  pauseMediaCampaign: action(pauseMedia),
  startMediaCampaign: action(startMedia),
  mediaStats: stats,
  changeMediaBannerCpm: cpmChange,
} satisfies WbHandlers;
