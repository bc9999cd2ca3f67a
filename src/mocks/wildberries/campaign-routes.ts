import {
  WbAdverts,
  WbAdvertsRequest,
  WbCpmRequest,
  WbPromotionCount,
  WbRenameRequest,
  WbSaveAdRequest,
  WbSaveAdResponse,
  WbSeacatSaveAdRequest,
  WbSeacatSaveAdResponse,
} from "../../contracts/wildberries/campaigns.js";
import { changeBid } from "../../state/wildberries/campaign-bids.js";
import { createAuctionCampaign, createAutoCampaign } from "../../state/wildberries/campaign-create.js";
import { listCampaigns, countCampaigns, type AdvertsDirection, type AdvertsOrder } from "../../state/wildberries/campaign-list.js";
import { findCampaign } from "../../state/wildberries/campaign-lookup.js";
import { deleteCampaign, requestAction } from "../../state/wildberries/campaign-machine.js";
import { renameCampaign } from "../../state/wildberries/campaigns.js";
import type { StatusAction } from "../../state/wildberries/model.js";
import { textOf } from "../error-texts.js";
import { empty, errorObject, errorText, json, noContent } from "./answers.js";
import { AUCTION_TEXTS, AUTO_CAMPAIGN_TEXTS, BID_ANSWERS, SAVE_AD_FIELD_TEXTS } from "./campaign-errors.js";
import { idParam } from "./query.js";
import { renderCampaignCount, renderCampaigns } from "./views/campaign.js";
import type { Answer } from "../http/answer.js";
import type { WbCall, WbHandler, WbHandlers } from "./route.js";

const BAD_BODY = "Ошибка обработки тела запроса";
const NOT_FOUND = "кампания не найдена или не принадлежит продавцу";
const BAD_RC_ID = "Некорректный идентификатор РК";
const STATUS_NOT_CHANGED = "Статус кампании не изменен";

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => typeof v === "object" && v !== null && !Array.isArray(v);

function saveAd({ tenant, body: { value: body, malformed } }: WbCall): Answer {
  if (malformed || !isRecord(body)) return errorObject(400, "Некорректное тело запроса");
  // null in an optional field means "not sent".
  const parsed = WbSaveAdRequest.safeParse({ ...body, on_pause: body["on_pause"] ?? undefined, cpm: body["cpm"] ?? undefined });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    const message = Object.entries(SAVE_AD_FIELD_TEXTS).find(([key]) => key === field)?.[1] ?? "Некорректное тело запроса";
    return errorObject(400, message);
  }
  const d = parsed.data;
  const result = createAutoCampaign(tenant, {
    type: d.type,
    name: d.name,
    subjectId: d.subjectId,
    sum: d.sum,
    btype: d.btype,
    onPause: d.on_pause ?? false,
    nms: d.nms,
    cpm: d.cpm,
  });
  if (!result.ok) return errorObject(400, textOf(AUTO_CAMPAIGN_TEXTS, result.error));
  return json(String(result.value.advertId), WbSaveAdResponse);
}

function seacatSaveAd({ tenant, body: { value: body, malformed } }: WbCall): Answer {
  if (malformed || !isRecord(body)) return errorText(400, BAD_BODY);
  const parsed = WbSeacatSaveAdRequest.safeParse({ campaignName: body["campaignName"], name: body["name"], nms: body["nms"] ?? [] });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return errorText(400, field === "nms" ? BAD_BODY : AUCTION_TEXTS.name);
  }
  const name = parsed.data.campaignName ?? parsed.data.name;
  if (name === undefined) return errorText(400, AUCTION_TEXTS.name);
  const result = createAuctionCampaign(tenant, { name, nms: parsed.data.nms });
  if (!result.ok) return errorText(400, AUCTION_TEXTS[result.error]);
  return json(result.value.advertId, WbSeacatSaveAdResponse);
}

function remove({ tenant, query }: WbCall): Answer {
  const invalid = errorObject(400, "Некорректный ID кампании");
  const id = idParam(query["id"]);
  const campaign = id === undefined ? undefined : findCampaign(tenant, id);
  if (campaign === undefined) return invalid;
  return deleteCampaign(tenant, campaign).ok ? empty() : invalid;
}

