import { buildWildberriesDocument } from "../../contracts/wildberries/openapi.js";
import { WB_ROUTES } from "../../contracts/wildberries/routes.js";
import { moscowSeconds } from "../../state/wildberries/moscow-time.js";
import { wildberriesProvider } from "../../state/wildberries/provider.js";
import { WbPing } from "../../contracts/wildberries/ping.js";
import { definePlug } from "../plug.js";
import { wildberriesControl } from "./control/index.js";
import { json } from "./answers.js";
import { CAMPAIGN_HANDLERS } from "./campaign-routes.js";
import { CATALOGUE_HANDLERS } from "./catalogue-routes.js";
import { wildberriesDialect } from "./dialect.js";
import { FINANCE_HANDLERS } from "./finance-routes.js";
import { MEDIA_HANDLERS } from "./media-routes.js";
import { PHRASE_HANDLERS } from "./phrase-routes.js";
import { WILDBERRIES_STATE_LIST } from "./provider-states.js";
import type { WbBody } from "./route.js";
import { STATS_HANDLERS } from "./stats-routes.js";

/** The Wildberries Promotion API, plugged in. */
export const wildberries = definePlug<typeof WB_ROUTES, WbBody>({
  name: "wildberries",
  servedAt: "Wildberries under /adv/ (and /ping)",
  routes: WB_ROUTES,
  handlers: {
    ping: ({ tenant }) => json({ TS: moscowSeconds(tenant.now()), Status: "OK" }, WbPing),
    ...CATALOGUE_HANDLERS,
    ...CAMPAIGN_HANDLERS,
    ...FINANCE_HANDLERS,
    ...PHRASE_HANDLERS,
    ...STATS_HANDLERS,
    ...MEDIA_HANDLERS,
  },
  openHandlers: {},
  dialect: wildberriesDialect,
  state: wildberriesProvider,
  control: wildberriesControl,
  providerStates: WILDBERRIES_STATE_LIST,
  openapi: { file: "openapi/wildberries.json", build: buildWildberriesDocument },
});
