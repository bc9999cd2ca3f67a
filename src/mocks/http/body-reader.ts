import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { BodyError } from "./body-errors.js";

/**
 * The limit every provider operation and control-plane call reads its body up to, unless its route says
 * otherwise (YooMoney add-pins, PUT /__sandbox/state, myshare's Django limit). The providers' real
 * request bodies are a few kilobytes.
 */
export const SMALL_BODY_LIMIT_BYTES = 1024 * 1024;

export type RawBody = { ok: true; bytes: Buffer | undefined } | { ok: false; error: BodyError };

/** Reads a request's raw body up to `limit` bytes; resolves, never rejects (answers at once when there is none). */
export type BodyReader = (req: IncomingMessage, res: ServerResponse) => RawBody | Promise<RawBody>;

const NO_BODY: RawBody = { ok: true, bytes: undefined };

/** Whether a request has a body at all: a Transfer-Encoding, or a Content-Length other than 0. */
function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || (req.headers["content-length"] !== undefined && req.headers["content-length"] !== "0");
}

/** The stream of the body's bytes as sent, inflated per its Content-Encoding; undefined for an encoding the sandbox does not decode. */
function decoded(req: IncomingMessage, encoding: string): Readable | undefined {
  switch (encoding) {
    case "identity":
      return req;
    case "gzip":
      return req.pipe(createGunzip());
    case "deflate":
      return req.pipe(createInflate());
    case "br":
      return req.pipe(createBrotliDecompress());
    default:
      return undefined;
  }
}

/** What is left of a refused request is read and dropped before the answer, so the connection stays usable. */
function drained(req: IncomingMessage, error: BodyError): Promise<RawBody> {
  const refused: RawBody = { ok: false, error };
  if (req.readableEnded || req.destroyed) return Promise.resolve(refused);
  return new Promise((resolve) => {
    const done = () => resolve(refused);
    req.once("end", done);
    req.once("close", done);
    req.resume();
  });
}

/**
 * A body reader on node's own streams (what body-parser's raw reader does, without express's module
 * tree at start-up): a `Content-Encoding` of gzip, deflate or br is inflated and the inflated bytes count
 * against `limit`, the read stopping as soon as they pass it; a Content-Length over the limit is refused
 * before a byte is read; an encoding that cannot be decoded or is unknown, an upload cut short, or a body
 * that does not match its Content-Length is an unreadable body, not a server error. The token is checked
 * before this runs, so a refused call is never read.
 */
export function bodyReader(limit: number): BodyReader {
  return (req) => {
    // Most calls (every GET) have no body: no reader, no turn of the event loop.
    if (!hasBody(req)) return NO_BODY;
    const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
    const declared = encoding === "identity" && req.headers["content-length"] !== undefined ? Number(req.headers["content-length"]) : undefined;
    if (declared !== undefined && declared > limit) return drained(req, { kind: "tooLarge", limit });
    const stream = decoded(req, encoding);
    if (stream === undefined) return drained(req, { kind: "malformed", message: `unsupported content encoding "${encoding}"` });
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let settled = false;
      const finish = (outcome: RawBody | BodyError) => {
        if (settled) return;
        settled = true;
        stream.off("data", onData);
        if (stream !== req) {
          req.unpipe();
          stream.destroy();
        }
        if ("kind" in outcome) void drained(req, outcome).then(resolve);
        else resolve(outcome);
      };
      const onData = (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) return finish({ kind: "tooLarge", limit });
        chunks.push(chunk);
      };
      stream.on("data", onData);
      stream.once("end", () => {
        if (declared !== undefined && received !== declared) return finish({ kind: "malformed", message: "request size did not match content length" });
        finish({ ok: true, bytes: received === 0 ? undefined : Buffer.concat(chunks, received) });
      });
      stream.once("error", (error: Error) => finish({ kind: "malformed", message: error.message }));
      req.once("close", () => {
        if (!req.complete) finish({ kind: "malformed", message: "request aborted" });
      });
    });
  };
}
