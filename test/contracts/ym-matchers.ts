import { MatchersV3 } from "@pact-foundation/pact";
import type { z, ZodType } from "zod";
import { CampaignId } from "../../src/contracts/yoomoney/index.js";

/**
 * Pact matchers derived from the zod contracts: every example must satisfy its contract (so a pact can
 * never promise what the contract forbids).
 */

/** Matches by type; the example must satisfy `schema`. */
export function likeContract<S extends ZodType>(schema: S, example: z.input<S>) {
  schema.parse(example);
  return MatchersV3.like(example);
}

/** Any integer; the example must satisfy `schema` (e.g. a non-negative counter). */
export function integerContract(schema: ZodType<number>, example: number) {
  schema.parse(example);
  return MatchersV3.integer(example);
}

/** A ymCampaignId the provider state returns (the verifier injects the real one). */
export function campaignIdFromState(example = 4321) {
  return MatchersV3.fromProviderState("${ymCampaignId}", CampaignId.parse(example));
}

/** A string the provider state returns under `key`. */
export function stringFromState(key: string, example: string) {
  return MatchersV3.fromProviderState(`\${${key}}`, example);
}

/** Returns `template` after checking that its example (matchers reified) satisfies `schema`. */
export function contractBody<S extends ZodType>(schema: S, template: unknown): unknown {
  const example = MatchersV3.reify(template);
  const parsed = schema.safeParse(example);
  if (!parsed.success) {
    throw new Error(`the pact example breaks its contract: ${JSON.stringify(parsed.error.issues)}; example: ${JSON.stringify(example)}`);
  }
  return template;
}
