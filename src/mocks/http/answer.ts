import type { ZodType } from "zod";

/** What a handler (or the pipeline) answers: the pipeline checks it, journals it and writes it. */
export interface Answer {
  status: number;
  /** A JSON value; undefined sends an empty body (Content-Length: 0). */
  body?: unknown;
  /** The contract of `body`, checked when response validation is on. */
  schema?: ZodType | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * A body that is not JSON (a page, a script, a document as committed), sent as it is with its
   * Content-Type instead of `body`; never checked against a schema nor journaled.
   */
  raw?: RawBody | undefined;
}

/** Text sent as it is: `content` with the Content-Type `contentType` ("text/html; charset=utf-8"). */
export interface RawBody {
  contentType: string;
  content: string;
}
