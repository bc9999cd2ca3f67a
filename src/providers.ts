import type { ProviderPlug } from "./mocks/plug.js";
import { myshare } from "./mocks/myshare/index.js";
import { wildberries } from "./mocks/wildberries/index.js";
import { yoomoney } from "./mocks/yoomoney/index.js";

/**
 * Every provider the sandbox serves, one line each: the server, the OpenAPI command, the CLI help, the
 * health check, the 404 text and the drift tests all loop over this list.
 */
export const PROVIDERS: readonly ProviderPlug[] = [yoomoney, wildberries, myshare];
