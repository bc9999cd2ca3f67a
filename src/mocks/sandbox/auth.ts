import type { RequestHandler } from "express";
import type { AuthFailure } from "../../state/kernel/tenants.js";
import type { SandboxContext } from "../http/context.js";
import { bindTenant } from "../http/tenant-of.js";
import { untilIdle, whenIdle } from "../http/tenant-queue.js";
import { callerOf } from "./admin.js";
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

/** The admin token is no tenant's: a tenant call sent with it is refused (it would otherwise name a tenant in open mode). */
const ADMIN_IS_NO_TENANT =
  'the admin token acts on no tenant of its own: mint a token for the tenant you mean with POST /__sandbox/tokens {"tenant": "<tenant id>"} (sending the admin token), then send that token';

/**
 * The control plane's auth step: the `Authorization` header chooses the tenant, as for the providers.
 * The tenant then settles (due timers fire) so every handler sees its state as of now. Every call behind
 * it acts on that tenant only.
 */
export function authenticate(ctx: SandboxContext): RequestHandler {
  return async (req, res, next) => {
    if (callerOf(ctx, req.headers.authorization) === "admin") {
      fail(ctx, req, res, 403, "forbidden", ADMIN_IS_NO_TENANT);
      return;
    }
    const result = ctx.registry.authenticate(req.headers.authorization);
    if (!result.ok) {
      const failure = FAILURES[result.reason];
      fail(ctx, req, res, 401, failure.code, failure.message, { "WWW-Authenticate": "Bearer" });
      return;
    }
    bindTenant(req, result.tenant);
    // A long job of this tenant (a clock move in slices) finishes before its next call touches it.
    if (whenIdle(result.tenant) !== undefined) await untilIdle(result.tenant);
    result.tenant.cause = "control";
    result.tenant.settle();
    next();
  };
}
