import type { ErrorRequestHandler, RequestHandler } from "express";
import type { SandboxContext } from "../http/context.js";
import { logInternalError } from "../http/internal-error.js";
import { fail, pathOf } from "./reply.js";

/** No control-plane call at this path. */
export function notFound(ctx: SandboxContext): RequestHandler {
  return (req, res) => {
    fail(
      ctx,
      req,
      res,
      404,
      "not_found",
      `there is no control-plane call ${req.method} ${pathOf(req)}; the calls are listed in README.md ("Control plane") and openapi/sandbox.json`,
    );
  };
}

function clientStatus(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const status = "status" in err ? err.status : "statusCode" in err ? err.statusCode : undefined;
  const exposed = "expose" in err && err.expose === true;
  return typeof status === "number" && status >= 400 && status < 500 && exposed ? status : undefined;
}

/** A path id that is not valid percent-encoding (`%ZZ`): express's router fails to decode it. */
function badPathEncoding(err: unknown): boolean {
  return err instanceof URIError;
}

/**
 * The last resort: a path that cannot be decoded is 400 invalid_path; a request error express reports
 * (an unsupported charset, an aborted upload) keeps its 4xx; anything else is a sandbox bug, logged
 * with its stack on stderr and answered as JSON without it.
 */
export function lastResort(ctx: SandboxContext): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (badPathEncoding(err)) {
      fail(ctx, req, res, 400, "invalid_path", `${req.method} ${pathOf(req)}: a path segment is not valid percent-encoding (a % must be followed by two hex digits); encode ids with encodeURIComponent`);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    const status = clientStatus(err);
    if (status !== undefined) {
      fail(ctx, req, res, status, "invalid_request", `${req.method} ${pathOf(req)} could not be read: ${message}`);
      return;
    }
    logInternalError(req.method, req.originalUrl, err);
    fail(
      ctx,
      req,
      res,
      500,
      "internal_error",
      `the sandbox failed on ${req.method} ${pathOf(req)} (${message}); this is a sandbox bug, please report it with the request`,
    );
  };
}
