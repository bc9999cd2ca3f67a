import type { Request, Response } from "express";
import type { ZodType } from "zod";
import { SandboxError } from "../../contracts/sandbox/error.js";
import type { JsonValue } from "../../state/kernel/json.js";
import type { SandboxContext } from "../http/context.js";
import { send } from "../http/send.js";

/** The control plane answers as provider "sandbox" and stays out of the request journal. */
export function reply(
  ctx: SandboxContext,
  req: Request,
  res: Response,
  status: number,
  body: JsonValue | undefined,
  schema: ZodType | undefined,
): void {
  send(ctx, req, res, { provider: "sandbox", status, body, schema, journal: false });
}

/** `{"error": {"code", "message"}}` with a 4xx. */
export function fail(
  ctx: SandboxContext,
  req: Request,
  res: Response,
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): void {
  send(ctx, req, res, {
    provider: "sandbox",
    status,
    body: { error: { code, message } },
    schema: SandboxError,
    headers,
    journal: false,
  });
}

/** The request's path under the mount point, without the query, for messages. */
export function pathOf(req: Request): string {
  const at = req.originalUrl.indexOf("?");
  return at === -1 ? req.originalUrl : req.originalUrl.slice(0, at);
}
