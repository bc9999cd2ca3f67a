import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as C from "../yoomoney/index.js";
import { YM_ROUTES, YOOMONEY_BASE_PATH } from "../yoomoney/routes.js";
import { generateDocument, type OpenApiDocument } from "./generate.js";
import { TRANSPORT_RESPONSES, type PipelineResponses } from "./pipeline.js";
import { jsonResponse } from "../http/responses.js";
import { registerRoutes } from "./register-routes.js";

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
  404: jsonResponse(`methodNotFound: there is no such method under ${YOOMONEY_BASE_PATH}`, C.ErrorResponse),
  405: jsonResponse("methodNotFound: the method takes POST only", C.ErrorResponse, allow),
  ...TRANSPORT_RESPONSES,
  413: jsonResponse("incorrectData (parameter body): the body is larger than this method accepts", C.ErrorResponse),
  429: jsonResponse("tooManyRequests: the tenant's rate limit for this method is used up", C.ErrorResponse, retryAfter),
  500: jsonResponse("internalError: a sandbox bug; the request journal (GET /__sandbox/requests) shows the call", C.ErrorResponse),
} satisfies PipelineResponses;

function register(registry: OpenAPIRegistry): void {
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The accessToken from users/login. The sandbox also accepts `Bearer: <token>` and, in open mode, any token (it names a tenant).",
  });

  registerRoutes(registry, YM_ROUTES, { security: [{ bearerAuth: [] }], pipeline: PIPELINE });
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
