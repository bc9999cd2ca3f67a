import { MatchersV3 } from "@pact-foundation/pact";
import type { ZodType } from "zod";

/**
 * What the project's consumer tests add to the kit's `matchersFor` (src/pact/matchers.ts), which derives a
 * response's matchers from its zod contract: exact values where an interaction is about them, and request
 * bodies sent as they are, checked against their contract.
 */

/**
 * Exactly this value, inside a `matchersFor` example: where the interaction is about the value (a status the
 * state moves to, an error code), not only its type or enum.
 */
export function exact<T>(value: T) {
  return MatchersV3.equal(value);
}

/** A request body as sent (matchers kept), after checking that its example (matchers reified) satisfies `schema`. */
export function contractBody<S extends ZodType>(schema: S, template: unknown): unknown {
  const example = MatchersV3.reify(template);
  const parsed = schema.safeParse(example);
  if (!parsed.success) {
    throw new Error(`the pact example breaks its contract: ${JSON.stringify(parsed.error.issues)}; example: ${JSON.stringify(example)}`);
  }
  return template;
}
