import type { JsonObject } from "./json.js";

/**
 * One field of a timer's payload, named once for both ends: `of(value)` is the payload a timer is
 * scheduled with, `read(payload)` gets the value back when it fires. A payload comes back from a
 * snapshot the user may have edited, so read() answers undefined when the field is missing or of
 * another type (the handler then has nothing to do).
 */
export interface PayloadField<T> {
  readonly name: string;
  of(value: T): JsonObject;
  read(payload: JsonObject): T | undefined;
}

/** A payload field holding a number (a campaign id). */
export function numberField(name: string): PayloadField<number> {
  return {
    name,
    of: (value) => ({ [name]: value }),
    read: (payload) => {
      const value = payload[name];
      return typeof value === "number" ? value : undefined;
    },
  };
}

/** A payload field holding a string (a deal's id). */
export function stringField(name: string): PayloadField<string> {
  return {
    name,
    of: (value) => ({ [name]: value }),
    read: (payload) => {
      const value = payload[name];
      return typeof value === "string" ? value : undefined;
    },
  };
}