function rename({ tenant, body: { value: body, malformed } }: WbCall): Answer {
  if (malformed || !isRecord(body)) return errorText(422, BAD_BODY);
  const advertId = WbRenameRequest.shape.advertId.safeParse(body["advertId"]);
  if (!advertId.success || advertId.data <= 0) return errorText(400, "Некорректный ID РК");
  const name = WbRenameRequest.shape.name.safeParse(body["name"]);
  if (!name.success) return errorText(400, "Некорректное название");
  const campaign = findCampaign(tenant, advertId.data);
  if (campaign === undefined) return errorText(422, NOT_FOUND);
  return renameCampaign(tenant, campaign, name.data).ok ? empty() : errorText(400, "Некорректное название");
}

function cpm({ tenant, body: { value: body, malformed } }: WbCall): Answer {
  if (malformed || !isRecord(body)) return errorText(422, BAD_BODY);
  const shape = WbCpmRequest.shape;
  const advertId = shape.advertId.safeParse(body["advertId"]);
  if (!advertId.success) return errorText(422, BAD_BODY);
  const type = shape.type.safeParse(body["type"]);
  if (!type.success) return BID_ANSWERS.type;
  const bid = shape.cpm.safeParse(body["cpm"]);
  if (!bid.success || bid.data <= 0) return errorText(400, "Некорректное значение параметра cpm");
  const param = shape.param.safeParse(body["param"] ?? undefined);
  if (!param.success) return BID_ANSWERS.param;
  const instrument = shape.instrument.safeParse(body["instrument"] ?? undefined);
  if (!instrument.success) return BID_ANSWERS.instrument;
  const campaign = findCampaign(tenant, advertId.data);
  if (campaign === undefined) return errorText(422, NOT_FOUND);
  const result = changeBid(tenant, campaign, { type: type.data, cpm: bid.data, param: param.data, instrument: instrument.data });
  return result.ok ? empty() : BID_ANSWERS[result.error];
}

const statusRoute =
  (action: StatusAction): WbHandler =>
  ({ tenant, query }) => {
    const id = idParam(query["id"]);
    const campaign = id === undefined ? undefined : findCampaign(tenant, id);
    if (campaign === undefined) return errorText(400, BAD_RC_ID);
    return requestAction(tenant, campaign, action).ok ? empty() : errorText(422, STATUS_NOT_CHANGED);
  };

const STATUSES = ["-1", "4", "7", "8", "9", "11"];
const TYPES = ["4", "5", "6", "7", "8", "9"];
const ORDERS: readonly AdvertsOrder[] = ["create", "change", "id"];
const DIRECTIONS: readonly AdvertsDirection[] = ["desc", "asc"];

function adverts({ tenant, query, body: { value: body, malformed } }: WbCall): Answer {
  const status = query["status"];
  const type = query["type"];
  if (type !== undefined && !TYPES.includes(type)) return errorText(400, "Некорректное значение параметра type");
  const order = ORDERS.find((o) => o === (query["order"] ?? "change"));
  const direction = DIRECTIONS.find((d) => d === (query["direction"] ?? "desc"));
  if ((status !== undefined && !STATUSES.includes(status)) || order === undefined || direction === undefined) {
    return errorText(422, "Ошибка обработки параметров запроса");
  }
  if (malformed) return errorText(400, BAD_BODY);
  const ids = body === undefined || body === null ? undefined : WbAdvertsRequest.safeParse(body);
  if (ids !== undefined && (!ids.success || ids.data.length > 50)) return errorText(400, BAD_BODY);
  const idList = ids !== undefined && ids.success && ids.data.length > 0 ? ids.data : undefined;
  if (idList !== undefined && (status !== undefined || type !== undefined)) {
    return errorText(400, "Для получения информации передайте или список кампаний, или набор фильтров");
  }
  const listing = listCampaigns(tenant, {
    status: status === undefined ? undefined : Number(status),
    type: type === undefined ? undefined : Number(type),
    ids: idList,
    order,
    direction,
  });
  return listing.found.length === 0 ? noContent() : json(renderCampaigns(listing), WbAdverts);
}

/** Creating, listing, renaming, bidding, launching, pausing, stopping and deleting promotion campaigns. */
export const CAMPAIGN_HANDLERS = {
  createAutoCampaign: saveAd,
  createAuctionCampaign: seacatSaveAd,
  deleteCampaign: remove,
  renameCampaign: rename,
  countCampaigns: ({ tenant }) => json(renderCampaignCount(countCampaigns(tenant)), WbPromotionCount),
  getCampaigns: adverts,
  changeBid: cpm,
  startCampaign: statusRoute("start"),
  pauseCampaign: statusRoute("pause"),
  stopCampaign: statusRoute("stop"),
} satisfies WbHandlers;
