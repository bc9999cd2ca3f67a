import { WbNmsToAdd } from "../../contracts/wildberries/auto-settings.js";
import { WbSetPlusResponse } from "../../contracts/wildberries/phrases.js";
import { nmsToAdd, setAutoExcluded, updateAutoNms } from "../../state/wildberries/auto-settings.js";
import { setFixedActivity, setMinusPhrases, setPlusPhrases, type MinusList } from "../../state/wildberries/phrases.js";
import { empty, errorObject, errorText, json } from "./answers.js";
import { idParam } from "./query.js";
import type { Answer } from "../http/answer.js";
import type { WbCall, WbHandlers } from "./route.js";

/** The seed's one error of set-plus (GET), set-phrase, set-strong, set-excluded and auto/set-excluded. */
const BAD_REQUEST = "Некорректный запрос";

/** POST set-plus answers `{"error"}` (research §5.11, the 2025 spec's texts). */
const PLUS_BAD_ID = "Invalid Params: invalid advert ID";
const PLUS_NOT_FOUND = "Not Found: Campaign not found";
const PLUS_UNIFIED = "Invalid Params: not available for unified campaigns";
const PLUS_BAD_BODY = "Invalid Params: invalid payload body";
const PLUS_TOO_MANY = "Invalid Params: no more than 100 fixed phrases per campaign";

/** getnmtoadd and updatenm (research §5.12). */
const NMS_NOT_FOUND = "Invalid Advert: not found\nadvert not found";
const UPDATENM_NOT_FOUND = "Campaign not found";

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => typeof v === "object" && v !== null && !Array.isArray(v);

/** `body[key]` when the body is an object whose `key` is an array of strings. */
function stringList(call: WbCall, key: string): string[] | undefined {
  if (call.body.malformed || !isRecord(call.body.value)) return undefined;
  const list = call.body.value[key];
  if (!Array.isArray(list)) return undefined;
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== "string") return undefined;
    out.push(item);
  }
  return out;
}

/** The integers of `body[key]`; anything else there is dropped, as updatenm drops what it cannot use. */
function intList(body: JsonRecord, key: string): number[] {
  const list = body[key];
  if (!Array.isArray(list)) return [];
  return list.filter((x): x is number => typeof x === "number" && Number.isSafeInteger(x) && x > 0);
}

function fixedActivity(call: WbCall): Answer {
  const id = idParam(call.query["id"]);
  const fixed = call.query["fixed"];
  if (id === undefined || (fixed !== "true" && fixed !== "false")) return errorText(400, BAD_REQUEST);
  const result = setFixedActivity(call.tenant, id, fixed === "true");
  return result.ok ? empty() : errorText(400, BAD_REQUEST);
}

function plusPhrases(call: WbCall): Answer {
  const id = idParam(call.query["id"]);
  if (id === undefined) return errorObject(400, PLUS_BAD_ID);
  const phrases = stringList(call, "pluse");
  if (phrases === undefined) return errorObject(400, PLUS_BAD_BODY);
  const result = setPlusPhrases(call.tenant, id, phrases);
  if (result.ok) return json(result.value, WbSetPlusResponse);
  switch (result.error.kind) {
    case "notFound":
      return errorObject(400, PLUS_NOT_FOUND);
    case "wrongType":
      return errorObject(400, PLUS_UNIFIED);
    case "tooMany":
      return errorObject(400, PLUS_TOO_MANY);
  }
}

function minusPhrases(which: MinusList) {
  return (call: WbCall): Answer => {
    const id = idParam(call.query["id"]);
    const phrases = stringList(call, which);
    if (id === undefined || phrases === undefined) return errorText(400, BAD_REQUEST);
    return setMinusPhrases(call.tenant, id, which, phrases).ok ? empty() : errorText(400, BAD_REQUEST);
  };
}

function getNmsToAdd(call: WbCall): Answer {
  const id = idParam(call.query["id"]);
  if (id === undefined) return errorObject(400, NMS_NOT_FOUND);
  const result = nmsToAdd(call.tenant, id);
  return result.ok ? json(result.value, WbNmsToAdd) : errorObject(400, NMS_NOT_FOUND);
}

function updateNms(call: WbCall): Answer {
  const id = idParam(call.query["id"]);
  if (id === undefined) return errorObject(400, UPDATENM_NOT_FOUND);
  if (call.body.malformed || !isRecord(call.body.value)) return errorObject(400, PLUS_BAD_BODY);
  return updateAutoNms(call.tenant, id, intList(call.body.value, "add"), intList(call.body.value, "delete")).ok ? empty() : errorObject(400, UPDATENM_NOT_FOUND);
}

function autoExcluded(call: WbCall): Answer {
  const id = idParam(call.query["id"]);
  const phrases = stringList(call, "excluded");
  if (id === undefined || phrases === undefined) return errorText(400, BAD_REQUEST);
  return setAutoExcluded(call.tenant, id, phrases).ok ? empty() : errorText(400, BAD_REQUEST);
}

/** Auction phrase settings (research §5.11) and automatic-campaign settings (§5.12). */
export const PHRASE_HANDLERS = {
  setFixedPhrasesActivity: fixedActivity,
  setFixedPhrases: plusPhrases,
  setPhraseMatchMinusPhrases: minusPhrases("phrase"),
  setExactMatchMinusPhrases: minusPhrases("strong"),
  setSearchMinusPhrases: minusPhrases("excluded"),
  listNmsToAdd: getNmsToAdd,
  updateAutoNms: updateNms,
  setAutoMinusPhrases: autoExcluded,
} satisfies WbHandlers;
