import type { z } from "zod";
import type { MsValidationError } from "../../contracts/myshare/errors.js";

/** A DRF error: field messages (400), or a `detail` (401, 404, 405, 415, 429, a JSON parse error). */
export type MsError = { kind: "validation"; fields: z.infer<typeof MsValidationError> } | { kind: "detail"; detail: string };

/** What every client call resolves to. */
export type MsResult<T> = { ok: true; httpStatus: number; value: T } | { ok: false; httpStatus: number; error: MsError };
