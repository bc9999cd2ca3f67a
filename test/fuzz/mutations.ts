import fc from "fast-check";
import { BODY_MUTATIONS } from "./body-mutations.js";
import { mutation, type Mutation } from "./mutation.js";
import { AUTH_MUTATIONS, URL_MUTATIONS } from "./url-mutations.js";
import { WIRE_MUTATIONS } from "./wire-mutations.js";

/** The request as the contracts describe it, unchanged. */
const VALID = mutation({ name: "valid", choices: fc.constant(undefined), apply: (draft) => draft });

/** Every mutation the fuzz test applies, each to every operation it fits. */
export const MUTATIONS: readonly Mutation[] = [VALID, ...BODY_MUTATIONS, ...WIRE_MUTATIONS, ...URL_MUTATIONS, ...AUTH_MUTATIONS];
