/** What a domain operation returns: a value, or a typed error the adapter renders in the provider's envelope. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** The fields of an error that needs no values. */
export type NoFields = Record<never, never>;

/**
 * A domain refusal as a discriminated union built from a map `{ kind: fields }`: each error carries the
 * values its message needs, never the message. The provider's mocks render it (src/mocks/error-texts.ts).
 */
export type ErrorOf<M, K extends keyof M = keyof M> = { [P in K]: { kind: P } & M[P] }[K];
