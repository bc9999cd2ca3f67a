import { WB_ROUTES } from "../../contracts/wildberries/routes.js";
import { WB_PIPELINE } from "../../contracts/wildberries/pipeline.js";
import { createClient, type ClientOptions } from "../route-client.js";
import type { RouteClient } from "../route-client-types.js";

export { WB_PIPELINE };

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
