import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z, type ZodType } from "zod";
import * as C from "../yoomoney/index.js";
import { generateDocument, type OpenApiDocument } from "./generate.js";
import { TRANSPORT_RESPONSES, withPipeline, type PipelineResponses } from "./pipeline.js";
import { jsonBody, jsonResponse } from "../http/responses.js";

/** Every method lives at `POST /api/offerwall/v1/<method>`. */
export const YOOMONEY_BASE_PATH = "/api/offerwall/v1";

interface MethodDoc {
  method: string;
  operationId: string;
  tag: string;
  summary: string;
  request: ZodType;
  success: ZodType;
  /** The documented business errors, answered with HTTP 200 and the error envelope. */
  errors: readonly C.ErrorCode[];
}

/** users/login is separate: no token, and its 200 is never the error envelope. */
const METHODS: readonly MethodDoc[] = [
  {
    method: "categories/get",
    operationId: "getCategories",
    tag: "categories",
    summary: "The category reference guide (values for categoryId)",
    request: C.CategoriesRequest,
    success: C.CategoriesResponse,
    errors: ["incorrectData"],
  },
  {
    method: "campaigns/create",
    operationId: "createCampaign",
    tag: "campaigns",
    summary: "Create a campaign; it goes to moderation",
    request: C.CreateCampaignRequest,
    success: C.CampaignStateResponse,
    errors: ["incorrectData", "repeatCampaignData"],
  },
  {
    method: "campaigns/update",
    operationId: "updateCampaign",
    tag: "campaigns",
    summary: "Replace the fields sent (keyed by partnerCampaignId); stops the campaign and sends it back to moderation",
    request: C.UpdateCampaignRequest,
    success: C.CampaignStateResponse,
    errors: ["incorrectData", "failFinished", "campaignNotFound"],
  },
  {
    method: "campaigns/start",
    operationId: "startCampaign",
    tag: "campaigns",
    summary: "Start a verified or paused campaign; a code campaign with no unused one-off pin goes to pin-required",
    request: C.CampaignKeyRequest,
    success: C.CampaignStateResponse,
    errors: ["incorrectData", "failPin", "failFinished", "failModerator", "campaignNotFound"],
  },
  {
    method: "campaigns/stop",
    operationId: "stopCampaign",
    tag: "campaigns",
    summary: "Stop (pause) a campaign",
    request: C.CampaignKeyRequest,
    success: C.StopCampaignResponse,
    errors: ["incorrectData", "failMerchant", "failFinished", "failModerator", "campaignNotFound"],
  },
  {
    method: "campaigns/add-pins",
    operationId: "addPins",
    tag: "pins",
    summary: "Upload one-off promo codes (duplicates are skipped); restarts a pin-required campaign",
    request: C.AddPinsRequest,
    success: C.AddPinsResponse,
    errors: ["incorrectData", "failFinished", "campaignNotFound"],
  },
  {
    method: "campaigns/redeem",
    operationId: "redeem",
    tag: "leads",
    summary: "Report a lead (used) or change its status (approved, declined)",
    request: C.RedeemRequest,
    success: C.RedeemResponse,
    errors: ["incorrectData", "campaignNotFound"],
  },
  {
    method: "campaigns/get",
    operationId: "getCampaign",
    tag: "campaigns",
    summary: "A campaign's full contents",
    request: C.CampaignKeyRequest,
    success: C.GetCampaignResponse,
    errors: ["incorrectData", "campaignNotFound"],
  },
  {
    method: "campaigns/info",
    operationId: "campaignInfo",
    tag: "campaigns",
    summary: "A campaign's statistics",
    request: C.CampaignKeyRequest,
    success: C.CampaignInfoResponse,
    errors: ["incorrectData", "campaignNotFound"],
  },
  {
    method: "campaigns/get-all-campaigns",
    operationId: "listCampaigns",
    tag: "campaigns",
    summary: "Page through the caller's campaigns (no result wrapper)",
    request: C.ListCampaignsRequest,
    success: C.ListCampaignsResponse,
    errors: ["incorrectData"],
  },
  {
    method: "campaigns/get-pins-by-status",
    operationId: "getPinsByStatus",
    tag: "pins",
    summary: "List a campaign's promo codes in one status",
    request: C.PinsByStatusRequest,
    success: C.PinsByStatusResponse,
    errors: ["incorrectData", "campaignNotFound"],
  },
];

