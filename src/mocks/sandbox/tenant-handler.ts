import type { Request, RequestHandler, Response } from "express";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { SandboxContext } from "../http/context.js";
import { tenantOf } from "../http/tenant-of.js";
import { fail } from "./reply.js";

export type TenantHandler = (req: Request, res: Response, tenant: Tenant) => void;

/** A handler behind the control plane's auth step, given the caller's tenant. */
export function withTenant(ctx: SandboxContext, handler: TenantHandler): RequestHandler {
  return (req, res) => {
    const tenant = tenantOf(req);
    if (tenant === undefined) {
      fail(ctx, req, res, 401, "unauthorized", "this call needs a tenant: send `Authorization: Bearer <token>`");
      return;
    }
    handler(req, res, tenant);
  };
}
