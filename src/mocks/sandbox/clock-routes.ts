import { SandboxAdvance, SandboxClock, SandboxFreeze, SandboxFreezeRequest } from "../../contracts/sandbox/clock.js";
import type { SandboxRoutes } from "../../contracts/sandbox/routes.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { Answer } from "../http/answer.js";
import { untilIdle } from "../http/tenant-queue.js";
import { fail, reply } from "./answers.js";
import type { SomeControlHandlers } from "./control-plug.js";
import { describeValue } from "./describe-value.js";
import { renderFired } from "./fired.js";
import { iso } from "./instant.js";
import { advanceAmount } from "./iso-duration.js";
import { ownField } from "./own-field.js";
import { advanceInSlices, denseTailOf } from "./sliced-advance.js";

/** A clock move lists at most this many fired timers (the first ones); firedTotal counts them all. */
export const FIRED_LIST_LIMIT = 1000;

function clockBody(tenant: Tenant): { now: string; frozen: boolean } {
  return { now: iso(tenant.now()), frozen: tenant.clock.frozen };
}

/** Freezes the clock at `wanted` (default now), moving it there first, in slices when that is far. */
async function freezeAt(tenant: Tenant, wanted: string | undefined, denseTailMs: number): Promise<Answer> {
  const now = tenant.now();
  const at = wanted === undefined ? now : Date.parse(wanted);
  if (at < now) {
    return fail(
      409,
      "clock_backwards",
      `cannot freeze at ${iso(at)}: the tenant's clock already reads ${iso(now)} and only moves forward (timers that fired cannot be undone); freeze at or after now, or POST /__sandbox/reset`,
    );
  }
  // Freeze at the instant checked above, then move exactly to `at`, firing what falls due on the way.
  tenant.clock.freeze(now);
  const report = await advanceInSlices(tenant, at - now, FIRED_LIST_LIMIT, denseTailMs);
  return reply(200, { now: iso(report.now), frozen: true, fired: renderFired(report.fired), firedTotal: report.total }, SandboxFreeze);
}

/** The `at` the caller sent (or the whole body when it is not an object), for the error message. */
function sentAt(body: unknown): unknown {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? ownField(body, "at") : body;
}

/** The tenant's virtual clock: read, advance (firing what falls due), freeze, resume. */
export const CLOCK_HANDLERS = {
  getClock: ({ tenant }) => reply(200, clockBody(tenant), SandboxClock),
  advanceClock: async ({ tenant, registry, body }) => {
    const amount = advanceAmount(ownField(body, "by"), tenant.now());
    if (!amount.ok) return fail(400, "invalid_duration", amount.message);
    // A long move runs in slices: other tenants are served meanwhile, this tenant's calls wait for it.
    const report = await advanceInSlices(tenant, amount.ms, FIRED_LIST_LIMIT, denseTailOf(registry.options.providers));
    return reply(200, { now: iso(report.now), fired: renderFired(report.fired), firedTotal: report.total }, SandboxAdvance);
  },
  freezeClock: async ({ tenant, registry, body }) => {
    const parsed = SandboxFreezeRequest.safeParse(body ?? {});
    if (!parsed.success) {
      return fail(
        400,
        "invalid_time",
        `"at" must be an ISO-8601 date-time with seconds and an offset or Z, e.g. "2026-01-15T09:00:00Z" or "2026-01-15T12:00:00+03:00" (or leave it out to freeze now); got ${describeValue(sentAt(body))}`,
      );
    }
    await untilIdle(tenant);
    return freezeAt(tenant, parsed.data.at, denseTailOf(registry.options.providers));
  },
  resumeClock: async ({ tenant }) => {
    await untilIdle(tenant);
    tenant.clock.resume();
    return reply(200, clockBody(tenant), SandboxClock);
  },
} satisfies SomeControlHandlers<SandboxRoutes>;
