import type { Request, Response, Router } from "express";
import { SandboxAdvance, SandboxClock, SandboxFreeze, SandboxFreezeRequest } from "../../contracts/sandbox/clock.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { SandboxContext } from "../http/context.js";
import { untilIdle } from "../http/tenant-queue.js";
import { describeValue } from "./describe-value.js";
import { renderFired } from "./fired.js";
import { iso } from "./instant.js";
import { advanceAmount } from "./iso-duration.js";
import { defineRoute } from "./method-routes.js";
import { ownField } from "./own-field.js";
import { fail, reply } from "./reply.js";
import { advanceInSlices } from "./sliced-advance.js";
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
    POST: withTenant(ctx, async (req, res, tenant) => {
      const amount = advanceAmount(ownField(req.body, "by"), tenant.now());
      if (!amount.ok) {
        fail(ctx, req, res, 400, "invalid_duration", amount.message);
        return;
      }
      // A long move runs in slices: other tenants are served meanwhile, this tenant's calls wait for it.
      const report = await advanceInSlices(tenant, amount.ms, FIRED_LIST_LIMIT);
      reply(ctx, req, res, 200, { now: iso(report.now), fired: renderFired(report.fired), firedTotal: report.total }, SandboxAdvance);
    }),
  });

  defineRoute(ctx, router, "/clock/freeze", {
    POST: withTenant(ctx, async (req, res, tenant) => {
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
      await untilIdle(tenant);
      await freezeAt(ctx, req, res, tenant, parsed.data.at);
    }),
  });

  defineRoute(ctx, router, "/clock/resume", {
    POST: withTenant(ctx, async (req, res, tenant) => {
      await untilIdle(tenant);
      tenant.clock.resume();
      reply(ctx, req, res, 200, clockBody(tenant), SandboxClock);
    }),
  });
}

/** Freezes the clock at `wanted` (default now), moving it there first, in slices when that is far. */
async function freezeAt(ctx: SandboxContext, req: Request, res: Response, tenant: Tenant, wanted: string | undefined): Promise<void> {
  const now = tenant.now();
  const at = wanted === undefined ? now : Date.parse(wanted);
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
  const report = await advanceInSlices(tenant, at - now, FIRED_LIST_LIMIT);
  reply(ctx, req, res, 200, { now: iso(report.now), frozen: true, fired: renderFired(report.fired), firedTotal: report.total }, SandboxFreeze);
}

/** The `at` the caller sent (or the whole body when it is not an object), for the error message. */
function sentAt(body: unknown): unknown {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? ownField(body, "at") : body;
}
