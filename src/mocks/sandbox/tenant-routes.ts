import type { Router } from "express";
import { SandboxTenants, type SandboxTenantSummary } from "../../contracts/sandbox/tenants.js";
import type { SandboxContext } from "../http/context.js";
import { adminRefusal, callerOf, refuse } from "./admin.js";
import { iso } from "./instant.js";
import { defineRoute } from "./method-routes.js";
import { reply } from "./reply.js";

/** `GET /tenants` (admin token only): every tenant by id, with its real creation and last-use times and token count. */
export function tenantRoutes(ctx: SandboxContext, router: Router): void {
  defineRoute(ctx, router, "/tenants", {
    GET: (req, res) => {
      const caller = callerOf(ctx, req.headers.authorization);
      if (caller !== "admin") {
        refuse(ctx, req, res, adminRefusal(ctx, caller, "listing tenants"));
        return;
      }
      ctx.registry.sweep(); // tenants idle past --tenant-ttl are gone, not listed
      const counts = ctx.registry.tokens.countByTenant();
      const tenants: SandboxTenantSummary[] = [];
      for (const tenant of ctx.registry.all()) {
        const activity = ctx.registry.activityOf(tenant.id);
        if (activity === undefined) continue;
        tenants.push({
          tenant: tenant.id,
          createdAt: iso(activity.createdAt),
          lastUsedAt: iso(activity.lastUsedAt),
          tokens: counts.get(tenant.id) ?? 0,
        });
      }
      reply(ctx, req, res, 200, { tenants }, SandboxTenants);
    },
  });
}
