import type { ErrorOf } from "../state/kernel/result.js";

/**
 * The wire text (or, with `R`, the wire parts) of each refusal of one domain error map: a missing
 * entry is a compile error, and each entry receives exactly the values its error carries.
 */
export type ErrorTexts<M, R = string> = { readonly [P in keyof M]: (error: ErrorOf<M, P>) => R };

/** What `texts` says for `error`. */
export function textOf<M, K extends keyof M, R>(texts: ErrorTexts<M, R>, error: ErrorOf<M, K>): R {
  const text: (error: ErrorOf<M, K>) => R = texts[error.kind];
  return text(error);
}
