import type { Request } from "express";
import type { Tenant } from "../../state/kernel/tenant.js";

/** The tenant an authenticated request belongs to (set by each adapter's auth step). */
const tenants = new WeakMap<Request, Tenant>();

export function bindTenant(req: Request, tenant: Tenant): void {
  tenants.set(req, tenant);
}

export function tenantOf(req: Request): Tenant | undefined {
  return tenants.get(req);
}
