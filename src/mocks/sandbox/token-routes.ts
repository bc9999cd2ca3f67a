import type { Router } from "express";
import { LATEST_INSTANT_MS } from "../../contracts/sandbox/scalars.js";
import { SandboxToken, SandboxTokenRequest } from "../../contracts/sandbox/tokens.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { SandboxContext } from "../http/context.js";
import { iso } from "./instant.js";
import { defineRoute } from "./method-routes.js";
import { fail, reply } from "./reply.js";

const DEFAULT_EXPIRES_IN_S = 3600;

/** `POST /tokens`: issues a token for a tenant (a new `tenant-<n>` by default); no token needed. */
export function tokenRoutes(ctx: SandboxContext, router: Router): void {
  let counter = 0;
  const newTenantId = (): string => {
    let id: string;
    do id = `tenant-${++counter}`;
    while (ctx.registry.peek(id) !== undefined);
    return id;
  };

  defineRoute(ctx, router, "/tokens", {
    POST: (req, res) => {
      const parsed = SandboxTokenRequest.safeParse(req.body ?? {});
      if (!parsed.success) {
        fail(
          ctx,
          req,
          res,
          400,
          "invalid_request",
          `POST /__sandbox/tokens takes {"tenant"?: a non-empty string, "expiresIn"?: seconds, a whole number > 0}: ${describeIssues(parsed.error)}`,
        );
        return;
      }
      const tenantId = parsed.data.tenant ?? newTenantId();
      const tenant = ctx.registry.get(tenantId);
      const expiresAt = tenant.now() + (parsed.data.expiresIn ?? DEFAULT_EXPIRES_IN_S) * 1000;
      if (expiresAt > LATEST_INSTANT_MS) {
        fail(ctx, req, res, 400, "invalid_request", "expiresIn: the token would expire after 9999-12-31T23:59:59.999Z; ask for a shorter lifetime");
        return;
      }
      const issued = ctx.registry.tokens.issue(tenantId, "sandbox", expiresAt);
      reply(ctx, req, res, 201, { token: issued.token, tenant: tenantId, expiresAt: iso(issued.expiresAt) }, SandboxToken);
    },
  });
}