const retryAfter = z.object({
  "Retry-After": z.string().meta({ description: "Seconds (of the tenant's virtual clock) until the next call is allowed" }),
});
const allow = z.object({ Allow: z.literal("POST") });

/**
 * What the pipeline answers whatever the method, in the error envelope: the body (unreadable, too deep,
 * too large), the token, an unknown method or HTTP method, the rate limit, the last resort; and Node's
 * 408 for a body that does not arrive in time.
 */
const PIPELINE = {
  400: jsonResponse(
    "incorrectData (parameter body): the body is not valid JSON, cannot be read (a Content-Encoding the sandbox cannot decode) or is nested deeper than the sandbox reads",
    C.ErrorResponse,
  ),
  401: jsonResponse("unauthorized: the token is missing, expired or (with --auth strict) not issued by the sandbox", C.ErrorResponse),
  404: jsonResponse("methodNotFound: there is no such method under /api/offerwall/v1", C.ErrorResponse),
  405: jsonResponse("methodNotFound: the method takes POST only", C.ErrorResponse, allow),
  ...TRANSPORT_RESPONSES,
  413: jsonResponse("incorrectData (parameter body): the body is larger than this method accepts", C.ErrorResponse),
  429: jsonResponse("tooManyRequests: the tenant's rate limit for this method is used up", C.ErrorResponse, retryAfter),
  500: jsonResponse("internalError: a sandbox bug; the request journal (GET /__sandbox/requests) shows the call", C.ErrorResponse),
} satisfies PipelineResponses;

function describeErrors(errors: readonly C.ErrorCode[]): string {
  if (errors.length === 0) return "The result, or the error envelope (HTTP 200).";
  return `The result, or the error envelope (HTTP 200) with one of: ${errors.join(", ")}.`;
}

function register(registry: OpenAPIRegistry): void {
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The accessToken from users/login. The sandbox also accepts `Bearer: <token>` and, in open mode, any token (it names a tenant).",
  });

  registry.registerPath({
    method: "post",
    path: `${YOOMONEY_BASE_PATH}/users/login`,
    operationId: "login",
    tags: ["auth"],
    summary: "Issue an access token (JWT, one hour); the only answer without the status/result envelope",
    security: [],
    request: { body: jsonBody(C.LoginRequest) },
    responses: withPipeline(
      {
        200: jsonResponse("The token", C.LoginResponse),
        401: jsonResponse("unauthorized: login or password missing or empty (or, with --auth strict, not the password this login was first given)", C.ErrorResponse),
      },
      PIPELINE,
    ),
  });

  for (const method of METHODS) {
    registry.registerPath({
      method: "post",
      path: `${YOOMONEY_BASE_PATH}/${method.method}`,
      operationId: method.operationId,
      tags: [method.tag],
      summary: method.summary,
      security: [{ bearerAuth: [] }],
      request: { body: jsonBody(method.request) },
      responses: withPipeline({ 200: jsonResponse(describeErrors(method.errors), z.union([method.success, C.ErrorResponse])) }, PIPELINE),
    });
  }
}

/** openapi/yoomoney.json: the YooMoney offer-program API as the sandbox serves it. */
export function buildYooMoneyDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  register(registry);
  return generateDocument(registry, {
    openapi: "3.1.0",
    info: {
      title: "YooMoney offer program (offerwall) API, as served by promo-sandbox",
      version: "v1",
      description:
        "Every method is POST with a JSON body. Business errors are HTTP 200 with `{\"status\":\"error\",\"errors\":{code,value,description,parameter?},\"result\"?:{ymCampaignId,campaignStatus}}`; transport errors (400, 401, 404, 405, 413, 429, 500) use the same envelope on every method.",
    },
    servers: [
      { url: "https://yoomoney.ru", description: "The real provider" },
      { url: "http://127.0.0.1:8787", description: "promo-sandbox (default port)" },
    ],
    tags: [
      { name: "auth" },
      { name: "categories" },
      { name: "campaigns" },
      { name: "pins" },
      { name: "leads" },
    ],
  });
}
