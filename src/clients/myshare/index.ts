import { z } from "zod";
import { jsonResponse } from "../../contracts/http/responses.js";
import { MsDetailError } from "../../contracts/myshare/errors.js";
import { MS_ROUTES } from "../../contracts/myshare/routes.js";
import { createClient, type ClientOptions } from "../route-client.js";
import type { RouteClient } from "../route-client-types.js";

/** What Django REST Framework answers whatever the view: `{"detail"}` (as openapi/myshare.json documents). */
export const MS_PIPELINE = {
  400: jsonResponse("JSON parse error, or the body is too large", MsDetailError),
  401: jsonResponse("no token, or an invalid one", MsDetailError, z.object({ "WWW-Authenticate": z.string() })),
  404: jsonResponse("Not found.", MsDetailError),
  405: jsonResponse('Method "X" not allowed.', MsDetailError, z.object({ Allow: z.string() })),
  415: jsonResponse("Unsupported media type", MsDetailError),
  429: jsonResponse("Request was throttled.", MsDetailError, z.object({ "Retry-After": z.string() })),
  500: jsonResponse("A server error occurred.", MsDetailError),
};

export type MyshareClient = RouteClient<typeof MS_ROUTES, typeof MS_PIPELINE>;

/**
 * A typed client of the myshare affiliate API: one method per operation of src/contracts/myshare/routes.ts.
 * The business partner's token goes raw in `Authorization` (no prefix), as the sandbox's myshare takes it
 * (docs/fidelity.md, myshare "Auth").
 */
export function createMyshareClient(options: ClientOptions): MyshareClient {
  return createClient(MS_ROUTES, { name: "myshare", servedBy: "myshare API", authorization: (token) => token, pipeline: MS_PIPELINE }, options);
}
