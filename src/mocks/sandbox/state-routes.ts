import type { Router } from "express";
import { SandboxReset } from "../../contracts/sandbox/reset.js";
import { SandboxState, SandboxStateImported } from "../../contracts/sandbox/state.js";
import { exportSnapshot, importSnapshot } from "../../state/kernel/snapshot.js";
import type { SandboxContext } from "../http/context.js";
import { defineRoute } from "./method-routes.js";
import { fail, reply } from "./reply.js";
import { withTenant } from "./tenant-handler.js";

/** `POST /reset`, `GET`/`PUT /state`: wipe, export or replace the caller's whole tenant. */
export function stateRoutes(ctx: SandboxContext, router: Router): void {
  defineRoute(ctx, router, "/reset", {
    POST: withTenant(ctx, (req, res, tenant) => {
      ctx.registry.reset(tenant.id);
      reply(ctx, req, res, 200, { tenant: tenant.id, reset: true }, SandboxReset);
    }),
  });

  defineRoute(ctx, router, "/state", {
    GET: withTenant(ctx, (req, res, tenant) => {
      reply(ctx, req, res, 200, exportSnapshot(ctx.registry, tenant), SandboxState);
    }),
    PUT: withTenant(ctx, (req, res, tenant) => {
      const body: unknown = req.body;
      if (body === undefined || (typeof body === "object" && body !== null && Object.keys(body).length === 0)) {
        fail(ctx, req, res, 400, "invalid_state", "the body is empty: send a snapshot as GET /__sandbox/state returns it");
        return;
      }
      const result = importSnapshot(ctx.registry, tenant.id, body);
      if (!result.ok) {
        fail(ctx, req, res, 400, "invalid_state", `the snapshot was not imported and the tenant is unchanged: ${result.message}`);
        return;
      }
      reply(ctx, req, res, 200, { tenant: tenant.id, imported: true }, SandboxStateImported);
    }),
  });
}
