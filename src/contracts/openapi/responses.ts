import type { ResponseConfig, ZodRequestBody } from "@asteasolutions/zod-to-openapi";
import type { ZodObject, ZodType } from "zod";

/** A JSON response with its description (and optional headers). */
export function jsonResponse(description: string, schema: ZodType, headers?: ZodObject): ResponseConfig {
  return { description, content: { "application/json": { schema } }, ...(headers === undefined ? {} : { headers }) };
}

/** A JSON request body. */
export function jsonBody(schema: ZodType, required = true, description?: string): ZodRequestBody {
  return { required, content: { "application/json": { schema } }, ...(description === undefined ? {} : { description }) };
}
