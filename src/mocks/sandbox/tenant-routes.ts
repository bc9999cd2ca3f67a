import { SandboxTenants, type SandboxTenantSummary } from "../../contracts/sandbox/tenants.js";
import type { Answer } from "../http/answer.js";
import type { CallLog } from "../http/call-log.js";
import type { OpenCall, OpenHandler } from "../http/handler.js";
import { adminRefusal, callerOf, refuse } from "./admin.js";
import { reply } from "./answers.js";
import type { ControlBody } from "./control-plug.js";
import { iso } from "./instant.js";

/**
 * `GET /tenants` (admin token only): every tenant by id, with its real creation and last-use times and token
 * count. With a shared store (`--store`), the store's tenants too, loaded on this replica or not (they exist for
 * their users: a call loads them), each with its earliest creation and latest use on any replica.
 */
export function listTenantsHandler(calls: () => CallLog | undefined): OpenHandler<ControlBody> {
  return async ({ registry, exchange }: OpenCall<ControlBody>): Promise<Answer> => {
    const caller = callerOf(registry, exchange.req.headers.authorization);
    if (caller !== "admin") return refuse(adminRefusal(registry, caller, "listing tenants"));
    const stored = await calls()?.storedTenants?.();
    registry.sweep(); // tenants idle past --tenant-ttl are gone, not listed
    const uses = new Map<string, { createdAt: number; lastUsedAt: number }>();
    for (const use of stored ?? []) uses.set(use.tenant, { createdAt: use.createdAt, lastUsedAt: use.lastUsedAt });
    for (const tenant of registry.all()) {
      const activity = registry.activityOf(tenant.id);
      if (activity === undefined) continue;
      const known = uses.get(tenant.id);
      uses.set(tenant.id, known === undefined ? activity : { createdAt: Math.min(known.createdAt, activity.createdAt), lastUsedAt: Math.max(known.lastUsedAt, activity.lastUsedAt) });
    }
    const counts = registry.tokens.countByTenant();
    const tenants: SandboxTenantSummary[] = [...uses].map(([tenant, use]) => ({
      tenant,
      createdAt: iso(use.createdAt),
      lastUsedAt: iso(use.lastUsedAt),
      tokens: counts.get(tenant) ?? 0,
    }));
    return reply(200, { tenants }, SandboxTenants);
  };
}
