import type { Request, Response } from "express";
import type { ZodType } from "zod";
import type { SandboxContext } from "./context.js";
import { writeAnswer } from "./write-answer.js";

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

/** Sends an answer from an express handler (the control plane): writeAnswer with the request split once. */
export function send(ctx: SandboxContext, req: Request, res: Response, reply: Reply): void {
  const url = req.originalUrl;
  const at = url.indexOf("?");
  const body: unknown = req.body;
  writeAnswer(
    ctx,
    { req, res, method: req.method, path: at === -1 ? url : url.slice(0, at), query: at === -1 ? "" : url.slice(at + 1), journalBody: body },
    reply.journal === false ? undefined : reply.provider,
    { status: reply.status, body: reply.body, schema: reply.schema, headers: reply.headers },
  );
}
