import type { ResponseConfig, ZodRequestBody } from "@asteasolutions/zod-to-openapi";
import type { ZodObject, ZodType } from "zod";

/** A JSON response with its description (and optional headers). */
export function jsonResponse(description: string, schema: ZodType, headers?: ZodObject): ResponseConfig {
  return { description, content: { "application/json": { schema } }, ...(headers === undefined ? {} : { headers }) };
}

/**
 * A JSON response that may also come with no body at all (no Content-Type): OpenAPI 3.1 cannot say that,
 * so the response carries the extension `x-body-optional: true` (test/support/openapi-answers.ts honours it).
 */
export function optionalJsonResponse(description: string, schema: ZodType): ResponseConfig {
  const response = { ...jsonResponse(description, schema), "x-body-optional": true };
  return response;
}

/** A JSON request body. */
export function jsonBody(schema: ZodType, required = true, description?: string): ZodRequestBody {
  return { required, content: { "application/json": { schema } }, ...(description === undefined ? {} : { description }) };
}
