import type { ServerResponse } from "node:http";
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
  /**
   * An answer that stays open (server-sent events): its head is sent with `contentType`, then `open`
   * writes to the response for as long as it likes; never checked against a schema nor journaled.
   */
  stream?: StreamBody | undefined;
}

/** A body written over time: see Answer.stream. */
export interface StreamBody {
  contentType: string;
  /** The first text sent, right after the head (so a client sees the stream open at once). */
  opening: string;
  /** Sent every SandboxContext.heartbeatMs of real time while the stream is open (keeps proxies from closing it). */
  heartbeat: string;
  /**
   * Starts writing to `res` after the opening; returns what stops it, called once when the response
   * closes: the client went away, the stream ended itself (res.end()), or the server is closing.
   */
  open(res: ServerResponse): () => void;
}

/** Text sent as it is: `content` with the Content-Type `contentType` ("text/html; charset=utf-8"). */
export interface RawBody {
  contentType: string;
  content: string;
}
