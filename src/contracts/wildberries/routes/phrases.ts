import { WbAutoExcludedRequest, WbAutoIdQuery, WbNmsToAdd, WbUpdateNmRequest } from "../auto-settings.js";
import { WbErrorObject, WbErrorText } from "../errors.js";
import {
  WbPhraseIdQuery,
  WbSetExcludedRequest,
  WbSetPhraseRequest,
  WbSetPlusQuery,
  WbSetPlusRequest,
  WbSetPlusResponse,
  WbSetStrongRequest,
} from "../phrases.js";
import { jsonResponse } from "../../http/responses.js";
import type { RouteSpec, RouteTable } from "../../http/route.js";

const emptyOk = (description: string) => ({ description: `${description} (200 with an empty body)` });
const badRequest = (why: string) => jsonResponse(`"Некорректный запрос": ${why}`, WbErrorText);

const minus = <B extends typeof WbSetPhraseRequest | typeof WbSetStrongRequest | typeof WbSetExcludedRequest>(path: string, summary: string, body: B) => ({
  method: "POST",
  path,
  tag: "auction-settings",
  summary,
  query: WbPhraseIdQuery,
  body,
  responses: {
    200: emptyOk("The list is replaced (an empty array clears it)"),
    400: badRequest("the id is missing, unknown, another seller's, being deleted (-1) or not an Auction (type 9); the body is not {list: [strings]}; more than 1000 phrases"),
  },
}) satisfies RouteSpec;

/** Auction phrase settings (research §5.11) and automatic-campaign settings (§5.12). */
export const PHRASES_ROUTES = {
  setFixedPhrasesActivity: {
    method: "GET",
    path: "/adv/v1/search/set-plus",
    tag: "auction-settings",
    summary: "Makes an Auction campaign's fixed phrases active or inactive; searchPluseState follows (lists show it after the 3-minute sync under realistic consistency)",
    query: WbSetPlusQuery,
    responses: {
      200: emptyOk("Done"),
      400: badRequest("id or fixed (true|false) missing or malformed; the campaign is unknown, another seller's, being deleted or not an Auction (type 9)"),
    },
  },
  setFixedPhrases: {
    method: "POST",
    path: "/adv/v1/search/set-plus",
    tag: "auction-settings",
    summary: "Replaces an Auction campaign's fixed phrases (max 100); an empty array deletes them all and switches fixed phrases off",
    query: WbPhraseIdQuery,
    body: WbSetPlusRequest,
    responses: {
      200: jsonResponse("The fixed phrases now set", WbSetPlusResponse),
      400: jsonResponse(
        '{"error": "Not Found: Campaign not found"} (unknown, another seller\'s or being deleted), "Invalid Params: not available for unified campaigns" (an automatic campaign), "Invalid Params: invalid advert ID", "Invalid Params: invalid payload body", "Invalid Params: no more than 100 fixed phrases per campaign"',
        WbErrorObject,
      ),
    },
  },
  setPhraseMatchMinusPhrases: minus("/adv/v1/search/set-phrase", "Replaces an Auction campaign's phrase-match minus-phrases (max 1000)", WbSetPhraseRequest),
  setExactMatchMinusPhrases: minus("/adv/v1/search/set-strong", "Replaces an Auction campaign's exact-match minus-phrases (max 1000)", WbSetStrongRequest),
  setSearchMinusPhrases: minus("/adv/v1/search/set-excluded", "Replaces an Auction campaign's minus-phrases in search (max 1000)", WbSetExcludedRequest),
  listNmsToAdd: {
    method: "GET",
    path: "/adv/v1/auto/getnmtoadd",
    tag: "auto-settings",
    summary: "The seller's nms of an automatic campaign's subject that are not in it yet",
    query: WbAutoIdQuery,
    responses: {
      200: jsonResponse("WB articles, ascending", WbNmsToAdd),
      400: jsonResponse('{"error": "Invalid Advert: not found\\nadvert not found"}: the id is missing, unknown, another seller\'s, being deleted or not automatic (type 8)', WbErrorObject),
    },
  },
  updateAutoNms: {
    method: "POST",
    path: "/adv/v1/auto/updatenm",
    tag: "auto-settings",
    summary:
      "Adds and deletes an automatic campaign's nms. Only nms getnmtoadd offers are added (up to max_auto_nms in all, with the campaign's bid), only the campaign's own are deleted and never the last one; everything else is dropped silently, still 200",
    query: WbAutoIdQuery,
    body: WbUpdateNmRequest,
    responses: {
      200: emptyOk("Done, whatever could be done"),
      400: jsonResponse('{"error": "Campaign not found"} (the id is missing, unknown, another seller\'s, being deleted or not automatic), or "Invalid Params: invalid payload body" (the body is not a JSON object)', WbErrorObject),
    },
  },
  setAutoMinusPhrases: {
    method: "POST",
    path: "/adv/v1/auto/set-excluded",
    tag: "auto-settings",
    summary: "Replaces an automatic campaign's minus-phrases (max 1000; an empty array clears them); GET /adv/v2/auto/stat-words shows them as excluded",
    query: WbAutoIdQuery,
    body: WbAutoExcludedRequest,
    responses: {
      200: emptyOk("The list is replaced"),
      400: badRequest("the id is missing, unknown, another seller's, being deleted or not automatic (type 8); the body is not {excluded: [strings]}; more than 1000 phrases"),
    },
  },
} satisfies RouteTable;
