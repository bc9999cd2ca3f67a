import { WbErrorObject, WbErrorText } from "../errors.js";
import { WbMediaActionRequest, WbMediaAdvert, WbMediaCount, WbMediaCpmRequest, WbMediaIdQuery, WbMediaList, WbMediaListQuery } from "../media.js";
import { WbMediaStatsRequest, WbMediaStatsResponse } from "../media-stats.js";
import { jsonResponse } from "../../http/responses.js";
import type { RouteSpec, RouteTable } from "../../http/route.js";

const emptyOk = (description: string) => ({ description: `${description} (200 with an empty body)` });
const text = (description: string) => jsonResponse(description, WbErrorText);

const action = (name: "stop" | "pause" | "start", summary: string, extra: string) => ({
  method: "POST",
  path: `/adv/v1/advert/${name}`,
  tag: "media",
  summary,
  body: WbMediaActionRequest,
  responses: {
    200: emptyOk("Done"),
    400: text(
      `"Campaign not found" (unknown or another seller's), "Changing status is not possible" (not allowed from the current status), "Некорректное тело запроса" (no advert_id)${extra}`,
    ),
  },
}) satisfies RouteSpec;

/** WB Media (research §5.18, §7.2). Media campaigns are created through POST /__sandbox/wildberries/media-campaigns. */
export const MEDIA_ROUTES = {
  countMediaCampaigns: {
    method: "GET",
    path: "/adv/v1/count",
    tag: "media",
    summary: "How many media campaigns the seller has, by (type, status)",
    responses: { 200: jsonResponse("all, and one group per (type, status); adverts null when there are none", WbMediaCount) },
  },
  listMediaCampaigns: {
    method: "GET",
    path: "/adv/v1/adverts",
    tag: "media",
    summary: "The seller's media campaigns, filtered by status and type, ordered, paged by offset and limit",
    query: WbMediaListQuery,
    responses: {
      200: jsonResponse("The campaigns", WbMediaList),
      204: { description: "No campaign matches" },
      400: text('"Некорректное значение параметра <name>": a query parameter is out of range or not one of its values'),
    },
  },
  getMediaCampaign: {
    method: "GET",
    path: "/adv/v1/advert",
    tag: "media",
    summary: "One media campaign with extended (spend, budget, placement period) and its banners",
    query: WbMediaIdQuery,
    responses: {
      200: jsonResponse("The campaign", WbMediaAdvert),
      204: { description: "The seller has no media campaign with this id" },
      400: text('"Некорректный ID кампании": id missing or not a positive integer'),
    },
  },
  stopMediaCampaign: action("stop", "Completes a media campaign (7) from 1, 3, 4, 5, 6, 8, 9, 10 or 11", ""),
  pauseMediaCampaign: action(
    "pause",
    "Pauses a media campaign (9) from 4, 5, 6, 10 or 11; at most 10 pauses a campaign per Moscow day",
    ', "Pause limit exceeded: ..." (the 11th pause of the Moscow day)',
  ),
  startMediaCampaign: action("start", "Launches a paused media campaign (9 or 11): status 4 for 2-5 minutes, then 5 (from in the future), 11 (type 2 without budget), 10 (daily limits used up) or 6", ""),
  mediaStats: {
    method: "POST",
    path: "/adv/v1/stats",
    tag: "media",
    summary:
      "Media statistics per banner, day and app type from the sandbox's hourly traffic simulation: one entry per request item in order ({id, dates} | {id, interval} | {id} for the whole life)",
    body: WbMediaStatsRequest,
    responses: {
      200: jsonResponse("One entry per request item; unknown campaigns and days without traffic give stats: []", WbMediaStatsResponse),
      400: jsonResponse('{"error": "Некорректное тело запроса"}: not 1-100 items, an item without id, dates and interval together, a bad day or an interval ending before it begins', WbErrorObject),
    },
  },
  changeMediaBannerCpm: {
    method: "POST",
    path: "/adv/v1/item/cpm/change",
    tag: "media",
    summary: "Changes a banner's bid (cpm as a number or a string) in statuses 4, 5, 6, 9, 10, 11; a running campaign pays the new bid from now on",
    body: WbMediaCpmRequest,
    responses: {
      200: emptyOk("Done"),
      400: text(
        '"Campaign not found", "Changing bid is not possible" (another status), "Error in getting items: no banner <item_id> in campaign <advert_id>", "Некорректное тело запроса" (advert_id, item_id or cpm missing or not a positive whole number)',
      ),
    },
  },
} satisfies RouteTable;
