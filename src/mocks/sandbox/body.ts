import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import type { SandboxContext } from "../http/context.js";
import { classifyBodyError, isBodyError } from "../http/body-errors.js";
import { SMALL_BODY_LIMIT_BYTES } from "../http/body-reader.js";
import { MAX_JSON_DEPTH, nestsDeeperThan, TOO_DEEP } from "../http/json-depth.js";
import { fail, pathOf } from "./reply.js";

/** State snapshots can be large; every other control-plane body is small. */
const STATE_LIMIT = "256mb";

/** body-parser's verify hook: refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed. */
function refuseDeep(_req: unknown, _res: unknown, bytes: Buffer, encoding: string): void {
  if (nestsDeeperThan(utf8(bytes, encoding))) throw Object.assign(new Error(`nests deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: TOO_DEEP });
}

/** The body as UTF-8 bytes for the depth scan (brackets and quotes are ASCII in every charset body-parser takes). */
function utf8(bytes: Buffer, encoding: string): Uint8Array {
  if (encoding === "utf-8") return bytes;
  try {
    return Buffer.from(new TextDecoder(encoding).decode(bytes));
  } catch {
    return bytes;
  }
}

/**
 * Parses every request body as JSON whatever its Content-Type (curl -d sends form encoding),
 * with the larger limit for `PUT /state`.
 */
export function jsonBodies(): RequestHandler {
  const big = express.json({ limit: STATE_LIMIT, type: () => true, verify: refuseDeep });
  const small = express.json({ limit: SMALL_BODY_LIMIT_BYTES, type: () => true, verify: refuseDeep });
  return (req, res, next) => {
    const parser = req.method === "PUT" && /^\/state\/?$/.test(req.path) ? big : small;
    parser(req, res, next);
  };
}

/** A body that is not JSON (or nests too deep, or cannot be decoded) -> 400 malformed_json; too large -> 413 payload_too_large. */
export function bodyErrors(ctx: SandboxContext): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (!isBodyError(err)) {
      next(err);
      return;
    }
    const problem = classifyBodyError(err);
    if (problem.kind === "tooDeep") {
      fail(ctx, req, res, 400, "malformed_json", `the body of ${req.method} ${pathOf(req)} nests deeper than ${problem.limit} levels; control-plane bodies are flat JSON objects`);
      return;
    }
    if (problem.kind === "malformed") {
      fail(ctx, req, res, 400, "malformed_json", `the body of ${req.method} ${pathOf(req)} is not JSON (${problem.message}); send a JSON object`);
      return;
    }
    fail(
      ctx,
      req,
      res,
      413,
      "payload_too_large",
      `the body of ${req.method} ${pathOf(req)} is larger than ${problem.limit} bytes; control-plane bodies are small, only PUT /__sandbox/state takes up to ${STATE_LIMIT}`,
    );
  };
}
