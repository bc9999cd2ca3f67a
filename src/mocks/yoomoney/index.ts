import { buildYooMoneyDocument } from "../../contracts/yoomoney/openapi.js";
import { YM_ROUTES, YOOMONEY_BASE_PATH } from "../../contracts/yoomoney/routes.js";
import { yoomoneyProvider } from "../../state/yoomoney/provider.js";
import { definePlug } from "../plug.js";
import { yoomoneyControl } from "./control.js";
import { yoomoneyDialect } from "./dialect.js";
import { YM_HANDLERS } from "./handlers.js";
import { login } from "./login.js";
import { YOOMONEY_STATE_LIST } from "./provider-states.js";
import type { YmBody } from "./route.js";

/** The YooMoney offer-program API, plugged in. */
export const yoomoney = definePlug<typeof YM_ROUTES, YmBody>({
  name: "yoomoney",
  servedAt: `YooMoney under ${YOOMONEY_BASE_PATH}/`,
  routes: YM_ROUTES,
  handlers: YM_HANDLERS,
  openHandlers: { login },
  dialect: yoomoneyDialect,
  state: yoomoneyProvider,
  control: yoomoneyControl,
  providerStates: YOOMONEY_STATE_LIST,
  openapi: { file: "openapi/yoomoney.json", build: buildYooMoneyDocument },
});
