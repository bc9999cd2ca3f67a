import { z } from "zod";
import { SandboxInstant, SandboxJson } from "./scalars.js";

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
  })
  .meta({ id: "SandboxEventsQuery" });
export type SandboxEventsQuery = z.infer<typeof SandboxEventsQuery>;

export const SandboxCause = z.enum(["request", "timer", "control"]).meta({
  id: "SandboxCause",
  description: "request: a provider API call; timer: a rule that fell due; control: the control plane",
});

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
