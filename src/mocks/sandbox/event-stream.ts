import type { ServerResponse } from "node:http";
import { EVENT_STREAM_NAMES, type SandboxEventsQuery, type SandboxEventStreamReset } from "../../contracts/sandbox/events.js";
import type { DomainEvent } from "../../state/kernel/events.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { Answer } from "../http/answer.js";
import type { Exchange } from "../http/exchange.js";
import type { Handler } from "../http/handler.js";
import { fail } from "./answers.js";
import type { ControlBody } from "./control-plug.js";
import { eventsQuery, matchesEvent, renderEvent } from "./event-view.js";

/**
 * How much unsent text a stream may hold for a slow client (a month's clock move records hundreds of
 * thousands of events at once): past it the stream ends, and the client reconnects with Last-Event-ID to
 * read the rest from the kept events.
 */
const MAX_BEHIND_BYTES = 16 * 1024 * 1024;

const SEQ = /^\d{1,15}$/;

/** One domain event as a server-sent event. */
function eventFrame(event: DomainEvent): string {
  return `id: ${event.seq}\nevent: ${EVENT_STREAM_NAMES.event}\ndata: ${JSON.stringify(renderEvent(event))}\n\n`;
}

/** The tenant was replaced (a reset, an import): `id: 0`, so a reconnect replays every event of the new one. */
function resetFrame(next: Tenant): string {
  const data: SandboxEventStreamReset = { lastSeq: next.lastEventSeq };
  return `id: 0\nevent: ${EVENT_STREAM_NAMES.reset}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Follows the tenant's events on `res`: the kept ones after `after` first, then each as it is recorded.
 * When the tenant is replaced (a reset or a state import) it says so and follows the new one. Returns what
 * stops it (the response's close calls it).
 */
function follow(res: ServerResponse, exchange: Exchange, first: Tenant, filter: SandboxEventsQuery, after: number, resetFirst: boolean): () => void {
  let unwatch = (): void => {};
  const send = (text: string): void => {
    if (res.writableEnded) return;
    if (res.writableLength > MAX_BEHIND_BYTES) return void res.end(": too far behind: reconnect with Last-Event-ID to read on\n\n");
    res.write(text);
  };
  const deliver = (event: DomainEvent): void => {
    if (matchesEvent(event, filter)) send(eventFrame(event));
  };
  const attach = (tenant: Tenant, since: number): void => {
    for (const event of tenant.events.toArray()) if (event.seq > since) deliver(event);
    unwatch = tenant.watch({
      event: deliver,
      replaced: (next) => {
        // The stream's call now holds the new tenant (so it is not evicted while followed).
        exchange.tenant = next;
        send(resetFrame(next));
        attach(next, 0);
      },
    });
  };
  if (resetFirst) send(resetFrame(first));
  attach(first, after);
  return () => unwatch();
}

/**
 * `GET /__sandbox/events/stream`: the tenant's events as server-sent events, live. Same filters as GET
 * /events (provider, entity, id, cause); `since` or the Last-Event-ID header (which wins: a reconnecting
 * client sends it with the same URL) replays the kept events after that seq first. A Last-Event-ID beyond
 * the tenant's last event means the tenant was replaced meanwhile: the stream starts with a reset.
 */
export const streamEvents: Handler<ControlBody> = ({ tenant, exchange }): Answer => {
  const parsed = eventsQuery(exchange.query, "events/stream");
  if (!parsed.ok) return parsed.answer;
  const { since, ...filter } = parsed.query;
  const sent = exchange.req.headers["last-event-id"];
  // An empty header is no header (nothing was received yet).
  const header = (typeof sent === "string" ? sent.trim() : sent?.join(", ")) || undefined;
  if (header !== undefined && !SEQ.test(header)) {
    return fail(400, "invalid_query", `GET /__sandbox/events/stream: the Last-Event-ID header must be an event seq (a whole number), got "${header}"`);
  }
  const lastId = header === undefined ? undefined : Number(header);
  const resetFirst = lastId !== undefined && lastId > tenant.lastEventSeq;
  const after = resetFirst ? 0 : (lastId ?? (since === undefined ? 0 : Number(since)));
  return {
    status: 200,
    stream: {
      contentType: "text/event-stream; charset=utf-8",
      opening: ": promo-sandbox events\n\n",
      heartbeat: ": heartbeat\n\n",
      open: (res) => follow(res, exchange, tenant, filter, after, resetFirst),
    },
  };
};
