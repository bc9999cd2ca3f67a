import { jsonResponse } from "../http/responses.js";
import { routeTable } from "../http/route.js";
import { WbPing } from "./ping.js";
import { CAMPAIGNS_ROUTES } from "./routes/campaigns.js";
import { CATALOGUE_ROUTES } from "./routes/catalogue.js";
import { FINANCE_ROUTES } from "./routes/finance.js";
import { MEDIA_ROUTES } from "./routes/media.js";
import { PHRASES_ROUTES } from "./routes/phrases.js";
import { STATS_ROUTES } from "./routes/stats.js";

/** Every Wildberries Promotion method the sandbox serves (research §4), by area, keyed by operation id. */
export const WB_ROUTES = routeTable({
  ping: {
    method: "GET",
    path: "/ping",
    tag: "general",
    summary: "Checks the token and the connection",
    responses: { 200: jsonResponse("The server's Moscow time and OK", WbPing) },
  },
  ...CATALOGUE_ROUTES,
  ...CAMPAIGNS_ROUTES,
  ...FINANCE_ROUTES,
  ...PHRASES_ROUTES,
  ...STATS_ROUTES,
  ...MEDIA_ROUTES,
});

export type WbOperationId = keyof typeof WB_ROUTES;
