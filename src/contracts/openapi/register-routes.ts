import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { jsonBody } from "../http/responses.js";
import type { RouteTable } from "../http/route.js";
import { withPipeline, type PipelineResponses } from "./pipeline.js";

export interface RegisterOptions {
  /** The security requirement of an operation that takes a token (one that needs none has none). */
  security: RouteConfig["security"];
  /** What the provider's pipeline answers whatever the operation. */
  pipeline: PipelineResponses;
  /** A change every operation's own answer gets (Wildberries adds X-Ratelimit-Remaining). */
  ownResponse?: (response: ResponseConfig) => ResponseConfig;
  /** Prefixed to every path (YooMoney's are written under its base path). */
  basePath?: string;
}

/** Registers every operation of a route table, as the provider serves it. */
export function registerRoutes(registry: OpenAPIRegistry, table: RouteTable, options: RegisterOptions): void {
  for (const [operationId, spec] of Object.entries(table)) {
    const responses: Record<number, ResponseConfig> = {};
    for (const [status, response] of Object.entries(spec.responses)) responses[Number(status)] = options.ownResponse?.(response) ?? response;
    registry.registerPath({
      method: spec.method === "GET" ? "get" : spec.method === "POST" ? "post" : spec.method === "PUT" ? "put" : spec.method === "PATCH" ? "patch" : "delete",
      path: `${options.basePath ?? ""}${spec.path}`,
      operationId,
      tags: [spec.tag],
      summary: spec.summary,
      security: spec.auth === "none" ? [] : options.security,
      request: {
        ...(spec.params === undefined ? {} : { params: spec.params }),
        ...(spec.query === undefined ? {} : { query: spec.query }),
        ...(spec.body === undefined ? {} : { body: jsonBody(spec.body, spec.bodyOptional !== true) }),
      },
      responses: withPipeline(responses, options.pipeline),
    });
  }
}
