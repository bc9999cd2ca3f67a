import type { Request, RequestHandler, Response } from "express";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { SandboxContext } from "../http/context.js";
import { tenantOf } from "../http/tenant-of.js";
import { resettleAfterLongJobs, whenIdle } from "../http/tenant-queue.js";
import { fail } from "./reply.js";

/** A handler may answer later (a clock move in slices); a failure goes to the control plane's last resort. */
export type TenantHandler = (req: Request, res: Response, tenant: Tenant) => void | Promise<void>;

/**
 * A handler behind the control plane's auth step, given the caller's tenant. A long job of the tenant
 * that started while the call's body was read finishes first.
 */
export function withTenant(ctx: SandboxContext, handler: TenantHandler): RequestHandler {
  return async (req, res) => {
    const tenant = tenantOf(req);
    if (tenant === undefined) {
      fail(ctx, req, res, 401, "unauthorized", "this call needs a tenant: send `Authorization: Bearer <token>`");
      return;
    }
    if (whenIdle(tenant) !== undefined) await resettleAfterLongJobs(tenant, "control");
    await handler(req, res, tenant);
  };
}
