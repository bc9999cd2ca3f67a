import { z } from "zod";
import { jsonResponse } from "../../contracts/http/responses.js";
import { WbGatewayError } from "../../contracts/wildberries/errors.js";
import { WB_ROUTES } from "../../contracts/wildberries/routes.js";
import { createClient, type ClientOptions } from "../route-client.js";
import type { RouteClient } from "../route-client-types.js";

const rateLimited = z.object({ "X-Ratelimit-Retry": z.string(), "X-Ratelimit-Limit": z.string(), "X-Ratelimit-Reset": z.string() });

/** What the Wildberries gateway answers whatever the method: its own error object (as openapi/wildberries.json documents). */
export const WB_PIPELINE = {
  400: jsonResponse("the body cannot be read", WbGatewayError),
  401: jsonResponse("the token is missing, expired or not issued", WbGatewayError),
  404: jsonResponse("no method at this path", WbGatewayError),
  405: jsonResponse("the path takes another HTTP method", WbGatewayError, z.object({ Allow: z.string() })),
  413: jsonResponse("the body is too large", WbGatewayError),
  429: jsonResponse("the method's rate limit is used up", WbGatewayError, rateLimited),
  500: jsonResponse("a sandbox bug", WbGatewayError),
};

export type WildberriesClient = RouteClient<typeof WB_ROUTES, typeof WB_PIPELINE>;

/**
 * A typed client of the Wildberries Promotion API (advert-api), December 2024 edition: one method per
 * operation of src/contracts/wildberries/routes.ts. The seller's token goes raw in `Authorization` (no
 * `Bearer `), as Wildberries documents.
 */
export function createWildberriesClient(options: ClientOptions): WildberriesClient {
  return createClient(
    WB_ROUTES,
    { name: "Wildberries", servedBy: "Promotion API (advert-api)", authorization: (token) => token, pipeline: WB_PIPELINE },
    options,
  );
}
