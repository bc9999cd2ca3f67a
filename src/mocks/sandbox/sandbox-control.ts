import type { DocumentSpec } from "../../contracts/openapi/documents.js";
import { SANDBOX_CONTROL } from "../../contracts/sandbox/routes.js";
import { apiDocsHandlers } from "./api-docs.js";
import { consoleHandlers } from "./console.js";
import { CLOCK_HANDLERS } from "./clock-routes.js";
import { defineControl, type ControlPlug } from "./control-plug.js";
import { EVENT_HANDLERS } from "./event-routes.js";
import { FAULT_HANDLERS } from "./fault-routes.js";
import { healthHandler } from "./health-routes.js";
import { JOURNAL_HANDLERS } from "./journal-routes.js";
import { SETTINGS_HANDLERS } from "./settings-routes.js";
import { STATE_HANDLERS } from "./state-routes.js";
import type { AnyCatalogueState } from "./provider-states-catalogue.js";
import { providerStatesHandler } from "./provider-states-routes.js";
import type { CallLog } from "../http/call-log.js";
import { listTenantsHandler } from "./tenant-routes.js";
import { issueToken } from "./token-routes.js";

/**
 * The sandbox's own control-plane calls (health names `version`; provider-states sets up `states`, every plug's;
 * the served API docs serve `documents`, every plug's and the control plane's; health reports why the store stopped
 * taking writes (`calls`'s `stopped`), and the tenants list reads `calls`'s stored tenants, a shared store's).
 */
export function sandboxControl(version: string, states: readonly AnyCatalogueState[] = [], documents: readonly DocumentSpec[] = [], calls: () => CallLog | undefined = () => undefined): ControlPlug {
  return defineControl(
    SANDBOX_CONTROL,
    { ...STATE_HANDLERS, ...CLOCK_HANDLERS, ...SETTINGS_HANDLERS, ...JOURNAL_HANDLERS, ...EVENT_HANDLERS, ...FAULT_HANDLERS },
    { health: healthHandler(version, () => calls()?.stopped), issueToken, listTenants: listTenantsHandler(calls), setupProviderStates: providerStatesHandler(states), ...apiDocsHandlers(documents), ...consoleHandlers() },
  );
}
