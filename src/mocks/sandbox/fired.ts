import type { JsonObject } from "../../state/kernel/json.js";
import type { FiredTimer } from "../../state/kernel/tenant.js";
import { iso } from "./instant.js";

const RESERVED = new Set(["at", "kind", "__proto__"]);

/** A fired timer as the clock calls list it: `{at, kind, ...payload, ...detail}`; at and kind cannot be overridden. */
export function renderFired(fired: readonly FiredTimer[]): JsonObject[] {
  return fired.map((timer) => {
    const out: JsonObject = { at: iso(timer.at), kind: timer.kind };
    for (const source of [timer.payload, timer.detail ?? {}]) {
      for (const [key, value] of Object.entries(source)) {
        if (!RESERVED.has(key)) out[key] = value;
      }
    }
    return out;
  });
}
