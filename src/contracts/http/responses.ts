import type { ResponseConfig, ZodRequestBody } from "@asteasolutions/zod-to-openapi";
import type { ZodObject, ZodType } from "zod";

/**
 * A JSON response that keeps its schema's type (and its headers' type), so a route table says, to the
 * compiler too, what each status answers: the typed clients read the body types from it. It is a
 * zod-to-openapi ResponseConfig like any other.
 */
export interface JsonResponse<S extends ZodType, H extends ZodObject | undefined = undefined> extends ResponseConfig {
  description: string;
  content: { "application/json": { schema: S } };
  headers?: H;
}

/** A JSON response that may also come with no body at all (see optionalJsonResponse). */
export type OptionalJsonResponse<S extends ZodType> = JsonResponse<S> & { "x-body-optional": true };

/** A JSON response with its description (and optional headers). */
export function jsonResponse<S extends ZodType, H extends ZodObject | undefined = undefined>(description: string, schema: S, headers?: H): JsonResponse<S, H> {
  return { description, content: { "application/json": { schema } }, ...(headers === undefined ? {} : { headers }) };
}

/**
 * A JSON response that may also come with no body at all (no Content-Type): OpenAPI 3.1 cannot say that,
 * so the response carries the extension `x-body-optional: true` (test/support/openapi-answers.ts honours it).
 */
export function optionalJsonResponse<S extends ZodType>(description: string, schema: S): OptionalJsonResponse<S> {
  const response: OptionalJsonResponse<S> = { ...jsonResponse(description, schema), "x-body-optional": true };
  return response;
}

/** A JSON request body. */
export function jsonBody(schema: ZodType, required = true, description?: string): ZodRequestBody {
  return { required, content: { "application/json": { schema } }, ...(description === undefined ? {} : { description }) };
}
