import { parse as parseQuery } from "node:querystring";
import { SandboxEvents, SandboxEventsQuery } from "../../contracts/sandbox/events.js";
import type { SandboxRoutes } from "../../contracts/sandbox/routes.js";
import type { DomainEvent } from "../../state/kernel/events.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { JsonObject } from "../../state/kernel/json.js";
import { fail, reply } from "./answers.js";
import type { SomeControlHandlers } from "./control-plug.js";
import { iso } from "./instant.js";

function matches(event: DomainEvent, query: SandboxEventsQuery): boolean {
  if (query.provider !== undefined && event.provider !== query.provider) return false;
  if (query.entity !== undefined && event.entity !== query.entity) return false;
  if (query.id !== undefined && event.id !== query.id) return false;
  if (query.since !== undefined && event.seq <= Number(query.since)) return false;
  return true;
}

function render(event: DomainEvent): JsonObject {
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

/** `GET /events`: the tenant's domain events, every state change with its cause. */
export const EVENT_HANDLERS = {
  listEvents: ({ tenant, exchange }) => {
    // Every value of a repeated parameter (an array), so a repeated filter is refused rather than half applied.
    const parsed = SandboxEventsQuery.safeParse(parseQuery(exchange.query));
    if (!parsed.success) {
      return fail(
        400,
        "invalid_query",
        `GET /__sandbox/events takes provider, entity, id and since (an event seq), each at most once: ${describeIssues(parsed.error)}`,
      );
    }
    const query = parsed.data;
    const events = tenant.events.toArray().filter((event) => matches(event, query)).map(render);
    return reply(200, { events }, SandboxEvents);
  },
} satisfies SomeControlHandlers<SandboxRoutes>;
