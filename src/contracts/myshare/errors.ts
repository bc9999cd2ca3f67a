import { z } from "zod";

/** DRF's `{"detail": "..."}`: 401, 404, 405, 415, 429 and body parse errors. */
export const MsDetailError = z
  .object({ detail: z.string() })
  .meta({ id: "MsDetailError", description: "Django REST Framework error detail", example: { detail: "Not found." } });

/** One field's messages: a list, a list of nested objects (prices) or messages by list index (offer_geo). */
const FieldMessages = z.union([
  z.array(z.string()),
  z.array(z.record(z.string(), z.array(z.string()))),
  z.record(z.string(), z.array(z.string())),
]);

/** DRF's validation error: `{"field": ["message"], "non_field_errors": ["message"]}` with HTTP 400. */
export const MsValidationError = z
  .record(z.string(), FieldMessages)
  .meta({ id: "MsValidationError", description: "Field errors by field name", example: { title: ["This field is required."] } });
