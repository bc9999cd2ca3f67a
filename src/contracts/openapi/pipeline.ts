import type { ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodType } from "zod";
import { optionalJsonResponse } from "../http/responses.js";

/**
 * The answers a provider's request pipeline can give whatever the operation (an unreadable or too large
 * body, the token, the rate limit, an unknown path or method, the last resort), by status. Each provider
 * writes its list once; `withPipeline` puts it on every operation it registers.
 */
export type PipelineResponses = Readonly<Record<number, ResponseConfig>>;

/**
 * Node's own answer when a request's body does not arrive within the server's request timeout: 408 with
 * no body, and the connection closed. The same for every provider and the control plane.
 */
export const REQUEST_TIMEOUT: ResponseConfig = {
  description: "The request (its body included) did not arrive within the server's request timeout: no body, the connection is closed",
};

/** Node's own answer to a request line or headers over 16 KiB (a URL that long, say): 431 with no body, the connection closed. */
export const HEADERS_TOO_LARGE: ResponseConfig = {
  description: "The URL or the headers are over 16 KiB (Node's limit): no body, the connection is closed",
};

/** What Node itself answers before any provider sees the request, for every operation of every document. */
export const TRANSPORT_RESPONSES: PipelineResponses = { 408: REQUEST_TIMEOUT, 431: HEADERS_TOO_LARGE };

function jsonSchemaOf(response: ResponseConfig): ZodType | undefined {
  const media = response.content?.["application/json"];
  const schema = media !== undefined && "schema" in media ? media.schema : undefined;
  return schema instanceof z.ZodType ? schema : undefined;
}

function optionsOf(schema: ZodType): readonly ZodType[] {
  if (!(schema instanceof z.ZodUnion)) return [schema];
  return schema.options.filter((option): option is ZodType => option instanceof z.ZodType);
}

/** One status documented by the operation and by the pipeline: the body is either (the operation's first). */
function merge(own: ResponseConfig, shared: ResponseConfig): ResponseConfig {
  const mine = jsonSchemaOf(own);
  const theirs = jsonSchemaOf(shared);
  if (mine === undefined && theirs !== undefined && own.content === undefined) {
    // The operation answers this status with no body, the pipeline with a JSON one: either may come.
    return { ...optionalJsonResponse(`${own.description ?? ""}; or, whatever the operation: ${shared.description ?? ""}`, theirs), ...(shared.headers === undefined ? {} : { headers: shared.headers }) };
  }
  if (mine === undefined || theirs === undefined || optionsOf(mine).includes(theirs)) return own;
  const [first, ...rest] = [...optionsOf(mine), ...optionsOf(theirs)];
  if (first === undefined) return own;
  return {
    ...own,
    description: `${own.description ?? ""}; or, whatever the operation: ${shared.description ?? ""}`,
    ...(own.headers === undefined && shared.headers !== undefined ? { headers: shared.headers } : {}),
    content: { "application/json": { schema: z.union([first, ...rest]) } },
  };
}

/** A route's answers as RouteConfig takes them (a response may be a `$ref`, kept as it is). */
type Responses = RouteConfig["responses"];

/** An operation's own answers with its provider's pipeline answers added (merged where both document a status). */
export function withPipeline(own: Responses, pipeline: PipelineResponses): Responses {
  const out: Responses = { ...own };
  for (const [status, shared] of Object.entries(pipeline)) {
    const mine = out[status];
    out[status] = mine === undefined ? shared : "$ref" in mine ? mine : merge(mine, shared);
  }
  return out;
}
