import type { IncomingMessage } from "node:http";
import type { Tenant } from "../../state/kernel/tenant.js";

/** The tenant an authenticated request belongs to (set by each adapter's auth step). */
const tenants = new WeakMap<IncomingMessage, Tenant>();

export function bindTenant(req: IncomingMessage, tenant: Tenant): void {
  tenants.set(req, tenant);
}

export function tenantOf(req: IncomingMessage): Tenant | undefined {
  return tenants.get(req);
}
