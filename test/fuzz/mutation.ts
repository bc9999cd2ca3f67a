import fc from "fast-check";
import type { FuzzOperation } from "./operations.js";
import type { Draft } from "./request-draft.js";

/** One way of breaking a request: which operations it applies to, and every way it can change a draft. */
export interface Mutation {
  name: string;
  appliesTo: (operation: FuzzOperation) => boolean;
  changes: fc.Arbitrary<(draft: Draft) => Draft>;
  /** Requests per case, as a multiple of FUZZ_RUNS: more for a mutation that fits few operations. */
  weight: number;
}

export const everyOperation = (): boolean => true;

/** A mutation from its choices (data fast-check generates and shrinks) and how a choice changes a draft. */
export function mutation<T>(spec: {
  name: string;
  appliesTo?: (operation: FuzzOperation) => boolean;
  weight?: number;
  choices: fc.Arbitrary<T>;
  apply: (draft: Draft, choice: T) => Draft;
}): Mutation {
  return {
    name: spec.name,
    appliesTo: spec.appliesTo ?? everyOperation,
    changes: spec.choices.map((choice) => (draft: Draft) => spec.apply(draft, choice)),
    weight: spec.weight ?? 1,
  };
}
