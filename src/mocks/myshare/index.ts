import { buildMyshareDocument } from "../../contracts/myshare/openapi.js";
import { MS_ROUTES } from "../../contracts/myshare/routes.js";
import { myshareProvider } from "../../state/myshare/provider.js";
import { definePlug } from "../plug.js";
import { myshareControl } from "./control.js";
import { myshareDialect } from "./dialect.js";
import { MYSHARE_STATE_LIST } from "./provider-states.js";
import type { MsBody } from "./route.js";
import { CATALOG_HANDLERS } from "./routes/catalog.js";
import { DEAL_HANDLERS } from "./routes/deal.js";
import { LANDING_HANDLERS } from "./routes/landing.js";
import { OFFER_HANDLERS } from "./routes/offer.js";
import { PROMO_HANDLERS } from "./routes/promo.js";

/** The myshare affiliate API (Django REST Framework), plugged in. */
export const myshare = definePlug<typeof MS_ROUTES, MsBody>({
  name: "myshare",
  servedAt: "myshare under /catalog/, /offer/, /landing/, /deal/ and /promo/",
  routes: MS_ROUTES,
  handlers: {
    ...CATALOG_HANDLERS,
    ...OFFER_HANDLERS,
    ...LANDING_HANDLERS,
    ...DEAL_HANDLERS,
    ...PROMO_HANDLERS,
  },
  openHandlers: {},
  dialect: myshareDialect,
  state: myshareProvider,
  control: myshareControl,
  providerStates: MYSHARE_STATE_LIST,
  openapi: { file: "openapi/myshare.json", build: buildMyshareDocument },
});
