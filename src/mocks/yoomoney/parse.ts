import type { ZodType, z } from "zod";
import { fail, ok, type Result } from "../../state/kernel/result.js";
import { incorrectData, type YmError } from "../../state/yoomoney/errors.js";

/** Parses a request body with its contract; the first problem becomes incorrectData naming the field. */
export function parseBody<S extends ZodType>(schema: S, body: unknown): Result<z.infer<S>, YmError> {
  const input = body === undefined ? {} : body;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail(incorrectData("body", "The request body must be a JSON object"));
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "body";
  const top = issue?.path[0];
  const missing = typeof top === "string" && !Object.hasOwn(input, top);
  const detail = missing ? `${path} is required` : `${path}: ${issue?.message ?? "invalid value"}`;
  return fail(incorrectData(path || "body", detail));
}
