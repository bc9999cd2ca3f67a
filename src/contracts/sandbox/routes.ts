import { jsonResponse } from "../http/responses.js";
import { apiDocsAssetResponse, apiDocsPageResponse, SandboxApiDocsAssetParams, SandboxOpenApiDocument, SandboxOpenApiDocumentParams } from "./api-docs.js";
import { consoleAssetResponse, consolePageResponse, SandboxConsoleAssetParams } from "./console.js";
import { SandboxAdvance, SandboxAdvanceRequest, SandboxClock, SandboxFreeze, SandboxFreezeRequest } from "./clock.js";
import { controlTable } from "./control-table.js";
import { controlError } from "./error.js";
import { eventStreamResponse, SandboxEvents, SandboxEventsQuery } from "./events.js";
import { FAULT_DELAY_MAX_MS, SandboxFault, SandboxFaultParams, SandboxFaultRequest, SandboxFaults, SandboxFaultsRemoved } from "./faults.js";
import { SandboxHealth, SandboxHealthFailed } from "./health.js";
import { SandboxProviderStateRequest, SandboxProviderStateValues } from "./provider-states.js";
import { SandboxRequests, SandboxRequestsCount, SandboxRequestsCountQuery, SandboxRequestsQuery } from "./journal.js";
import { SandboxReset } from "./reset.js";
import { SandboxSettings, SandboxSettingsPatch } from "./settings.js";
import { SandboxState, SandboxStateImported } from "./state.js";
import { SandboxTenants } from "./tenants.js";
import { SandboxToken, SandboxTokenRequest } from "./tokens.js";

/** The control plane lives under this prefix on the sandbox's own port; every control table's paths are relative to it. */
export const SANDBOX_BASE_PATH = "/__sandbox";

/** The most bytes `PUT /__sandbox/state` reads (a whole tenant's snapshot); every other control-plane body is small. */
export const STATE_BODY_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * The sandbox's own control-plane calls (tenants, tokens, state, clock, settings, journal, events), keyed
 * by operation id. Each provider's calls are in its own control table (src/contracts/<provider>/control.ts).
 */
