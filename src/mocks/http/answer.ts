import type { ZodType } from "zod";

/** What a handler (or the pipeline) answers: the pipeline checks it, journals it and writes it. */
export interface Answer {
  status: number;
  /** A JSON value; undefined sends an empty body (Content-Length: 0). */
  body?: unknown;
  /** The contract of `body`, checked when response validation is on. */
  schema?: ZodType | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
}
