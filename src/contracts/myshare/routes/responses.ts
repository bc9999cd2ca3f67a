import { z } from "zod";
import { jsonResponse } from "../../http/responses.js";
import { MsDetailError, MsValidationError } from "../errors.js";

/** DRF's `{"detail": "..."}` answer. */
export const detail = <H extends z.ZodObject | undefined = undefined>(description: string, headers?: H) => jsonResponse(description, MsDetailError, headers);

export const notFound = detail("Not found. (unknown id, malformed id, or another tenant's object)");

/** A serializer's 400: field errors, or DRF's parse error detail. */
export const badBody = (description: string) =>
  jsonResponse(`${description}; or "JSON parse error - <Python's json message>" for a body that is not JSON`, z.union([MsValidationError, MsDetailError]));

/** The `{id}` of a detail path. */
export const idParam = (description: string) => z.object({ id: z.string().meta({ description }) });
