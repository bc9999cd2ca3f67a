import { WbErrorObject, WbMessageError } from "../errors.js";
import {
  WbAutoStatWords,
  WbFullstatsRequest,
  WbFullstatsResponse,
  WbKeywordStats,
  WbKeywordStatsQuery,
  WbStatWords,
  WbStatsIdQuery,
} from "../stats.js";
import { jsonResponse } from "../../http/responses.js";
import type { RouteSpec, RouteTable } from "../../http/route.js";

export const STATS_ROUTES = {
  getFullStats: {
    method: "POST",
    path: "/adv/v2/fullstats",
    tag: "statistics",
    summary:
      "Campaign statistics (campaigns in 7, 9 or 11) per day, app type and nm, from the traffic simulation: each level the exact sum of the one below; dates, interval (at most 31 days) or the id alone (yesterday and today, echoed as dates)",
    body: WbFullstatsRequest,
    responses: {
      200: jsonResponse("One object per reported campaign, in request order (a repeated id once)", WbFullstatsResponse),
      400: jsonResponse(
        '{"error": ...}: "Не найдено" (no campaign in 7, 9 or 11), "Некорректная дата начала" (bad begin or date, or more than 31 days), "Некорректная дата конца" (bad end, or before begin), "Некорректное тело запроса: ..." (not 1-100 items, or dates with interval)',
        WbErrorObject,
      ),
    },
  },
  getAutoStatWords: {
    method: "GET",
    path: "/adv/v2/auto/stat-words",
    tag: "statistics",
    summary: "An automatic campaign's excluded phrases and the clusters of phrases it was shown for (count = views)",
    query: WbStatsIdQuery,
    responses: {
      200: jsonResponse("Clusters, largest first", WbAutoStatWords),
      204: { description: "Unknown campaign (or another seller's)" },
      400: jsonResponse('{"error": "доступно только для автоматических кампаний"} for an Auction, "Некорректный ID кампании" for a malformed id', WbErrorObject),
    },
  },
  getStatWords: {
    method: "GET",
    path: "/adv/v1/stat/words",
    tag: "statistics",
    summary: "An Auction campaign's phrase lists and its statistics by phrase: stat[0] 'Всего по кампании' (all phrases), then the top 60 by views",
    query: WbStatsIdQuery,
    responses: {
      200: jsonResponse("Phrase lists and statistics", WbStatWords),
      400: { description: "No body: the id is malformed, unknown, another seller's, or not an Auction (type 9)" },
    },
  },
  getKeywordStats: {
    method: "GET",
    path: "/adv/v0/stats/keywords",
    tag: "statistics",
    summary: "Statistics by phrase per Moscow day (days with search traffic only) for an automatic or Auction campaign, at most 7 days",
    query: WbKeywordStatsQuery,
    responses: {
      200: jsonResponse("Per day, the phrases by views", WbKeywordStats),
      400: jsonResponse('{"message": "the period of stats cannot be more than one week", "type": "bad request"}, or "invalid ..." for a bad advert_id, from or to', WbMessageError),
      404: jsonResponse('{"message": "campaign not found", "type": "not found"}', WbMessageError),
    },
  },
} satisfies RouteTable;
