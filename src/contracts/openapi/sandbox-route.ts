import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { jsonBody, jsonResponse } from "../http/responses.js";
import type { HttpMethod, RouteSpec } from "../http/route.js";
import type { ControlTable } from "../sandbox/control-table.js";
import { controlError, SandboxError } from "../sandbox/error.js";
import { SANDBOX_BASE_PATH } from "../sandbox/routes.js";
import { TRANSPORT_RESPONSES, withPipeline, type PipelineResponses } from "./pipeline.js";

const unauthorized = controlError(
  "unauthorized (no token), token_expired or unknown_token (--auth strict): send `Authorization: Bearer <token>`",
);
const adminIsNoTenant = controlError(
  "forbidden: the admin token was sent; it acts on no tenant of its own: mint a token for the tenant with POST /__sandbox/tokens",
);
const adminUnauthorized = controlError("unauthorized: no token; this call needs the admin token (--admin-token)");
const adminForbidden = controlError("forbidden: the token sent is not the admin token, or the sandbox has none (--admin-token)");
const malformed = controlError(
  "malformed_json: the body is not JSON, cannot be read (a Content-Encoding the sandbox cannot decode) or is nested too deep; or a path id that is not valid percent-encoding",
);
const tooLarge = controlError("payload_too_large: the body is larger than 1 MB (256 MB for PUT /__sandbox/state)");

/** What every call can answer whatever its route: an unknown id or path, another HTTP method, Node's 408, the last resort. */
const PIPELINE = {
  404: controlError("not_found: no control-plane call at this path, or no such object"),
  405: jsonResponse("method_not_allowed: the path takes another HTTP method (see Allow)", SandboxError, z.object({ Allow: z.string() })),
  ...TRANSPORT_RESPONSES,
  500: controlError("internal_error: a sandbox bug; please report it with the request"),
} satisfies PipelineResponses;

/**
 * Who may call an operation (RouteSpec.auth): "none" needs no token and reads no body (health);
 * "admin" needs the admin token (scheme adminToken); "optional" takes a tenant's token, the admin token or
 * none (the call documents its own 401/403). By default a call takes a tenant's token (bearerAuth) and
 * answers 403 to the admin token.
 */
function securityOf(spec: RouteSpec): RouteConfig["security"] {
  if (spec.auth === "none") return [];
  if (spec.auth === "admin") return [{ adminToken: [] }];
  if (spec.auth === "optional") return [{}, { bearerAuth: [] }, { adminToken: [] }];
  return [{ bearerAuth: [] }];
}

function authResponses(spec: RouteSpec): Record<number, ResponseConfig> {
  if (spec.auth === "none" || spec.auth === "optional") return {};
  if (spec.auth === "admin") return { 401: adminUnauthorized, 403: adminForbidden };
  return { 401: unauthorized, 403: adminIsNoTenant };
}

const VERBS: Readonly<Record<HttpMethod, RouteConfig["method"]>> = { GET: "get", POST: "post", PUT: "put", PATCH: "patch", DELETE: "delete" };

/** Registers a control table's calls under SANDBOX_BASE_PATH, with the answers the control plane gives whatever the call. */
export function registerControlTable(registry: OpenAPIRegistry, table: ControlTable): void {
  for (const [operationId, spec] of Object.entries(table.routes)) {
    const readsBody = spec.auth !== "none";
    registry.registerPath({
      method: VERBS[spec.method],
      path: `${SANDBOX_BASE_PATH}${spec.path}`,
      operationId,
      tags: [spec.tag],
      summary: spec.summary,
      security: securityOf(spec),
      request: {
        ...(spec.params === undefined ? {} : { params: spec.params }),
        ...(spec.query === undefined ? {} : { query: spec.query }),
        ...(spec.body === undefined ? {} : { body: jsonBody(spec.body, spec.bodyOptional !== true) }),
      },
      responses: withPipeline(
        {
          ...spec.responses,
          ...(readsBody ? { 400: spec.responses[400] ?? malformed, 413: tooLarge } : {}),
          ...authResponses(spec),
        },
        PIPELINE,
      ),
    });
  }
}
