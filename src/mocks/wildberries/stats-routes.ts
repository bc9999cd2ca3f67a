import { WbAutoStatWords, WbFullstatsRequest, WbFullstatsResponse, WbKeywordStats, WbStatWords } from "../../contracts/wildberries/stats.js";
import { fullstats, type FullstatsError } from "../../state/wildberries/fullstats.js";
import { keywordStats } from "../../state/wildberries/keywords-stats.js";
import { auctionStatWords, autoStatWords } from "../../state/wildberries/stat-words.js";
import { errorMessage, errorObject, json, noContent } from "./answers.js";
import { idParam } from "./query.js";
import type { Answer } from "../http/answer.js";
import type { WbCall, WbHandlers } from "./route.js";

/** fullstats' documented `{"error"}` texts (2025 spec examples). */
const FULLSTATS_ERRORS: Record<FullstatsError, string> = {
  begin: "Некорректная дата начала",
  end: "Некорректная дата конца",
  notFound: "Не найдено",
};
const FULLSTATS_BAD_BODY =
  "Некорректное тело запроса: ожидается массив из 1-100 объектов {\"id\"} с \"dates\" или \"interval\" {\"begin\",\"end\"} (не вместе)";
const BAD_ID = "Некорректный ID кампании";
const AUTO_ONLY = "доступно только для автоматических кампаний";

function fullstatsCall(call: WbCall): Answer {
  const parsed = call.body.malformed ? undefined : WbFullstatsRequest.safeParse(call.body.value);
  if (parsed === undefined || !parsed.success) return errorObject(400, FULLSTATS_BAD_BODY);
  const items = parsed.data;
  if (items.some((item) => item.dates !== undefined && item.interval !== undefined)) return errorObject(400, FULLSTATS_BAD_BODY);
  const result = fullstats(call.tenant, items);
  if (!result.ok) return errorObject(400, FULLSTATS_ERRORS[result.error]);
  return json(result.value, WbFullstatsResponse);
}

function autoStatWordsCall(call: WbCall): Answer {
  const id = idParam(call.query["id"]);
  if (id === undefined) return errorObject(400, BAD_ID);
  const result = autoStatWords(call.tenant, id);
  if (result.ok) return json(result.value, WbAutoStatWords);
  return result.error === "notFound" ? noContent() : errorObject(400, AUTO_ONLY);
}

/** stat/words documents its 400 with no body: a bad or unknown id, or a campaign that is not an Auction. */
function statWordsCall(call: WbCall): Answer {
  const id = idParam(call.query["id"]);
  const result = id === undefined ? undefined : auctionStatWords(call.tenant, id);
  if (result === undefined || !result.ok) return { status: 400 };
  return json(result.value, WbStatWords);
}

const BAD_REQUEST = "bad request";

function keywordStatsCall(call: WbCall): Answer {
  const id = idParam(call.query["advert_id"]);
  if (id === undefined) return errorMessage(400, "invalid advert_id: pass the campaign ID as a positive integer", BAD_REQUEST);
  const from = call.query["from"];
  const to = call.query["to"];
  if (from === undefined) return errorMessage(400, "invalid from: pass the period start as YYYY-MM-DD", BAD_REQUEST);
  if (to === undefined) return errorMessage(400, "invalid to: pass the period end as YYYY-MM-DD", BAD_REQUEST);
  const result = keywordStats(call.tenant, id, from, to);
  if (result.ok) return json({ keywords: result.value }, WbKeywordStats);
  switch (result.error) {
    case "from":
      return errorMessage(400, "invalid from: pass the period start as YYYY-MM-DD", BAD_REQUEST);
    case "to":
      return errorMessage(400, "invalid to: pass the period end as YYYY-MM-DD, not before from", BAD_REQUEST);
    case "period":
      return errorMessage(400, "the period of stats cannot be more than one week", BAD_REQUEST);
    case "notFound":
      return errorMessage(404, "campaign not found", "not found");
  }
}

/** Statistics (research §5.14-5.17), all computed from the traffic simulation's cells. */
export const STATS_HANDLERS = {
  getFullStats: fullstatsCall,
  getAutoStatWords: autoStatWordsCall,
  getStatWords: statWordsCall,
  getKeywordStats: keywordStatsCall,
} satisfies WbHandlers;
