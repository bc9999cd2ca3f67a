import { OpenAPIRegistry, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { WbGatewayError } from "../wildberries/errors.js";
import { WbPing } from "../wildberries/ping.js";
import { generateDocument, type OpenApiDocument } from "./generate.js";
import { jsonBody, jsonResponse } from "./responses.js";
import { CAMPAIGNS_OPERATIONS } from "./wildberries/campaigns.js";
import { CATALOGUE_OPERATIONS } from "./wildberries/catalogue.js";
import { FINANCE_OPERATIONS } from "./wildberries/finance.js";
import { MEDIA_OPERATIONS } from "./wildberries/media.js";
import type { WbOperationDoc } from "./wildberries/operation.js";
import { PHRASES_OPERATIONS } from "./wildberries/phrases.js";
import { STATS_OPERATIONS } from "./wildberries/stats.js";

const remaining = z.object({
  "X-Ratelimit-Remaining": z.string().meta({ description: "Calls left in this method's burst (absent with rateLimits: off)" }),
});
const limited = z.object({
  "X-Ratelimit-Retry": z.string().meta({ description: "Seconds (tenant's virtual clock) until the next call can pass" }),
  "X-Ratelimit-Limit": z.string().meta({ description: "The method's burst" }),
  "X-Ratelimit-Reset": z.string().meta({ description: "Seconds until the burst is full again" }),
});

const PING: WbOperationDoc = {
  method: "get",
  path: "/ping",
  operationId: "ping",
  tag: "general",
  summary: "Checks the token and the connection",
  responses: { 200: jsonResponse("The server's Moscow time and OK", WbPing) },
};

/** Every Wildberries method the sandbox serves, in research §4 order by area. */
export const WB_OPERATIONS: readonly WbOperationDoc[] = [
  PING,
  ...CATALOGUE_OPERATIONS,
  ...CAMPAIGNS_OPERATIONS,
  ...FINANCE_OPERATIONS,
  ...PHRASES_OPERATIONS,
  ...STATS_OPERATIONS,
  ...MEDIA_OPERATIONS,
];

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
  for (const op of WB_OPERATIONS) {
    const responses: Record<number, ResponseConfig> = {};
    for (const [status, response] of Object.entries(op.responses)) responses[Number(status)] = withRemaining(response);
    registry.registerPath({
      method: op.method,
      path: op.path,
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      security: [{ HeaderApiKey: [] }],
      request: {
        ...(op.query === undefined ? {} : { query: op.query }),
        ...(op.body === undefined ? {} : { body: jsonBody(op.body) }),
      },
      responses: {
        ...responses,
        401: jsonResponse("The token is missing, expired or (with --auth strict) not issued by the sandbox", WbGatewayError),
        429: jsonResponse("The method's rate limit for this seller is used up (a 429 costs nothing)", WbGatewayError, limited),
      },
    });
  }
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
        "The seed-era (December 2024) Promotion methods at their real paths. Amounts are whole rubles; times are Moscow (+03:00). Method errors are bare JSON strings, `{\"error\"}` or `{\"message\",\"type\"}` as documented per method; 401, 404 (unknown path), 405 and 429 are the gateway's object.",
    },
    servers: [{ url: "http://127.0.0.1:8787", description: "promo-sandbox (default port)" }],
  });
}
