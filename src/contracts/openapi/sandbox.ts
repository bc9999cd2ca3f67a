import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as S from "../sandbox/index.js";
import { YmModerationRequest, YmModerationResponse, YmOfferResponse } from "../sandbox/yoomoney.js";
import { generateDocument, type OpenApiDocument } from "./generate.js";
import { describeJsonValues } from "./json-value.js";
import { jsonBody, jsonResponse } from "../http/responses.js";
import { registerMyshareControl } from "./sandbox-myshare.js";
import { error, route } from "./sandbox-route.js";
import { registerWildberriesCampaignControl } from "./sandbox-wildberries-campaigns.js";
import { registerWildberriesMediaControl } from "./sandbox-wildberries-media.js";
import { registerWildberriesMoneyControl } from "./sandbox-wildberries-money.js";


const ymCampaignPath = z.object({
  ymCampaignId: z.int().positive().meta({ description: "The ymCampaignId campaigns/create returned" }),
});

function registerGeneric(registry: OpenAPIRegistry): void {
  route(registry, "/health", {
    method: "get",
    operationId: "health",
    tags: ["sandbox"],
    summary: "Liveness, version and the providers served; no token needed",
    open: true,
    readsNoBody: true,
    responses: { 200: jsonResponse("The sandbox is up", S.SandboxHealth) },
  });
  route(registry, "/tokens", {
    method: "post",
    operationId: "issueToken",
    tags: ["sandbox"],
    summary:
      "Issue a token (honoured by --auth strict too): for a new tenant with a random name (no token needed), or for a named tenant (the admin token, or that tenant's own token)",
    access: "optional",
    request: { body: jsonBody(S.SandboxTokenRequest, false) },
    responses: {
      201: jsonResponse("The token", S.SandboxToken),
      400: error("invalid_request: tenant must be a non-empty string, expiresIn whole seconds > 0"),
      401: error("unauthorized: tenant is named and no token was sent; naming a tenant needs the admin token"),
      403: error("forbidden: tenant is named and the token sent is neither the admin token nor one of that tenant"),
    },
  });
  route(registry, "/tenants", {
    method: "get",
    operationId: "listTenants",
    tags: ["sandbox"],
    summary: "Every tenant of this sandbox (admin token only): id, real creation and last-use times, tokens issued",
    responses: { 200: jsonResponse("The tenants", S.SandboxTenants) },
    access: "admin",
  });
  route(registry, "/reset", {
    method: "post",
    operationId: "reset",
    tags: ["sandbox"],
    summary: "Wipe the caller's tenant: state, clock, settings and randomness start afresh",
    responses: { 200: jsonResponse("The tenant was wiped", S.SandboxReset) },
  });
  route(registry, "/state", {
    method: "get",
    operationId: "exportState",
    tags: ["state"],
    summary: "Export the tenant's whole state as plain JSON",
    responses: { 200: jsonResponse("The snapshot", S.SandboxState) },
  });
  route(registry, "/state", {
    method: "put",
    operationId: "importState",
    tags: ["state"],
    summary: "Replace the tenant's whole state with a snapshot (as GET returns it)",
    request: { body: jsonBody(S.SandboxState) },
    responses: {
      200: jsonResponse("The snapshot was imported", S.SandboxStateImported),
      400: error("malformed_json, or invalid_state: the snapshot is empty or invalid; the tenant is unchanged"),
    },
  });
  route(registry, "/clock", {
    method: "get",
    operationId: "getClock",
    tags: ["clock"],
    summary: "The tenant's virtual now",
    responses: { 200: jsonResponse("The clock", S.SandboxClock) },
  });
  route(registry, "/clock/advance", {
    method: "post",
    operationId: "advanceClock",
    tags: ["clock"],
    summary: "Move the tenant's clock forward, firing every timer that falls due, in time order",
    request: { body: jsonBody(S.SandboxAdvanceRequest) },
    responses: {
      200: jsonResponse("The new now and the timers that fired", S.SandboxAdvance),
      400: error("malformed_json, or invalid_duration: by is not an ISO-8601 duration or milliseconds > 0"),
    },
  });
  route(registry, "/clock/freeze", {
    method: "post",
    operationId: "freezeClock",
    tags: ["clock"],
    summary: "Stop the tenant's clock, now or at a later instant (firing what falls due on the way)",
    request: { body: jsonBody(S.SandboxFreezeRequest, false) },
    responses: {
      200: jsonResponse("The frozen clock", S.SandboxFreeze),
      400: error("malformed_json, or invalid_time: at is not an ISO-8601 date-time"),
      409: error("clock_backwards: at is earlier than the tenant's now"),
    },
  });
  route(registry, "/clock/resume", {
    method: "post",
    operationId: "resumeClock",
    tags: ["clock"],
    summary: "Let a frozen clock run again from where it stopped",
    responses: { 200: jsonResponse("The running clock", S.SandboxClock) },
  });
  route(registry, "/settings", {
    method: "get",
    operationId: "getSettings",
    tags: ["settings"],
    summary: "The tenant's settings",
    responses: { 200: jsonResponse("The settings", S.SandboxSettings) },
  });
  route(registry, "/settings", {
    method: "patch",
    operationId: "patchSettings",
    tags: ["settings"],
    summary: "Change any subset of the tenant's settings",
    request: { body: jsonBody(S.SandboxSettingsPatch) },
    responses: {
      200: jsonResponse("The settings after the change", S.SandboxSettings),
      400: error("malformed_json, or invalid_settings: an unknown key or value"),
    },
  });
  route(registry, "/requests", {
    method: "get",
    operationId: "listRequests",
    tags: ["journal"],
    summary: "The tenant's journal of provider calls (bounded), oldest first",
    request: { query: S.SandboxRequestsQuery },
    responses: {
      200: jsonResponse("The matching calls", S.SandboxRequests),
      400: error("invalid_query: a filter is repeated or limit is not a whole number >= 1"),
    },
  });
  route(registry, "/requests", {
    method: "delete",
    operationId: "clearRequests",
    tags: ["journal"],
    summary: "Empty the tenant's request journal",
    responses: { 204: { description: "The journal is empty" } },
  });
  route(registry, "/events", {
    method: "get",
    operationId: "listEvents",
    tags: ["journal"],
    summary: "The tenant's domain events (every state change and its cause), oldest first",
    request: { query: S.SandboxEventsQuery },
    responses: {
      200: jsonResponse("The matching events", S.SandboxEvents),
      400: error("invalid_query: a filter is repeated or since is not an event seq"),
    },
  });
}

