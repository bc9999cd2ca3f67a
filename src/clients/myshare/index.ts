import { MS_ROUTES } from "../../contracts/myshare/routes.js";
import { MS_PIPELINE } from "../../contracts/myshare/pipeline.js";
import { createClient, type ClientOptions } from "../route-client.js";
import type { RouteClient } from "../route-client-types.js";

export { MS_PIPELINE };

export type MyshareClient = RouteClient<typeof MS_ROUTES, typeof MS_PIPELINE>;

/**
 * A typed client of the myshare affiliate API: one method per operation of src/contracts/myshare/routes.ts.
 * The business partner's token goes raw in `Authorization` (no prefix), as the sandbox's myshare takes it
 * (docs/fidelity.md, myshare "Auth").
 */
export function createMyshareClient(options: ClientOptions): MyshareClient {
  return createClient(MS_ROUTES, { name: "myshare", servedBy: "myshare API", authorization: (token) => token, pipeline: MS_PIPELINE }, options);
}
