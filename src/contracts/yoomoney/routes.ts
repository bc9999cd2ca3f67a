import { z, type ZodType } from "zod";
import { jsonResponse } from "../http/responses.js";
import { routeTable, type RouteSpec } from "../http/route.js";
import { LoginRequest, LoginResponse } from "./auth.js";
import { CampaignKeyRequest, CampaignStateResponse, StopCampaignResponse } from "./campaign-calls.js";
import { CreateCampaignRequest, UpdateCampaignRequest } from "./campaign-fields.js";
import { CampaignInfoResponse, GetCampaignResponse, ListCampaignsRequest, ListCampaignsResponse } from "./campaign-views.js";
import { CategoriesRequest, CategoriesResponse } from "./categories.js";
import { ErrorResponse, type ErrorCode } from "./envelope.js";
import { AddPinsRequest, AddPinsResponse, PinsByStatusRequest, PinsByStatusResponse } from "./pins.js";
import { RedeemRequest, RedeemResponse } from "./redeem.js";

/** Every method lives at `POST /api/offerwall/v1/<method>`: the one place this path is written. */
export const YOOMONEY_BASE_PATH = "/api/offerwall/v1";

/** A method's answer: its result, or (HTTP 200 too) the error envelope with one of its documented codes. */
function resultOr<S extends ZodType>(success: S, errors: readonly ErrorCode[]) {
  return { 200: jsonResponse(`The result, or the error envelope (HTTP 200) with one of: ${errors.join(", ")}.`, z.union([success, ErrorResponse])) };
}

/** A method that takes the caller's token: `POST <base>/<name>` with its request body and its answer. */
function method<Q extends ZodType, S extends ZodType>(
  name: string,
  tag: string,
  summary: string,
  request: Q,
  success: S,
  errors: readonly ErrorCode[],
): Omit<RouteSpec, "body" | "responses"> & { body: Q; responses: ReturnType<typeof resultOr<S>> } {
  return { method: "POST", path: `${YOOMONEY_BASE_PATH}/${name}`, tag, summary, body: request, responses: resultOr(success, errors) };
}

/** Every method of research/yoomoney.md §4, keyed by operation id; users/login is the one that needs no token. */
export const YM_ROUTES = routeTable({
  login: {
    method: "POST",
    path: `${YOOMONEY_BASE_PATH}/users/login`,
    tag: "auth",
    summary: "Issue an access token (JWT, one hour); the only answer without the status/result envelope",
    body: LoginRequest,
    auth: "none",
    responses: {
      200: jsonResponse("The token", LoginResponse),
      401: jsonResponse("unauthorized: login or password missing or empty (or, with --auth strict, not the password this login was first given)", ErrorResponse),
    },
  },
  getCategories: method("categories/get", "categories", "The category reference guide (values for categoryId)", CategoriesRequest, CategoriesResponse, ["incorrectData"]),
  createCampaign: method("campaigns/create", "campaigns", "Create a campaign; it goes to moderation", CreateCampaignRequest, CampaignStateResponse, [
    "incorrectData",
    "repeatCampaignData",
  ]),
  updateCampaign: method(
    "campaigns/update",
    "campaigns",
    "Replace the fields sent (keyed by partnerCampaignId); stops the campaign and sends it back to moderation",
    UpdateCampaignRequest,
    CampaignStateResponse,
    ["incorrectData", "failFinished", "campaignNotFound"],
  ),
  startCampaign: method(
    "campaigns/start",
    "campaigns",
    "Start a verified or paused campaign; a code campaign with no unused one-off pin goes to pin-required",
    CampaignKeyRequest,
    CampaignStateResponse,
    ["incorrectData", "failPin", "failFinished", "failModerator", "campaignNotFound"],
  ),
  stopCampaign: method("campaigns/stop", "campaigns", "Stop (pause) a campaign", CampaignKeyRequest, StopCampaignResponse, [
    "incorrectData",
    "failMerchant",
    "failFinished",
    "failModerator",
    "campaignNotFound",
  ]),
  addPins: method(
    "campaigns/add-pins",
    "pins",
    "Upload one-off promo codes (duplicates are skipped); restarts a pin-required campaign",
    AddPinsRequest,
    AddPinsResponse,
    ["incorrectData", "failFinished", "campaignNotFound"],
  ),
  redeem: method("campaigns/redeem", "leads", "Report a lead (used) or change its status (approved, declined)", RedeemRequest, RedeemResponse, [
    "incorrectData",
    "campaignNotFound",
  ]),
  getCampaign: method("campaigns/get", "campaigns", "A campaign's full contents", CampaignKeyRequest, GetCampaignResponse, ["incorrectData", "campaignNotFound"]),
  campaignInfo: method("campaigns/info", "campaigns", "A campaign's statistics", CampaignKeyRequest, CampaignInfoResponse, ["incorrectData", "campaignNotFound"]),
  listCampaigns: method(
    "campaigns/get-all-campaigns",
    "campaigns",
    "Page through the caller's campaigns (no result wrapper)",
    ListCampaignsRequest,
    ListCampaignsResponse,
    ["incorrectData"],
  ),
  getPinsByStatus: method("campaigns/get-pins-by-status", "pins", "List a campaign's promo codes in one status", PinsByStatusRequest, PinsByStatusResponse, [
    "incorrectData",
    "campaignNotFound",
  ]),
});

export type YmOperationId = keyof typeof YM_ROUTES;

/** The method name of a path under the base path ("campaigns/get"), extra slashes at either end trimmed; undefined elsewhere. */
export function ymMethodName(path: string): string | undefined {
  if (path !== YOOMONEY_BASE_PATH && !path.startsWith(`${YOOMONEY_BASE_PATH}/`)) return undefined;
  return path.slice(YOOMONEY_BASE_PATH.length).replace(/^\/+|\/+$/g, "");
}
