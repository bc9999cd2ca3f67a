import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { SandboxInstant, SandboxJson } from "./scalars.js";

export const SandboxCause = z.enum(["request", "timer", "control", "fault"]).meta({
  id: "SandboxCause",
  description: "request: a provider API call; timer: a rule that fell due; control: the control plane; fault: a fault (POST /__sandbox/faults) applied to a call",
});

/** `GET /__sandbox/events` query (unknown parameters are refused, so a typo does not silently match everything): exact filters, `since` a sequence number (exclusive). */
export const SandboxEventsQuery = z
  .strictObject({
    provider: z.string().optional(),
    entity: z.string().optional(),
    id: z.string().optional(),
    since: z
      .string()
      .regex(/^\d{1,15}$/, { message: "since must be a whole number (an event seq)" })
      .optional()
      .meta({ description: "Only events with a greater seq" }),
    cause: SandboxCause.optional(),
  })
  .meta({ id: "SandboxEventsQuery" });
export type SandboxEventsQuery = z.infer<typeof SandboxEventsQuery>;

export const SandboxEvent = z
  .object({
    seq: z.int().positive(),
    at: SandboxInstant,
    provider: z.string(),
    entity: z.string(),
    id: z.string(),
    from: SandboxJson,
    to: SandboxJson,
    cause: SandboxCause,
    detail: SandboxJson.optional(),
  })
  .meta({ id: "SandboxEvent" });
export type SandboxEvent = z.infer<typeof SandboxEvent>;

export const SandboxEvents = z
  .object({ events: z.array(SandboxEvent).meta({ description: "Oldest first" }) })
  .meta({ id: "SandboxEvents" });
export type SandboxEvents = z.infer<typeof SandboxEvents>;

/** The SSE `event:` names of GET /__sandbox/events/stream: a domain event, and the tenant replaced (a reset or a state import). */
export const EVENT_STREAM_NAMES = { event: "event", reset: "reset" } as const;

/** `GET /__sandbox/events/stream`: server-sent events, as the response documents them. */
export const eventStreamResponse: ResponseConfig = {
  description: [
    "Server-sent events (text/event-stream), live, until the client goes away or the server closes. First the kept events after",
    "Last-Event-ID (or since), then each new one, as `id: <seq>`, `event: event`, `data: <the event as GET /events renders it>`.",
    "A reset or state import of the tenant sends `id: 0`, `event: reset`, `data: {\"lastSeq\": 0}` and goes on with the new tenant's events (seqs start again at 1);",
    "a comment line (`: heartbeat`) comes every 15 s of real time; a client too far behind is ended and may reconnect with Last-Event-ID.",
  ].join(" "),
  content: { "text/event-stream": { schema: z.string() } },
};

/** `data:` of a reset: the seq of the new tenant's last event (0 when it has none yet). */
export const SandboxEventStreamReset = z.object({ lastSeq: z.int().nonnegative() }).meta({ id: "SandboxEventStreamReset" });
export type SandboxEventStreamReset = z.infer<typeof SandboxEventStreamReset>;
