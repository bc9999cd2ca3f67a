import type { ZodType } from "zod";
import { MsDetailError, MsValidationError } from "../../contracts/myshare/errors.js";
import type { Answer } from "../http/answer.js";
import type { ValidationErrors } from "./drf/form.js";

/** A JSON answer with its contract. */
export const json = (status: number, body: unknown, schema: ZodType): Answer => ({ status, body, schema });

/** DRF's `{"detail": "..."}`. */
export const detail = (status: number, text: string, headers?: Readonly<Record<string, string>>): Answer => ({
  status,
  body: { detail: text },
  schema: MsDetailError,
  headers,
});

export const NOT_FOUND = "Not found.";

/** DRF's 404 for an unknown path or object. */
export const notFound = (): Answer => detail(404, NOT_FOUND);

/** A 400 with DRF's field errors. */
export const invalid = (errors: ValidationErrors): Answer => json(400, errors, MsValidationError);
