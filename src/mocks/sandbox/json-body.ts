import { MIMEType } from "node:util";
import type { BodyError } from "../http/body-errors.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../http/json-depth.js";

/** A control-plane body, read: its JSON value, or what is wrong with it. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; error: BodyError };

/** The charset of a Content-Type, lower case (undefined when there is none or the header does not parse). */
function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  try {
    return new MIMEType(contentType).params.get("charset")?.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The text of a body in `charset`, or undefined when the charset cannot be decoded (TextDecoder's list). */
function decode(bytes: Buffer, charset: string): string | undefined {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return undefined;
  }
}

const FIRST_NON_WHITESPACE = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d]|$)/;

/** JSON.parse's own error for a text that does not open an object or array (body-parser's strict mode, same wording). */
function notObjectOrArray(text: string, first: string | undefined): string {
  const index = first === undefined ? -1 : text.indexOf(first);
  const partial = index === -1 ? "" : text.slice(0, index) + "#".repeat(text.length - index);
  try {
    JSON.parse(partial);
    return "strict violation";
  } catch (error) {
    const message = error instanceof Error ? error.message : "strict violation";
    return message.replace(/#+/g, (placeholder) => text.slice(index, index + placeholder.length));
  }
}

/**
 * A control-plane body as express.json() read it before (whatever the Content-Type, as curl -d sends
 * form encoding): a charset other than UTF-8/16 is unreadable, a body nested deeper than MAX_JSON_DEPTH is
 * refused before it is parsed, an empty body is `{}`, and only an object or an array is JSON here; each
 * failure carries JSON.parse's (or body-parser's) own message.
 */
export function readJsonBody(bytes: Buffer, contentType: string | undefined): JsonBody {
  const charset = charsetOf(contentType) ?? "utf-8";
  const text = charset.startsWith("utf-") ? decode(bytes, charset) : undefined;
  if (text === undefined) return { ok: false, error: { kind: "malformed", message: `unsupported charset "${charset.toUpperCase()}"` } };
  if (nestsDeeperThan(charset === "utf-8" ? bytes : Buffer.from(text))) return { ok: false, error: { kind: "tooDeep", limit: MAX_JSON_DEPTH } };
  if (text.length === 0) return { ok: true, value: {} };
  const first = FIRST_NON_WHITESPACE.exec(text)?.[1];
  if (first !== "{" && first !== "[") return { ok: false, error: { kind: "malformed", message: notObjectOrArray(text, first || undefined) } };
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: { kind: "malformed", message: error instanceof Error ? error.message : "not JSON" } };
  }
}
