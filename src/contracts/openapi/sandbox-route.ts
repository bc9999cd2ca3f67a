import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import * as S from "../sandbox/index.js";
import { jsonResponse } from "./responses.js";

/** The control plane lives under this prefix on the sandbox's own port. */
export const SANDBOX_BASE_PATH = "/__sandbox";

export const error = (description: string): ResponseConfig => jsonResponse(description, S.SandboxError);

const unauthorized = error(
  "unauthorized (no token), token_expired or unknown_token (--auth strict): send `Authorization: Bearer <token>`",
);
const malformed = error("malformed_json: the body is not JSON");
const tooLarge = error("payload_too_large: the body is larger than 1 MB (256 MB for PUT /__sandbox/state)");

/**
 * `open`: no token needed. `readsNoBody`: answered before the JSON body parser runs (health only);
 * every other call parses any body it is sent, so a broken one gets 400 or 413.
 */
export type Operation = Omit<RouteConfig, "path" | "security"> & { open?: true; readsNoBody?: true };

export function route(registry: OpenAPIRegistry, path: string, operation: Operation): void {
  const { open, readsNoBody, responses, ...rest } = operation;
  registry.registerPath({
    ...rest,
    path: `${SANDBOX_BASE_PATH}${path}`,
    security: open === true ? [] : [{ bearerAuth: [] }],
    responses: {
      ...responses,
      ...(readsNoBody === true ? {} : { 400: responses[400] ?? malformed, 413: tooLarge }),
      ...(open === true ? {} : { 401: unauthorized }),
    },
  });
}

