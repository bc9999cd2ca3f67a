import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import type { SandboxContext } from "../http/context.js";
import { classifyBodyError } from "../http/body-errors.js";
import { fail, pathOf } from "./reply.js";

/** State snapshots can be large; every other control-plane body is small. */
const STATE_LIMIT = "256mb";
const DEFAULT_LIMIT = "1mb";

/**
 * Parses every request body as JSON whatever its Content-Type (curl -d sends form encoding),
 * with the larger limit for `PUT /state`.
 */
export function jsonBodies(): RequestHandler {
  const big = express.json({ limit: STATE_LIMIT, type: () => true });
  const small = express.json({ limit: DEFAULT_LIMIT, type: () => true });
  return (req, res, next) => {
    const parser = req.method === "PUT" && /^\/state\/?$/i.test(req.path) ? big : small;
    parser(req, res, next);
  };
}

/** A body that is not JSON -> 400 malformed_json; too large -> 413 payload_too_large. */
export function bodyErrors(ctx: SandboxContext): ErrorRequestHandler {
  return (err, req, res, next) => {
    const problem = classifyBodyError(err);
    if (problem === undefined) {
      next(err);
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