export const SANDBOX_CONTROL = controlTable({
  tags: [{ name: "sandbox" }, { name: "state" }, { name: "clock" }, { name: "settings" }, { name: "journal" }, { name: "faults" }, { name: "docs" }, { name: "console" }],
  routes: {
    health: {
      method: "GET",
      path: "/health",
      tag: "sandbox",
      summary: "Liveness, version and the providers served; no token needed. 503 once the sandbox stopped recording calls (its data directory could not be written): it needs a restart",
      auth: "none",
      responses: {
        200: jsonResponse("The sandbox is up", SandboxHealth),
        503: jsonResponse("The data directory could not be written (disk full, I/O error): the sandbox answers every call that would be recorded with 503 until it is restarted", SandboxHealthFailed),
      },
    },
    issueToken: {
      method: "POST",
      path: "/tokens",
      tag: "sandbox",
      summary:
        "Issue a token (honoured by --auth strict too): for a new tenant with a random name (no token needed), or for a named tenant (the admin token, or that tenant's own token)",
      auth: "optional",
      body: SandboxTokenRequest,
      bodyOptional: true,
      responses: {
        201: jsonResponse("The token", SandboxToken),
        400: controlError("invalid_request: tenant must be a non-empty string, expiresIn whole seconds > 0"),
        401: controlError("unauthorized: tenant is named and no token was sent; naming a tenant needs the admin token"),
        403: controlError("forbidden: tenant is named and the token sent is neither the admin token nor one of that tenant"),
      },
    },
    listTenants: {
      method: "GET",
      path: "/tenants",
      tag: "sandbox",
      summary: "Every tenant of this sandbox (admin token only): id, real creation and last-use times, tokens issued",
      auth: "admin",
      responses: { 200: jsonResponse("The tenants", SandboxTenants) },
    },
    setupProviderStates: {
      method: "POST",
      path: "/provider-states",
      tag: "sandbox",
      summary:
        "Pact's providerStatesSetupUrl: reset the caller's tenant (no Authorization header: the tenant \"pact\", open mode only) and set up the named provider states (docs/provider-states.md); answers the ids they created",
      auth: "optional",
      body: SandboxProviderStateRequest,
      bodyOptional: true,
      responses: {
        200: jsonResponse("The values the states created, for fromProviderState (teardown: {})", SandboxProviderStateValues),
        400: controlError("malformed_json, invalid_request (no state named), unknown_state (lists the known states and the nearest name) or invalid_params"),
        401: controlError("unauthorized: strict mode and no token, or a token strict mode refuses"),
        403: controlError("forbidden: the admin token was sent; it is no tenant: send the verification's own token"),
        409: controlError("state_failed: the state could not be set up with these params (the message says why and what to change)"),
      },
    },
    reset: {
      method: "POST",
      path: "/reset",
      tag: "sandbox",
      summary: "Wipe the caller's tenant: state, clock, settings and randomness start afresh",
      responses: { 200: jsonResponse("The tenant was wiped", SandboxReset) },
    },
    exportState: {
      method: "GET",
      path: "/state",
      tag: "state",
      summary: "Export the tenant's whole state as plain JSON",
      responses: { 200: jsonResponse("The snapshot", SandboxState) },
    },
    importState: {
      method: "PUT",
      path: "/state",
      tag: "state",
      summary: "Replace the tenant's whole state with a snapshot (as GET returns it)",
      body: SandboxState,
      responses: {
        200: jsonResponse("The snapshot was imported", SandboxStateImported),
        400: controlError("malformed_json, or invalid_state: the snapshot is empty or invalid; the tenant is unchanged"),
      },
    },
    getClock: {
      method: "GET",
      path: "/clock",
      tag: "clock",
      summary: "The tenant's virtual now",
      responses: { 200: jsonResponse("The clock", SandboxClock) },
    },
    advanceClock: {
      method: "POST",
      path: "/clock/advance",
      tag: "clock",
      summary: "Move the tenant's clock forward, firing every timer that falls due, in time order",
      body: SandboxAdvanceRequest,
      responses: {
        200: jsonResponse("The new now and the timers that fired", SandboxAdvance),
        400: controlError("malformed_json, or invalid_duration: by is not an ISO-8601 duration or milliseconds > 0"),
      },
    },
    freezeClock: {
      method: "POST",
      path: "/clock/freeze",
      tag: "clock",
      summary: "Stop the tenant's clock, now or at a later instant (firing what falls due on the way)",
      body: SandboxFreezeRequest,
      bodyOptional: true,
      responses: {
        200: jsonResponse("The frozen clock", SandboxFreeze),
        400: controlError("malformed_json, or invalid_time: at is not an ISO-8601 date-time"),
        409: controlError("clock_backwards: at is earlier than the tenant's now"),
      },
    },
    resumeClock: {
      method: "POST",
      path: "/clock/resume",
      tag: "clock",
      summary: "Let a frozen clock run again from where it stopped",
      responses: { 200: jsonResponse("The running clock", SandboxClock) },
    },
    getSettings: {
      method: "GET",
      path: "/settings",
      tag: "settings",
      summary: "The tenant's settings",
      responses: { 200: jsonResponse("The settings", SandboxSettings) },
    },
    patchSettings: {
      method: "PATCH",
      path: "/settings",
      tag: "settings",
      summary: "Change any subset of the tenant's settings",
      body: SandboxSettingsPatch,
      responses: {
        200: jsonResponse("The settings after the change", SandboxSettings),
        400: controlError("malformed_json, or invalid_settings: an unknown key or value"),
      },
    },
    listRequests: {
      method: "GET",
      path: "/requests",
      tag: "journal",
      summary:
        "The tenant's journal of provider calls (bounded), oldest first: headers (Authorization masked), real duration, operation id, the nearest operation of a 404 or 405, the fault applied; filters combine with AND",
      query: SandboxRequestsQuery,
      responses: {
        200: jsonResponse("The matching calls", SandboxRequests),
        400: controlError("invalid_query: an unknown or repeated filter, a status that is neither 404-like nor 4xx-like, since or until not an ISO-8601 instant, or limit not a whole number >= 1"),
      },
    },
    countRequests: {
      method: "GET",
      path: "/requests/count",
      tag: "journal",
      summary: "How many journaled calls match the filters (as GET /requests takes them, without limit): for \"it was called twice\" checks",
      query: SandboxRequestsCountQuery,
      responses: {
        200: jsonResponse("The number of matching calls", SandboxRequestsCount),
        400: controlError("invalid_query: an unknown or repeated filter, a status that is neither 404-like nor 4xx-like, or since or until not an ISO-8601 instant"),
      },
    },
    clearRequests: {
      method: "DELETE",
      path: "/requests",
      tag: "journal",
      summary: "Empty the tenant's request journal",
      responses: { 204: { description: "The journal is empty" } },
    },
    listEvents: {
      method: "GET",
      path: "/events",
      tag: "journal",
      summary: "The tenant's domain events (every state change and its cause), oldest first",
      query: SandboxEventsQuery,
      responses: {
        200: jsonResponse("The matching events", SandboxEvents),
        400: controlError("invalid_query: a filter is repeated or since is not an event seq"),
      },
    },
    streamEvents: {
      method: "GET",
      path: "/events/stream",
      tag: "journal",
      summary:
        "The tenant's domain events live, as server-sent events: the kept ones after Last-Event-ID (or since) first, then each as it happens; same filters as GET /events",
      query: SandboxEventsQuery,
      responses: {
        200: eventStreamResponse,
        400: controlError("invalid_query: a filter is repeated, since or Last-Event-ID is not an event seq, or cause is not one of the causes"),
      },
    },
    addFault: {
      method: "POST",
      path: "/faults",
      tag: "faults",
      summary: `Make the tenant's matching provider calls fail: answer a status in the provider's own error body (or a given body and headers), wait up to ${FAULT_DELAY_MAX_MS} real ms first, or drop or reset the connection; for the next N calls, with a seeded probability, within a window of the tenant's clock. Control-plane calls are never faulted`,
      body: SandboxFaultRequest,
      responses: {
        201: jsonResponse("The fault as the tenant holds it", SandboxFault),
        400: controlError(
          "malformed_json; invalid_fault (the message says which field and why); unknown_provider or unknown_operation (naming the nearest); impossible_fault (an operation not of the provider, a method or path not of the operation); invalid_time (from/to neither an instant nor a duration, or to not after from and now)",
        ),
      },
    },
    listFaults: {
      method: "GET",
      path: "/faults",
      tag: "faults",
      summary: "The tenant's faults, oldest first (a used-up one stays, remaining 0), with how many calls each faulted",
      responses: { 200: jsonResponse("The faults", SandboxFaults) },
    },
    clearFaults: {
      method: "DELETE",
      path: "/faults",
      tag: "faults",
      summary: "Remove every fault of the tenant",
      responses: { 200: jsonResponse("How many were removed", SandboxFaultsRemoved) },
    },
    removeFault: {
      method: "DELETE",
      path: "/faults/{id}",
      tag: "faults",
      summary: "Remove one fault",
      params: SandboxFaultParams,
      responses: {
        200: jsonResponse("It was removed", SandboxFaultsRemoved),
        400: controlError("invalid_path: the id is not valid percent-encoding"),
        404: controlError("unknown_fault: the tenant has no fault of this id (the message lists its faults)"),
      },
    },
    getOpenApiDocument: {
      method: "GET",
      path: "/openapi/{document}.json",
      tag: "docs",
      summary: "An OpenAPI document as npm run openapi writes it (yoomoney, wildberries, myshare, sandbox); no token needed",
      auth: "none",
      params: SandboxOpenApiDocumentParams,
      responses: {
        200: jsonResponse("The document, byte for byte the committed openapi/<document>.json", SandboxOpenApiDocument),
        400: controlError("invalid_path: the document name is not valid percent-encoding"),
        404: controlError("not_found: no document of this name (the message lists the names)"),
      },
    },
    apiDocsPage: {
      method: "GET",
      path: "/docs",
      tag: "docs",
      summary: "The API reference page (Swagger UI, served offline) for every document; its try-it sends the token of the Authorize dialog (?token= pre-fills it)",
      auth: "none",
      responses: { 200: apiDocsPageResponse },
    },
    apiDocsAsset: {
      method: "GET",
      path: "/docs/{asset}",
      tag: "docs",
      summary: "A file the API reference page loads (from the installed swagger-ui-dist); no token needed",
      auth: "none",
      params: SandboxApiDocsAssetParams,
      responses: {
        200: apiDocsAssetResponse,
        400: controlError("invalid_path: the file name is not valid percent-encoding"),
        404: controlError("not_found: no such file (the message lists the files)"),
      },
    },
    consolePage: {
      method: "GET",
      path: "/console",
      tag: "console",
      summary: "The web console (served offline): a tenant's clock, timeline, journal, faults and each provider's entities, with actions; no token needed for the page, its calls send the token pasted into it",
      auth: "none",
      responses: { 200: consolePageResponse },
    },
    consoleAsset: {
      method: "GET",
      path: "/console/{file}",
      tag: "console",
      summary: "A file the web console loads (its modules and style sheet, and uPlot from the installed package); no token needed",
      auth: "none",
      params: SandboxConsoleAssetParams,
      responses: {
        200: consoleAssetResponse,
        400: controlError("invalid_path: the file name is not valid percent-encoding"),
        404: controlError("not_found: no such file (the message lists the files)"),
      },
    },
  },
});

export type SandboxRoutes = typeof SANDBOX_CONTROL.routes;
export type SandboxOperationId = keyof SandboxRoutes;
