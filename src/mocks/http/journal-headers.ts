import type { IncomingHttpHeaders } from "node:http";
import { JOURNALED_HEADERS } from "../../contracts/sandbox/journal.js";

/** How many characters of a credential the journal shows before the mask (none of a credential of twice as many or fewer). */
const SHOWN = 2;
const MASK = "…(masked)";

/** "Bearer alice" -> "Bearer al…(masked)"; a bare token keeps its first characters the same way. */
export function maskAuthorization(value: string): string {
  const space = value.indexOf(" ");
  const scheme = space === -1 ? "" : value.slice(0, space + 1);
  const secret = space === -1 ? value : value.slice(space + 1);
  return `${scheme}${secret.length > SHOWN * 2 ? secret.slice(0, SHOWN) : ""}${MASK}`;
}

/** The journaled headers as JSON text (names in lower case, Authorization masked); "{}" when none was sent. */
export function journalHeaders(headers: IncomingHttpHeaders): string {
  const kept: Record<string, string> = {};
  for (const name of JOURNALED_HEADERS) {
    const value = headers[name];
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    kept[name] = name === "authorization" ? maskAuthorization(text) : text;
  }
  return JSON.stringify(kept);
}
