import { YM_ROUTES } from "../../contracts/yoomoney/routes.js";
import { YM_PIPELINE } from "../../contracts/yoomoney/pipeline.js";
import { createClient, type ClientOptions } from "../route-client.js";
import type { RouteClient } from "../route-client-types.js";

export { YM_PIPELINE };

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
