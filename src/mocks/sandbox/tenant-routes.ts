import { SandboxTenants, type SandboxTenantSummary } from "../../contracts/sandbox/tenants.js";
import type { Answer } from "../http/answer.js";
import type { OpenCall } from "../http/handler.js";
import { adminRefusal, callerOf, refuse } from "./admin.js";
import { reply } from "./answers.js";
import type { ControlBody } from "./control-plug.js";
import { iso } from "./instant.js";

/** `GET /tenants` (admin token only): every tenant by id, with its real creation and last-use times and token count. */
export function listTenants({ registry, exchange }: OpenCall<ControlBody>): Answer {
  const caller = callerOf(registry, exchange.req.headers.authorization);
  if (caller !== "admin") return refuse(adminRefusal(registry, caller, "listing tenants"));
  registry.sweep(); // tenants idle past --tenant-ttl are gone, not listed
  const counts = registry.tokens.countByTenant();
  const tenants: SandboxTenantSummary[] = [];
  for (const tenant of registry.all()) {
    const activity = registry.activityOf(tenant.id);
    if (activity === undefined) continue;
    tenants.push({
      tenant: tenant.id,
      createdAt: iso(activity.createdAt),
      lastUsedAt: iso(activity.lastUsedAt),
      tokens: counts.get(tenant.id) ?? 0,
    });
  }
  return reply(200, { tenants }, SandboxTenants);
}
