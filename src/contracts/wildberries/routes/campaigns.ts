import {
  WbAdverts,
  WbAdvertsQuery,
  WbAdvertsRequest,
  WbAdvertIdQuery,
  WbCpmRequest,
  WbPromotionCount,
  WbRenameRequest,
  WbSaveAdRequest,
  WbSaveAdResponse,
  WbSeacatSaveAdRequest,
  WbSeacatSaveAdResponse,
} from "../campaigns.js";
import { WbErrorObject, WbErrorText } from "../errors.js";
import { jsonResponse } from "../../http/responses.js";
import type { RouteSpec, RouteTable } from "../../http/route.js";

const emptyOk = (description: string) => ({ description: `${description} (200 with an empty body)` });
const text = (description: string) => jsonResponse(description, WbErrorText);

const statusOperation = (action: "start" | "pause" | "stop", summary: string, rule: string) => ({
  method: "GET",
  path: `/adv/v0/${action}`,
  tag: "campaigns",
  summary,
  query: WbAdvertIdQuery,
  responses: {
    200: emptyOk("Accepted: applied at once (immediate) or at the next minute boundary, the last action of the minute winning and validated again (realistic)"),
    400: text('"Некорректный идентификатор РК": the id is missing, malformed, unknown or another seller\'s'),
    422: text(`"Статус кампании не изменен": ${rule}`),
  },
}) satisfies RouteSpec;

export const CAMPAIGNS_ROUTES = {
  createAutoCampaign: {
    method: "POST",
    path: "/adv/v1/save-ad",
    tag: "campaigns",
    summary: "Creates an automatic campaign (type 8) funded with `sum` from `btype`: active (9), or paused (11) with on_pause and startable 3 minutes later",
    body: WbSaveAdRequest,
    responses: {
      200: jsonResponse('The new id as a JSON string, e.g. "9008917"', WbSaveAdResponse),
      400: jsonResponse(
        'What is wrong, e.g. {"error": "Недостаточно средств"} (source short), "Минимальная сумма пополнения 1000 рублей", "Сумма пополнения должна быть кратна 50 руб", an nm not of subjectId, more than 100 nms',
        WbErrorObject,
      ),
    },
  },
  createAuctionCampaign: {
    method: "POST",
    path: "/adv/v2/seacat/save-ad",
    tag: "campaigns",
    summary: "Creates an Auction campaign (type 9): status 4, budget 0, nms grouped by subject at searchCPM = cpm_min_search_catalog",
    body: WbSeacatSaveAdRequest,
    responses: {
      200: jsonResponse("The new id as a JSON integer", WbSeacatSaveAdResponse),
      400: text(
        '"must provide at least one nm id", "Некорректное название", "Нет доступных категорий для рк. …" (an nm the seller does not have), more than 50 nms, or "Ошибка обработки тела запроса"',
      ),
    },
  },
  deleteCampaign: {
    method: "GET",
    path: "/adv/v0/delete",
    tag: "campaigns",
    summary: "Deletes a campaign in status 4: -1 at once, gone from every answer 3-10 minutes later",
    query: WbAdvertIdQuery,
    responses: {
      200: emptyOk("Deleted"),
      400: jsonResponse('{"error": "Некорректный ID кампании"}: unknown or another seller\'s id, or the campaign is not in status 4', WbErrorObject),
    },
  },
  renameCampaign: {
    method: "POST",
    path: "/adv/v0/rename",
    tag: "campaigns",
    summary: "Renames a campaign in any status (1-100 characters)",
    body: WbRenameRequest,
    responses: {
      200: emptyOk("Renamed"),
      400: text('"Некорректный ID РК" or "Некорректное название"'),
      422: text('"кампания не найдена или не принадлежит продавцу", or "Ошибка обработки тела запроса" for a body that is not an object'),
    },
  },
  countCampaigns: {
    method: "GET",
    path: "/adv/v1/promotion/count",
    tag: "campaigns",
    summary: "The seller's campaigns grouped by type and status with their last change (realistic: as of the last 3-minute sync)",
    responses: { 200: jsonResponse("The groups (adverts null with no campaigns)", WbPromotionCount) },
  },
  getCampaigns: {
    method: "POST",
    path: "/adv/v1/promotion/adverts",
    tag: "campaigns",
    summary: "Campaign information by status/type filters or by a list of up to 50 ids (not both), ordered by create, change or id",
    query: WbAdvertsQuery,
    body: WbAdvertsRequest,
    responses: {
      200: jsonResponse("The campaigns: type 8 with autoParams, type 9 with unitedParams", WbAdverts),
      204: { description: "No campaign matches" },
      400: text('"Некорректное значение параметра type", "Для получения информации передайте или список кампаний, или набор фильтров", or "Ошибка обработки тела запроса"'),
      422: text('"Ошибка обработки параметров запроса": a bad status, order or direction'),
    },
  },
  changeBid: {
    method: "POST",
    path: "/adv/v0/cpm",
    tag: "campaigns",
    summary: "Changes a bid (statuses 4, 9, 11): type 8 the campaign and every nm, type 9 the search (instrument 6) or catalog (4) bid of subject `param`; realistic: applied at the next 30 s boundary, last wins",
    body: WbCpmRequest,
    responses: {
      200: emptyOk("Accepted"),
      400: text('"Некорректное значение параметра type" (not the campaign\'s type), "… param", "… cpm" or "… instrument"'),
      422: text('"Размер ставки не изменен" (below the minimum or a status that takes no bids), "кампания не найдена или не принадлежит продавцу", "Ошибка обработки тела запроса"'),
    },
  },
  startCampaign: statusOperation("start", "Launches a campaign in 4 or 11 (status 9)", "not in 4 or 11, budget 0, or within 3 minutes of an on_pause creation"),
  pauseCampaign: statusOperation("pause", "Pauses an active campaign (9 -> 11)", "the campaign is not active (9)"),
  stopCampaign: statusOperation("stop", "Completes a campaign in 4, 9 or 11 (status 7)", "the campaign is not in 4, 9 or 11"),
} satisfies RouteTable;
