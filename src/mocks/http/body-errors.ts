/** The body-parser failures a client can cause: a body that is not JSON (or not readable), and one that is too large. */
export type BodyError = { kind: "malformed"; message: string } | { kind: "tooLarge"; limit: number };

export function classifyBodyError(err: unknown): BodyError | undefined {
  if (typeof err !== "object" || err === null || !("type" in err)) return undefined;
  if (err.type === "entity.too.large") {
    const limit = "limit" in err && typeof err.limit === "number" ? err.limit : 0;
    return { kind: "tooLarge", limit };
  }
  // entity.parse.failed, charset.unsupported, encoding.unsupported, request.aborted, ...: all 4xx from body-parser.
  const status = "status" in err && typeof err.status === "number" ? err.status : 500;
  if (status >= 400 && status < 500) {
    const message = "message" in err && typeof err.message === "string" ? err.message : "unreadable body";
    return { kind: "malformed", message };
  }
  return undefined;
}
