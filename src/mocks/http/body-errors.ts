import { MAX_JSON_DEPTH, TOO_DEEP } from "./json-depth.js";

/**
 * What can be wrong with a request body before any handler sees it: unreadable (not JSON, a charset
 * or `Content-Encoding` that cannot be decoded, an aborted upload), too large, or nested too deep.
 */
export type BodyError =
  | { kind: "malformed"; message: string }
  | { kind: "tooLarge"; limit: number }
  | { kind: "tooDeep"; limit: number };

/**
 * A body-parser (or raw-body, or zlib) failure as a BodyError. body-parser gives every such failure a
 * 4xx status, but not always a `type` (a gzip header over bytes that are not gzip is zlib's own error).
 */
export function classifyBodyError(err: unknown): BodyError {
  const type = typeof err === "object" && err !== null && "type" in err ? err.type : undefined;
  if (type === TOO_DEEP) return { kind: "tooDeep", limit: MAX_JSON_DEPTH };
  if (type === "entity.too.large" && typeof err === "object" && err !== null) {
    const limit = "limit" in err && typeof err.limit === "number" ? err.limit : 0;
    return { kind: "tooLarge", limit };
  }
  const message = err instanceof Error ? err.message : "unreadable body";
  return { kind: "malformed", message };
}
