import { routeTable } from "../http/route.js";
import { CATALOG_ROUTES } from "./routes/catalog.js";
import { DEAL_ROUTES } from "./routes/deal.js";
import { LANDING_ROUTES } from "./routes/landing.js";
import { OFFER_ROUTES } from "./routes/offer.js";
import { PROMO_ROUTES } from "./routes/promo.js";

/**
 * Every myshare operation the sandbox serves, keyed by operation id: paths end with a slash as Django
 * writes them, `{id}` is a detail route's object id; PUT and PATCH of one path are separate operations.
 */
export const MS_ROUTES = routeTable({
  ...CATALOG_ROUTES,
  ...OFFER_ROUTES,
  ...LANDING_ROUTES,
  ...DEAL_ROUTES,
  ...PROMO_ROUTES,
});

export type MsOperationId = keyof typeof MS_ROUTES;
