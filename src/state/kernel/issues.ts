import type { z } from "zod";

/** One line per zod issue, `path: message`, for error messages a user can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("");
      return path === "" ? issue.message : `${path.replace(/^\./, "")}: ${issue.message}`;
    })
    .join("; ");
}
