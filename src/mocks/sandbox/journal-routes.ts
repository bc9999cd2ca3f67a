import { parse as parseQuery } from "node:querystring";
import { SandboxRequests, SandboxRequestsQuery } from "../../contracts/sandbox/journal.js";
import type { SandboxRoutes } from "../../contracts/sandbox/routes.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { JsonValue } from "../../state/kernel/json.js";
import type { JournalEntry } from "../../state/kernel/tenant.js";
import { fail, reply } from "./answers.js";
import type { SomeControlHandlers } from "./control-plug.js";
import { iso } from "./instant.js";

function matches(entry: JournalEntry, query: SandboxRequestsQuery): boolean {
  if (query.provider !== undefined && entry.provider !== query.provider) return false;
  if (query.method !== undefined && entry.method.toUpperCase() !== query.method.toUpperCase()) return false;
  if (query.path !== undefined) {
    if (query.path.endsWith("*")) return entry.path.startsWith(query.path.slice(0, -1));
    return entry.path === query.path;
  }
  return true;
}

/** The journal keeps bodies as JSON text; they are parsed back only when the journal is read. */
function parsedBody(text: string | undefined): JsonValue {
  if (text === undefined) return null;
  const value: JsonValue = JSON.parse(text);
  return value;
}

/** `GET`/`DELETE /requests`: the tenant's journal of provider calls (control-plane calls are not in it). */
export const JOURNAL_HANDLERS = {
  // Every value of a repeated parameter (an array), so a repeated filter is refused rather than half applied.
  listRequests: ({ tenant, exchange }) => {
    const parsed = SandboxRequestsQuery.safeParse(parseQuery(exchange.query));
    if (!parsed.success) {
      return fail(
        400,
        "invalid_query",
        `GET /__sandbox/requests takes provider, method, path (exact, or a prefix ending in *) and limit (a whole number >= 1), each at most once: ${describeIssues(parsed.error)}`,
      );
    }
    const query = parsed.data;
    const found = tenant.journal.toArray().filter((entry) => matches(entry, query));
    const kept = query.limit === undefined ? found : found.slice(-Number(query.limit));
    const requests = kept.map((e) => ({
      seq: e.seq,
      at: iso(e.at),
      provider: e.provider,
      method: e.method,
      path: e.path,
      query: e.query,
      status: e.status,
      requestBody: parsedBody(e.requestBody),
      responseBody: parsedBody(e.responseBody),
    }));
    return reply(200, { requests, dropped: tenant.journal.droppedCount }, SandboxRequests);
  },
  clearRequests: ({ tenant }) => {
    tenant.journal.clear();
    return reply(204, undefined, undefined);
  },
} satisfies SomeControlHandlers<SandboxRoutes>;
