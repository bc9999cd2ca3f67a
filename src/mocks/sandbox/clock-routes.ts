import type { Router } from "express";
import { SandboxAdvance, SandboxClock, SandboxFreeze, SandboxFreezeRequest } from "../../contracts/sandbox/clock.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { SandboxContext } from "../http/context.js";
import { describeValue } from "./describe-value.js";
import { renderFired } from "./fired.js";
import { iso } from "./instant.js";
import { advanceAmount } from "./iso-duration.js";
import { defineRoute } from "./method-routes.js";
import { ownField } from "./own-field.js";
import { fail, reply } from "./reply.js";
import { withTenant } from "./tenant-handler.js";

/** A clock move lists at most this many fired timers (the first ones); firedTotal counts them all. */
export const FIRED_LIST_LIMIT = 1000;

function clockBody(tenant: Tenant): { now: string; frozen: boolean } {
  return { now: iso(tenant.now()), frozen: tenant.clock.frozen };
}

/** The tenant's virtual clock: read, advance (firing what falls due), freeze, resume. */
export function clockRoutes(ctx: SandboxContext, router: Router): void {
  defineRoute(ctx, router, "/clock", {
    GET: withTenant(ctx, (req, res, tenant) => reply(ctx, req, res, 200, clockBody(tenant), SandboxClock)),
  });

  defineRoute(ctx, router, "/clock/advance", {
    POST: withTenant(ctx, (req, res, tenant) => {
      const amount = advanceAmount(ownField(req.body, "by"), tenant.now());
      if (!amount.ok) {
        fail(ctx, req, res, 400, "invalid_duration", amount.message);
        return;
      }
      const report = tenant.advanceReport(amount.ms, FIRED_LIST_LIMIT);
      reply(ctx, req, res, 200, { now: iso(tenant.now()), fired: renderFired(report.fired), firedTotal: report.total }, SandboxAdvance);
    }),
  });

  defineRoute(ctx, router, "/clock/freeze", {
    POST: withTenant(ctx, (req, res, tenant) => {
      const parsed = SandboxFreezeRequest.safeParse(req.body ?? {});
      if (!parsed.success) {
        fail(
          ctx,
          req,
          res,
          400,
          "invalid_time",
          `"at" must be an ISO-8601 date-time with seconds and an offset or Z, e.g. "2026-01-15T09:00:00Z" or "2026-01-15T12:00:00+03:00" (or leave it out to freeze now); got ${describeValue(sentAt(req.body))}`,
        );
        return;
      }
      const now = tenant.now();
      const at = parsed.data.at === undefined ? now : Date.parse(parsed.data.at);
      if (at < now) {
        fail(
          ctx,
          req,
          res,
          409,
          "clock_backwards",
          `cannot freeze at ${iso(at)}: the tenant's clock already reads ${iso(now)} and only moves forward (timers that fired cannot be undone); freeze at or after now, or POST /__sandbox/reset`,
        );
        return;
      }
      // Freeze at the instant checked above, then move exactly to `at`, firing what falls due on the way.
      tenant.clock.freeze(now);
      const report = tenant.advanceReport(at - now, FIRED_LIST_LIMIT);
      reply(ctx, req, res, 200, { now: iso(tenant.now()), frozen: true, fired: renderFired(report.fired), firedTotal: report.total }, SandboxFreeze);
    }),
  });

  defineRoute(ctx, router, "/clock/resume", {
    POST: withTenant(ctx, (req, res, tenant) => {
      tenant.clock.resume();
      reply(ctx, req, res, 200, clockBody(tenant), SandboxClock);
    }),
  });
}

/** The `at` the caller sent (or the whole body when it is not an object), for the error message. */
function sentAt(body: unknown): unknown {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? ownField(body, "at") : body;
}
