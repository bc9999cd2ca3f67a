import { parse as parseQuery } from "node:querystring";
import { SandboxRequests, SandboxRequestsCount, SandboxRequestsCountQuery, SandboxRequestsQuery } from "../../contracts/sandbox/journal.js";
import type { SandboxRoutes } from "../../contracts/sandbox/routes.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { JsonValue } from "../../state/kernel/json.js";
import type { JournalEntry } from "../../state/kernel/tenant.js";
import { fail, reply } from "./answers.js";
import type { SomeControlHandlers } from "./control-plug.js";
import { iso } from "./instant.js";

/** "404" matches 404 only; "4xx" every status from 400 to 499. */
function statusMatches(status: number, wanted: string): boolean {
  return wanted.endsWith("xx") ? Math.floor(status / 100) === Number(wanted[0]) : status === Number(wanted);
}

/** Whether a journaled call passes every filter given (AND); `since` is inclusive, `until` exclusive. */
function matches(entry: JournalEntry, query: SandboxRequestsCountQuery): boolean {
  if (query.provider !== undefined && entry.provider !== query.provider) return false;
  if (query.operation !== undefined && entry.operation !== query.operation) return false;
  if (query.method !== undefined && entry.method.toUpperCase() !== query.method.toUpperCase()) return false;
  if (query.status !== undefined && !statusMatches(entry.status, query.status)) return false;
  if (query.since !== undefined && entry.at < Date.parse(query.since)) return false;
  if (query.until !== undefined && entry.at >= Date.parse(query.until)) return false;
  if (query.path !== undefined) {
    if (query.path.endsWith("*")) return entry.path.startsWith(query.path.slice(0, -1));
    return entry.path === query.path;
  }
  return true;
}

const FILTERS =
  "provider, operation, method, path (exact, or a prefix ending in *), status (e.g. 404, or a class: 4xx), since and until (ISO-8601 instants of the tenant's clock, since inclusive, until exclusive)";

/** The journal keeps headers as JSON text of string values; parsed back only when the journal is read. */
function parsedHeaders(text: string): Record<string, string> {
  const value: unknown = JSON.parse(text);
  const out: Record<string, string> = {};
  if (typeof value !== "object" || value === null) return out;
  for (const [name, header] of Object.entries(value)) if (typeof header === "string") out[name] = header;
  return out;
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
        `GET /__sandbox/requests takes ${FILTERS} and limit (a whole number >= 1), each at most once: ${describeIssues(parsed.error)}`,
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
      headers: parsedHeaders(e.headers),
      durationMs: e.durationMs,
      operation: e.operation ?? null,
      nearestOperation: e.nearestOperation ?? null,
      fault: e.fault ?? null,
    }));
    return reply(200, { requests, dropped: tenant.journal.droppedCount }, SandboxRequests);
  },
  // For "it was called twice": the same filters, the number of matches only.
  countRequests: ({ tenant, exchange }) => {
    const parsed = SandboxRequestsCountQuery.safeParse(parseQuery(exchange.query));
    if (!parsed.success) {
      return fail(400, "invalid_query", `GET /__sandbox/requests/count takes ${FILTERS}, each at most once: ${describeIssues(parsed.error)}`);
    }
    const query = parsed.data;
    let count = 0;
    for (const entry of tenant.journal.toArray()) if (matches(entry, query)) count++;
    return reply(200, { count }, SandboxRequestsCount);
  },
  clearRequests: ({ tenant }) => {
    tenant.journal.clear();
    return reply(204, undefined, undefined);
  },
} satisfies SomeControlHandlers<SandboxRoutes>;
