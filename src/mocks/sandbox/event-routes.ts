import { SandboxEvents } from "../../contracts/sandbox/events.js";
import type { SandboxRoutes } from "../../contracts/sandbox/routes.js";
import { reply } from "./answers.js";
import type { SomeControlHandlers } from "./control-plug.js";
import { streamEvents } from "./event-stream.js";
import { eventsQuery, matchesEvent, renderEvent } from "./event-view.js";

/** `GET /events`: the tenant's domain events, every state change with its cause; `GET /events/stream`: the same, live. */
export const EVENT_HANDLERS = {
  listEvents: ({ tenant, exchange }) => {
    const parsed = eventsQuery(exchange.query, "events");
    if (!parsed.ok) return parsed.answer;
    const query = parsed.query;
    const events = tenant.events.toArray().filter((event) => matchesEvent(event, query)).map(renderEvent);
    return reply(200, { events }, SandboxEvents);
  },
  streamEvents,
} satisfies SomeControlHandlers<SandboxRoutes>;
