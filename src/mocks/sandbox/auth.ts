import type { RequestHandler } from "express";
import type { AuthFailure } from "../../state/kernel/tenants.js";
import type { SandboxContext } from "../http/context.js";
import { bindTenant } from "../http/tenant-of.js";
import { fail } from "./reply.js";

const FAILURES: Record<AuthFailure, { code: string; message: string }> = {
  missing: {
    code: "unauthorized",
    message:
      "the Authorization header is missing or empty: send `Authorization: Bearer <token>` (in open mode any token names a tenant; POST /__sandbox/tokens issues one)",
  },
  expired: {
    code: "token_expired",
    message: "the token expired on its tenant's virtual clock: get a new one from POST /__sandbox/tokens",
  },
  unknown: {
    code: "unknown_token",
    message:
      "the sandbox runs with --auth strict and did not issue this token: get one from POST /__sandbox/tokens (or YooMoney users/login)",
  },
};

/**
 * The control plane's auth step: the `Authorization` header chooses the tenant, as for the providers.
 * The tenant then settles (due timers fire) so every handler sees its state as of now.
 */
export function authenticate(ctx: SandboxContext): RequestHandler {
  return (req, res, next) => {
    const result = ctx.registry.authenticate(req.headers.authorization);
    if (!result.ok) {
      const failure = FAILURES[result.reason];
      fail(ctx, req, res, 401, failure.code, failure.message, { "WWW-Authenticate": "Bearer" });
      return;
    }
    bindTenant(req, result.tenant);
    result.tenant.cause = "control";
    result.tenant.settle();
    next();
  };
}
