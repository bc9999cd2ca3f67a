import type { JsonValue } from "../../state/kernel/json.js";

/** Narrows a parsed request body to a JSON value (express.json only ever yields JSON). */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return true;
    case "object":
      return true;
    default:
      return false;
  }
}
