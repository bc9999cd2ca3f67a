import type { NextFunction, Request, Response } from "express";
import type { ZodType } from "zod";
import { MsDetailError, MsValidationError } from "../../../contracts/myshare/errors.js";
import type { JsonValue } from "../../../state/kernel/json.js";
import type { Tenant } from "../../../state/kernel/tenant.js";
import { bodyReader } from "../../http/body-reader.js";
import { resettleAfterLongJobs, whenIdle } from "../../http/tenant-queue.js";
import type { SandboxContext } from "../../http/context.js";
import { send } from "../../http/send.js";
import { asObject, type ValidationErrors } from "../drf/form.js";
import type { BodyError } from "../../http/body-errors.js";
import { BODY_LIMIT_BYTES, parseBody, RECURSION_MESSAGE } from "./body.js";

export const PROVIDER = "myshare";

/** One authenticated call to a myshare route: the tenant and the path's id, with DRF-shaped answers. */
export interface Call {
  ctx: SandboxContext;
  req: Request;
  res: Response;
  next: NextFunction;
  tenant: Tenant;
  /** The `{id}` path segment, URL-decoded (detail routes only). */
  id: string;
}

export function reply(call: Call, status: number, body: JsonValue | undefined, schema?: ZodType, headers?: Record<string, string>): void {
  send(call.ctx, call.req, call.res, { provider: PROVIDER, status, body, schema, headers });
}

/** DRF's `{"detail": "..."}`. */
export function detail(ctx: SandboxContext, req: Request, res: Response, status: number, text: string, headers?: Record<string, string>): void {
  send(ctx, req, res, { provider: PROVIDER, status, body: { detail: text }, schema: MsDetailError, headers });
}

export const NOT_FOUND = "Not found.";

export function notFound(call: Call): void {
  detail(call.ctx, call.req, call.res, 404, NOT_FOUND);
}

/** A 400 with DRF's field errors. */
export function invalid(call: Call, errors: ValidationErrors): void {
  reply(call, 400, errors, MsValidationError);
}

const readRaw = bodyReader(BODY_LIMIT_BYTES);

/** Django's answer to a body it cannot take: over DATA_UPLOAD_MAX_MEMORY_SIZE (RequestDataTooBig, a 400), or unreadable. */
function unreadableDetail(error: BodyError): string {
  if (error.kind === "tooLarge") return "Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.";
  if (error.kind === "tooDeep") return `JSON parse error - ${RECURSION_MESSAGE}`;
  return `JSON parse error - ${error.message}`;
}

/**
 * Reads the body as DRF's request.data and hands the handler a JSON object; a body that is not one
 * gets DRF's answer (415, "JSON parse error", or "Expected a dictionary"). A failure in the handler goes
 * to the router's last resort.
 */
export function withObjectBody(call: Call, use: (body: Readonly<Record<string, unknown>>) => void): void {
  const { req, res, next } = call;
  readRaw(req, res)
    .then(async (read) => {
      if (whenIdle(call.tenant) !== undefined) await resettleAfterLongJobs(call.tenant, "request");
      if (!read.ok) return detail(call.ctx, req, res, 400, unreadableDetail(read.error));
      const parsed = parseBody(req, read.bytes);
      req.body = parsed.ok ? parsed.data : undefined;
      if (!parsed.ok) return detail(call.ctx, req, res, parsed.status, parsed.detail);
      const object = asObject(parsed.data);
      if (!object.ok) return invalid(call, object.errors);
      use(object.body);
    })
    .catch(next);
}
