import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as S from "../sandbox/index.js";
import { TRANSPORT_RESPONSES, withPipeline, type PipelineResponses } from "./pipeline.js";
import { jsonResponse } from "../http/responses.js";

/** The control plane lives under this prefix on the sandbox's own port. */
export const SANDBOX_BASE_PATH = "/__sandbox";

export const error = (description: string): ResponseConfig => jsonResponse(description, S.SandboxError);

const unauthorized = error(
  "unauthorized (no token), token_expired or unknown_token (--auth strict): send `Authorization: Bearer <token>`",
);
const adminIsNoTenant = error(
  "forbidden: the admin token was sent; it acts on no tenant of its own: mint a token for the tenant with POST /__sandbox/tokens",
);
const adminUnauthorized = error("unauthorized: no token; this call needs the admin token (--admin-token)");
const adminForbidden = error("forbidden: the token sent is not the admin token, or the sandbox has none (--admin-token)");
const malformed = error(
  "malformed_json: the body is not JSON, cannot be read (a Content-Encoding the sandbox cannot decode) or is nested too deep; or a path id that is not valid percent-encoding",
);
const tooLarge = error("payload_too_large: the body is larger than 1 MB (256 MB for PUT /__sandbox/state)");

/** What every call can answer whatever its route: an unknown id or path, another HTTP method, Node's 408, the last resort. */
const PIPELINE = {
  404: error("not_found: no control-plane call at this path, or no such object"),
  405: jsonResponse("method_not_allowed: the path takes another HTTP method (see Allow)", S.SandboxError, z.object({ Allow: z.string() })),
  ...TRANSPORT_RESPONSES,
  500: error("internal_error: a sandbox bug; please report it with the request"),
} satisfies PipelineResponses;

/**
 * `open`: no token needed. `readsNoBody`: answered before the JSON body parser runs (health only);
 * every other call parses any body it is sent, so a broken one gets 400 or 413. `access`: "admin" needs
 * the admin token (scheme adminToken); "optional" takes a tenant's token, the admin token or none (the
 * call documents its own 401/403). By default a call takes a tenant's token (bearerAuth) and answers 403
 * to the admin token.
 */
export type Operation = Omit<RouteConfig, "path" | "security"> & { open?: true; readsNoBody?: true; access?: "admin" | "optional" };

function securityOf(operation: Operation): RouteConfig["security"] {
  if (operation.open === true) return [];
  if (operation.access === "admin") return [{ adminToken: [] }];
  if (operation.access === "optional") return [{}, { bearerAuth: [] }, { adminToken: [] }];
  return [{ bearerAuth: [] }];
}

function authResponses(operation: Operation): Record<number, ResponseConfig> {
  if (operation.open === true || operation.access === "optional") return {};
  if (operation.access === "admin") return { 401: adminUnauthorized, 403: adminForbidden };
  return { 401: unauthorized, 403: adminIsNoTenant };
}

export function route(registry: OpenAPIRegistry, path: string, operation: Operation): void {
  const { open, readsNoBody, responses, access, ...rest } = operation;
  registry.registerPath({
    ...rest,
    path: `${SANDBOX_BASE_PATH}${path}`,
    security: securityOf(operation),
    responses: withPipeline(
      {
        ...responses,
        ...(readsNoBody === true ? {} : { 400: responses[400] ?? malformed, 413: tooLarge }),
        ...authResponses(operation),
      },
      PIPELINE,
    ),
  });
}

