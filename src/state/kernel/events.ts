import type { JsonValue } from "./json.js";

/** What made a state change: a provider API call, a timer firing, the control plane, or a fault applied to a call. */
export type Cause = "request" | "timer" | "control" | "fault";

/** One state change of one entity, as `GET /__sandbox/events` lists it. */
export interface DomainEvent {
  seq: number;
  at: number;
  provider: string;
  entity: string;
  id: string;
  from: JsonValue;
  to: JsonValue;
  cause: Cause;
  detail?: JsonValue;
}
