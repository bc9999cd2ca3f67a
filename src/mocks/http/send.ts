import type { Request, Response } from "express";
import type { ZodType } from "zod";
import type { SandboxContext } from "./context.js";
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

/** The request body as JSON text for the journal (a summary when it is large). */
function journalBody(req: Request): string | undefined {
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > JOURNAL_BODY_LIMIT) return JSON.stringify({ truncated: true, bytes: length });
  const body: unknown = req.body;
  if (body === undefined || Buffer.isBuffer(body)) return undefined;
  const text = JSON.stringify(body);
  // A compressed body's Content-Length says nothing of its inflated size.
  return text.length > JOURNAL_BODY_LIMIT ? JSON.stringify({ truncated: true, bytes: Buffer.byteLength(text) }) : text;
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
  // Serialised once: the same text goes to the client and into the journal.
  const text = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  const tenant = reply.journal === false ? undefined : tenantOf(req);
  const url = req.originalUrl;
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (tenant !== undefined) {
    tenant.log({
      provider: reply.provider,
      method: req.method,
      path,
      query: queryAt === -1 ? "" : url.slice(queryAt + 1),
      status: reply.status,
      requestBody: journalBody(req),
      responseBody: text,
    });
  }
  if (reply.headers) res.set(reply.headers);
  res.statusCode = reply.status;
  if (ctx.onAnswer !== undefined) {
    ctx.onAnswer({
      method: req.method,
      path,
      status: reply.status,
      contentType: text === undefined ? undefined : "application/json; charset=utf-8",
      body: text,
    });
  }
  if (text === undefined) {
    res.end();
    return;
  }
  // What res.json does, without express's send path (charset, ETag and freshness handling): this is
  // the hot path of every provider call (docs/performance.md).
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}
