import type { Request, Response } from "express";
import type { ZodType } from "zod";
import type { JsonValue } from "../../state/kernel/json.js";
import type { SandboxContext } from "./context.js";
import { isJsonValue } from "./json-value.js";
import { tenantOf } from "./tenant-of.js";

/** Request bodies larger than this are journaled as a summary, not kept. */
const JOURNAL_BODY_LIMIT = 64 * 1024;

export interface Reply {
  provider: string;
  status: number;
  /** A JSON-serialisable value; undefined sends an empty body. */
  body: unknown;
  /** The contract the body must satisfy (checked when response validation is on). */
  schema?: ZodType | undefined;
  headers?: Record<string, string> | undefined;
  /** false keeps the call out of the tenant's request journal (the control plane's own replies). Default true. */
  journal?: boolean | undefined;
}

function journalBody(req: Request): JsonValue | undefined {
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > JOURNAL_BODY_LIMIT) return { truncated: true, bytes: length };
  const body: unknown = req.body;
  return isJsonValue(body) ? body : undefined;
}

/** Sends an answer: checks it against its contract (in test mode) and writes the journal (unless told not to). */
export function send(ctx: SandboxContext, req: Request, res: Response, reply: Reply): void {
  if (ctx.validateResponses && reply.schema !== undefined) {
    const checked = reply.schema.safeParse(reply.body);
    if (!checked.success) {
      ctx.violations.push({
        method: req.method,
        path: req.originalUrl,
        status: reply.status,
        issues: JSON.stringify(checked.error.issues),
      });
    }
  }
  const tenant = reply.journal === false ? undefined : tenantOf(req);
  if (tenant !== undefined) {
    const queryAt = req.originalUrl.indexOf("?");
    tenant.log({
      provider: reply.provider,
      method: req.method,
      path: req.path === "/" ? req.baseUrl || "/" : req.baseUrl + req.path,
      query: queryAt === -1 ? "" : req.originalUrl.slice(queryAt + 1),
      status: reply.status,
      requestBody: journalBody(req),
      responseBody: isJsonValue(reply.body) ? reply.body : undefined,
    });
  }
  if (reply.headers) res.set(reply.headers);
  res.status(reply.status);
  if (reply.body === undefined) res.end();
  else res.json(reply.body);
}
