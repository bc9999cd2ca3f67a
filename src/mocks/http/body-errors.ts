/**
 * What can be wrong with a request body before any handler sees it: unreadable (not JSON, a charset
 * or `Content-Encoding` that cannot be decoded, an aborted upload), too large, or nested too deep.
 */
export type BodyError =
  | { kind: "malformed"; message: string }
  | { kind: "tooLarge"; limit: number }
  | { kind: "tooDeep"; limit: number };
