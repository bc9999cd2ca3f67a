import { MatchersV3 } from "@pact-foundation/pact";
import type { z } from "zod";
import type { CatalogueState, StateValues } from "../mocks/sandbox/provider-states-catalogue.js";

/** A JSON value, as Pact's `given(name, params)` types its params (pact-js's JsonMap, not exported). */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** `value` as JSON (undefined fields left out), or a throw naming the part that is not JSON. */
function jsonOf(value: unknown, where: string): Json {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => jsonOf(item, `${where}[${i}]`));
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined).map(([key, field]) => [key, jsonOf(field, `${where}.${key}`)]));
  }
  throw new Error(`${where} is ${String(value)}, not a JSON value: send strings, finite numbers, booleans, null, arrays or objects`);
}

/**
 * A provider state of the catalogue as Pact's `given(name, params)` takes it, its params checked by the
 * state's own schema now (in the consumer test) rather than at verification:
 *
 *   .given(...given(YOOMONEY_STATES.campaign, { status: "verified", unusedPins: 0 }))
 */
export function given<P extends z.ZodObject, V extends StateValues>(state: CatalogueState<P, V>, params?: z.input<P>): [string, { [key: string]: Json }] {
  const parsed = state.params.safeParse(params ?? {});
  if (!parsed.success) {
    throw new Error(`given("${state.name}"): ${parsed.error.issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`).join("; ")}`);
  }
  const json: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined) json[key] = jsonOf(value, `given("${state.name}") params.${key}`);
  }
  return [state.name, json];
}

/**
 * A value the provider state creates (an id), injected at verification: `example` in the consumer test,
 * the state's real value when the pact is verified against the sandbox. `key` must be one the state returns.
 */
export function fromState<V extends StateValues, K extends keyof V & string>(state: CatalogueState<z.ZodObject, V>, key: K, example: V[K]) {
  if (!Object.hasOwn(state.returns, key)) throw new Error(`provider state "${state.name}" returns no "${key}"; it returns ${Object.keys(state.returns).join(", ") || "nothing"}`);
  return MatchersV3.fromProviderState(`\${${key}}`, example);
}
