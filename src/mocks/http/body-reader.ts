import type { IncomingMessage, ServerResponse } from "node:http";
import express from "express";
import { classifyBodyError, type BodyError } from "./body-errors.js";

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

/** Whether a request has a body at all (type-is's hasBody): a Transfer-Encoding, or a Content-Length. */
function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || (req.headers["content-length"] !== undefined && req.headers["content-length"] !== "0");
}

/**
 * A body reader (body-parser's raw reader underneath): a `Content-Encoding` of gzip, deflate or br is
 * inflated and the inflated bytes count against `limit`, the read stopping as soon as they pass it; an
 * encoding that cannot be decoded or is unknown is an unreadable body, not a server error. The token
 * is checked before this runs, so a refused call is never read.
 */
export function bodyReader(limit: number): BodyReader {
  const raw = express.raw({ limit, type: () => true });
  return (req, res) => {
    // Most calls (every GET) have no body: no reader, no turn of the event loop.
    if (!hasBody(req)) return NO_BODY;
    return new Promise((resolve) => {
      raw(req, res, (err?: unknown) => {
        if (err === undefined) {
          const body: unknown = Reflect.get(req, "body");
          resolve({ ok: true, bytes: Buffer.isBuffer(body) && body.length > 0 ? body : undefined });
          return;
        }
        resolve({ ok: false, error: classifyBodyError(err) });
      });
    });
  };
}
