import type { ZodType, z } from "zod";
import { fail, ok, type Result } from "../../state/kernel/result.js";
import { incorrectData, type YmError } from "./errors.js";

/** How a problem's path (as zod gives it) is named in the answer; the identity unless told otherwise. */
export type PathNamer = (path: readonly PropertyKey[]) => readonly PropertyKey[];

const asGiven: PathNamer = (path) => path;

/**
 * Parses a request body with its contract; the first problem becomes incorrectData naming the field
 * (`namePath` renames it when the body checked stands for a larger one, as add-pins' probe does).
 */
export function parseBody<S extends ZodType>(schema: S, body: unknown, namePath: PathNamer = asGiven): Result<z.infer<S>, YmError> {
  const input = body === undefined ? {} : body;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail(incorrectData("body", "The request body must be a JSON object"));
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const path = issue === undefined ? "body" : namePath(issue.path).map(String).join(".");
  const top = issue?.path[0];
  const missing = typeof top === "string" && !Object.hasOwn(input, top);
  const detail = missing ? `${path} is required` : `${path}: ${issue?.message ?? "invalid value"}`;
  return fail(incorrectData(path || "body", detail));
}
