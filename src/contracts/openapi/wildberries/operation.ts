import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { ZodObject, ZodType } from "zod";

/**
 * One Wildberries method as openapi/wildberries.json documents it. The document adds what every
 * method shares: the token, the gateway's answers (400, 401, 404, 405, 408, 413, 429, 500; see PIPELINE
 * in ../wildberries.ts) and X-Ratelimit-Remaining on the method's own answers.
 */
export interface WbOperationDoc {
  method: "get" | "post";
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  /** Query parameters, one zod object (each property one parameter). */
  query?: ZodObject;
  /** The JSON request body. */
  body?: ZodType;
  /** Method-specific answers: 200 / 204 / 400 / 404 / 422, each with its body contract (none for empty). */
  responses: Record<number, ResponseConfig>;
}
