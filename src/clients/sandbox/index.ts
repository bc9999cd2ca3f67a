import { z } from "zod";
import { jsonResponse } from "../../contracts/http/responses.js";
import { MS_CONTROL } from "../../contracts/myshare/control.js";
import { SandboxError } from "../../contracts/sandbox/error.js";
import { SANDBOX_BASE_PATH, SANDBOX_CONTROL } from "../../contracts/sandbox/routes.js";
import { WB_CONTROL } from "../../contracts/wildberries/control.js";
import { YM_CONTROL } from "../../contracts/yoomoney/control.js";
import { createClient, type ClientOptions } from "../route-client.js";
import type { RouteClient } from "../route-client-types.js";

/** Every control-plane call: the sandbox's own and each provider's (their operation ids are distinct). */
export const CONTROL_ROUTES = { ...SANDBOX_CONTROL.routes, ...WB_CONTROL.routes, ...YM_CONTROL.routes, ...MS_CONTROL.routes };

/** What the control plane answers whatever the call: `{"error": {"code", "message"}}` (as openapi/sandbox.json documents). */
export const CONTROL_PIPELINE = {
  400: jsonResponse("malformed_json, or a path id that is not valid percent-encoding", SandboxError),
  401: jsonResponse("unauthorized, token_expired or unknown_token", SandboxError),
  403: jsonResponse("forbidden: the admin token where a tenant's is needed, or the reverse", SandboxError),
  404: jsonResponse("not_found", SandboxError),
  405: jsonResponse("method_not_allowed", SandboxError, z.object({ Allow: z.string() })),
  413: jsonResponse("payload_too_large", SandboxError),
  500: jsonResponse("internal_error: a sandbox bug", SandboxError),
};

export type SandboxControlClient = RouteClient<typeof CONTROL_ROUTES, typeof CONTROL_PIPELINE>;

/**
 * A typed client of the sandbox's control plane (`/__sandbox/...`): reset, clock, settings, state, the
 * request journal, events, tokens, tenants and every provider's helper (money, moderators, offers,
 * partners, media campaigns). `token` names the tenant (`Authorization: Bearer <token>`); `adminToken`
 * is sent to the calls only the admin may make.
 */
export function createSandboxControlClient(options: ClientOptions): SandboxControlClient {
  return createClient(
    CONTROL_ROUTES,
    { name: "Sandbox control plane", servedBy: "promo-sandbox (its root URL, without /__sandbox)", basePath: SANDBOX_BASE_PATH, authorization: (token) => `Bearer ${token}`, pipeline: CONTROL_PIPELINE },
    options,
  );
}
