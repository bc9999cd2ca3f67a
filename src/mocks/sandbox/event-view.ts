import { parse as parseQuery } from "node:querystring";
import { SandboxEventsQuery } from "../../contracts/sandbox/events.js";
import type { DomainEvent } from "../../state/kernel/events.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { JsonObject } from "../../state/kernel/json.js";
import type { Answer } from "../http/answer.js";
import { fail } from "./answers.js";
import { iso } from "./instant.js";

/** Whether `event` passes the filters of GET /events and its stream (`since` is exclusive). */
export function matchesEvent(event: DomainEvent, query: SandboxEventsQuery): boolean {
  if (query.provider !== undefined && event.provider !== query.provider) return false;
  if (query.entity !== undefined && event.entity !== query.entity) return false;
  if (query.id !== undefined && event.id !== query.id) return false;
  if (query.cause !== undefined && event.cause !== query.cause) return false;
  if (query.since !== undefined && event.seq <= Number(query.since)) return false;
  return true;
}

/** One event as GET /events lists it, and as the stream's `data:` carries it. */
export function renderEvent(event: DomainEvent): JsonObject {
  const out: JsonObject = {
    seq: event.seq,
    at: iso(event.at),
    provider: event.provider,
    entity: event.entity,
    id: event.id,
    from: event.from,
    to: event.to,
    cause: event.cause,
  };
  if (event.detail !== undefined) out.detail = event.detail;
  return out;
}

/**
 * The filters of `GET /__sandbox/<call>` from its query string, or the 400 refusing them. Every value of a
 * repeated parameter is read (an array), so a repeated filter is refused rather than half applied.
 */
export function eventsQuery(query: string, call: string): { ok: true; query: SandboxEventsQuery } | { ok: false; answer: Answer } {
  const parsed = SandboxEventsQuery.safeParse(parseQuery(query));
  if (parsed.success) return { ok: true, query: parsed.data };
  return {
    ok: false,
    answer: fail(400, "invalid_query", `GET /__sandbox/${call} takes provider, entity, id, cause and since (an event seq), each at most once: ${describeIssues(parsed.error)}`),
  };
}
