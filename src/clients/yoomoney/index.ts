import { z } from "zod";
import { jsonResponse } from "../../contracts/http/responses.js";
import { ErrorResponse } from "../../contracts/yoomoney/envelope.js";
import { YM_ROUTES } from "../../contracts/yoomoney/routes.js";
import { createClient, type ClientOptions } from "../route-client.js";
import type { RouteClient } from "../route-client-types.js";

/** What the pipeline answers whatever the method: the error envelope (as openapi/yoomoney.json documents). */
export const YM_PIPELINE = {
  400: jsonResponse("incorrectData: the body cannot be read", ErrorResponse),
  401: jsonResponse("unauthorized", ErrorResponse),
  404: jsonResponse("methodNotFound: no such method", ErrorResponse),
  405: jsonResponse("methodNotFound: the method takes POST only", ErrorResponse, z.object({ Allow: z.string() })),
  413: jsonResponse("incorrectData: the body is too large", ErrorResponse),
  429: jsonResponse("tooManyRequests", ErrorResponse, z.object({ "Retry-After": z.string() })),
  500: jsonResponse("internalError: a sandbox bug", ErrorResponse),
};

export type YooMoneyClient = RouteClient<typeof YM_ROUTES, typeof YM_PIPELINE>;

/**
 * A typed client of the YooMoney offer-program API: one method per operation of
 * src/contracts/yoomoney/routes.ts, each `POST <baseUrl>/api/offerwall/v1/<method>` with its JSON body. The
 * token (users/login's accessToken) goes as `Authorization: Bearer <token>`; users/login is sent without it.
 * A business error is HTTP 200 with the error envelope: the 200 body is the method's result or the envelope.
 */
export function createYooMoneyClient(options: ClientOptions): YooMoneyClient {
  return createClient(
    YM_ROUTES,
    { name: "YooMoney", servedBy: "offer-program API", authorization: (token) => `Bearer ${token}`, pipeline: YM_PIPELINE },
    options,
  );
}
