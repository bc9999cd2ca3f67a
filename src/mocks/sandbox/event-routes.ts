import type { Router } from "express";
import { SandboxEvents, SandboxEventsQuery } from "../../contracts/sandbox/events.js";
import type { DomainEvent } from "../../state/kernel/events.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { JsonObject } from "../../state/kernel/json.js";
import type { SandboxContext } from "../http/context.js";
import { iso } from "./instant.js";
import { defineRoute } from "./method-routes.js";
import { fail, reply } from "./reply.js";
import { withTenant } from "./tenant-handler.js";

function matches(event: DomainEvent, query: SandboxEventsQuery): boolean {
  if (query.provider !== undefined && event.provider !== query.provider) return false;
  if (query.entity !== undefined && event.entity !== query.entity) return false;
  if (query.id !== undefined && event.id !== query.id) return false;
  if (query.since !== undefined && event.seq <= Number(query.since)) return false;
  return true;
}

function render(event: DomainEvent): JsonObject {
  const out: JsonObject = {
    seq: event.seq,
    at: iso(event.at),
    provider: event.provider,
    entity: event.entity,
    id: event.id,
    from: event.from,
    to: event.to,
    cause: event.cause,
  };
  if (event.detail !== undefined) out.detail = event.detail;
  return out;
}

/** `GET /events`: the tenant's domain events, every state change with its cause. */
export function eventRoutes(ctx: SandboxContext, router: Router): void {
  defineRoute(ctx, router, "/events", {
    GET: withTenant(ctx, (req, res, tenant) => {
      const parsed = SandboxEventsQuery.safeParse(req.query);
      if (!parsed.success) {
        fail(
          ctx,
          req,
          res,
          400,
          "invalid_query",
          `GET /__sandbox/events takes provider, entity, id and since (an event seq), each at most once: ${describeIssues(parsed.error)}`,
        );
        return;
      }
      const query = parsed.data;
      const events = tenant.events.toArray().filter((event) => matches(event, query)).map(render);
      reply(ctx, req, res, 200, { events }, SandboxEvents);
    }),
  });
}