function registerYooMoney(registry: OpenAPIRegistry): void {
  route(registry, "/yoomoney/campaigns/{ymCampaignId}/moderation", {
    method: "post",
    operationId: "moderateYooMoneyCampaign",
    tags: ["yoomoney"],
    summary: "The moderator's verdict on a campaign in moderation: approve (verified) or decline (declined)",
    request: { params: ymCampaignPath, body: jsonBody(YmModerationRequest) },
    responses: {
      200: jsonResponse("The campaign after the verdict", YmModerationResponse),
      400: error("malformed_json, or invalid_request: decision must be approve or decline"),
      404: error("campaign_not_found: the tenant has no such campaign"),
      409: error("not_in_moderation: the campaign is not in moderation"),
    },
  });
  route(registry, "/yoomoney/campaigns/{ymCampaignId}/offers", {
    method: "post",
    operationId: "takeYooMoneyOffer",
    tags: ["yoomoney"],
    summary: "A YooMoney user takes the offer of a started campaign; hands out a one-off code",
    request: { params: ymCampaignPath },
    responses: {
      201: jsonResponse("The offer the user took", YmOfferResponse),
      404: error("campaign_not_found: the tenant has no such campaign"),
      409: error("campaign_not_started: users can take offers only while the campaign is started"),
    },
  });
}

/** openapi/sandbox.json: the control plane under /__sandbox. */
export function buildSandboxDocument(): OpenApiDocument {
  describeJsonValues();
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description:
      "Chooses the tenant, as for the providers: in open mode any token is a tenant; POST /__sandbox/tokens issues tokens (needed with --auth strict). `Bearer: <token>` is accepted too.",
  });
  registry.registerComponent("securitySchemes", "adminToken", {
    type: "http",
    scheme: "bearer",
    description:
      "The sandbox's admin token (--admin-token or PROMO_SANDBOX_ADMIN_TOKEN): it alone names tenants (POST /__sandbox/tokens) and lists them; it acts on no tenant of its own.",
  });
  registerGeneric(registry);
  registerYooMoney(registry);
  registerWildberriesMoneyControl(registry);
  registerWildberriesCampaignControl(registry);
  registerWildberriesMediaControl(registry);
  registerMyshareControl(registry);
  return generateDocument(registry, {
    openapi: "3.1.0",
    info: {
      title: "promo-sandbox control plane",
      version: "v1",
      description:
        "The remote control for what the real providers do on their side (moderators, users, time). JSON in and out; errors are 4xx with `{\"error\":{\"code\",\"message\"}}`.",
    },
    servers: [{ url: "http://127.0.0.1:8787", description: "promo-sandbox (default port)" }],
    tags: [
      { name: "sandbox" },
      { name: "state" },
      { name: "clock" },
      { name: "settings" },
      { name: "journal" },
      { name: "yoomoney", description: "The YooMoney side the real API has no call for" },
      { name: "wildberries", description: "The Wildberries side the real API has no call for: money, moderators, media campaigns" },
      { name: "myshare", description: "The myshare side the real API has no call for: partners joining catalogs" },
    ],
  });
}
