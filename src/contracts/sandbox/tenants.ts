import { z } from "zod";
import { SandboxInstant, SandboxTenantId } from "./scalars.js";

/** One tenant as `GET /__sandbox/tenants` (admin only) lists it. Times are real (wall-clock), not virtual. */
export const SandboxTenantSummary = z
  .object({
    tenant: SandboxTenantId,
    createdAt: SandboxInstant.meta({ description: "When the tenant was created (real time, since the last start or load)" }),
    lastUsedAt: SandboxInstant.meta({ description: "Its last call of any kind (real time)" }),
    tokens: z.int().nonnegative().meta({ description: "Tokens issued for it (users/login, POST /__sandbox/tokens), expired ones included" }),
  })
  .meta({ id: "SandboxTenantSummary" });
export type SandboxTenantSummary = z.infer<typeof SandboxTenantSummary>;

/** `GET /__sandbox/tenants` (admin token only): every tenant of this sandbox, by id. */
export const SandboxTenants = z
  .object({ tenants: z.array(SandboxTenantSummary) })
  .meta({ id: "SandboxTenants" });
export type SandboxTenants = z.infer<typeof SandboxTenants>;
