import { OpenAPIRegistry, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { WbGatewayError } from "../wildberries/errors.js";
import { generateDocument, type OpenApiDocument } from "./generate.js";
import { jsonResponse } from "../http/responses.js";
import { WB_ROUTES } from "../wildberries/routes.js";
import { TRANSPORT_RESPONSES, type PipelineResponses } from "./pipeline.js";
import { registerRoutes } from "./register-routes.js";

const remaining = z.object({
  "X-Ratelimit-Remaining": z.string().meta({ description: "Calls left in this method's burst (absent with rateLimits: off)" }),
});
const limited = z.object({
  "X-Ratelimit-Retry": z.string().meta({ description: "Seconds (tenant's virtual clock) until the next call can pass" }),
  "X-Ratelimit-Limit": z.string().meta({ description: "The method's burst" }),
  "X-Ratelimit-Reset": z.string().meta({ description: "Seconds until the burst is full again" }),
});

/**
 * What the gateway answers whatever the method, as its own error object: an unreadable, too deep or too
 * large body, the token, an unknown path or HTTP method, the rate limit, the last resort; and Node's 408
 * for a body that does not arrive in time. A method's own 400 or 404 body stays documented beside it.
 */
const PIPELINE = {
  400: jsonResponse("The gateway's object: the body cannot be read (a Content-Encoding the sandbox cannot decode) or is nested deeper than the sandbox reads", WbGatewayError),
  401: jsonResponse("The token is missing, expired or (with --auth strict) not issued by the sandbox", WbGatewayError),
  404: jsonResponse("path not found: no method at this path (an unknown path under /adv/)", WbGatewayError),
  405: jsonResponse("method not allowed: the path takes another HTTP method (see Allow)", WbGatewayError, z.object({ Allow: z.string() })),
  ...TRANSPORT_RESPONSES,
  413: jsonResponse("request entity too large: the body is larger than this method accepts", WbGatewayError),
  429: jsonResponse("The method's rate limit for this seller is used up (a 429 costs nothing)", WbGatewayError, limited),
  500: jsonResponse("internal server error: a sandbox bug; the request journal (GET /__sandbox/requests) shows the call", WbGatewayError),
} satisfies PipelineResponses;

/** A method's own answer gains X-Ratelimit-Remaining. */
function withRemaining(response: ResponseConfig): ResponseConfig {
  return { ...response, headers: remaining };
}

function register(registry: OpenAPIRegistry): void {
  registry.registerComponent("securitySchemes", "HeaderApiKey", {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    description: "The seller's token, raw (as Wildberries documents) or with `Bearer `. In open mode any token names a seller (tenant).",
  });
  registerRoutes(registry, WB_ROUTES, { security: [{ HeaderApiKey: [] }], pipeline: PIPELINE, ownResponse: withRemaining });
}

/** openapi/wildberries.json: the Wildberries Promotion API (December 2024) as the sandbox serves it. */
export function buildWildberriesDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  register(registry);
  return generateDocument(registry, {
    openapi: "3.1.0",
    info: {
      title: "Wildberries Promotion API (advert-api), as served by promo-sandbox",
      version: "2024-12",
      description:
        "The seed-era (December 2024) Promotion methods at their real paths. Amounts are whole rubles; times are Moscow (+03:00). Method errors are bare JSON strings, `{\"error\"}` or `{\"message\",\"type\"}` as documented per method; the gateway's object answers 400 (an unreadable body), 401, 404 (unknown path), 405, 413, 429 and 500 on every method.",
    },
    servers: [{ url: "http://127.0.0.1:8787", description: "promo-sandbox (default port)" }],
  });
}
