import { z } from "zod";
import { SandboxInstant, SandboxTenantId } from "./scalars.js";

/** `POST /__sandbox/tokens` (no token needed): issues a token for a tenant, honoured in strict mode too. */
export const SandboxTokenRequest = z
  .object({
    tenant: SandboxTenantId.max(512).optional().meta({ description: "The tenant the token names; default a new tenant-<n>" }),
    expiresIn: z
      .int()
      .positive()
      .max(100 * 365 * 24 * 3600)
      .optional()
      .meta({ description: "Lifetime in seconds on the tenant's virtual clock; default 3600" }),
  })
  .meta({ id: "SandboxTokenRequest" });
export type SandboxTokenRequest = z.infer<typeof SandboxTokenRequest>;

export const SandboxToken = z
  .object({
    token: z.string().meta({ description: "Send it as `Authorization: Bearer <token>`" }),
    tenant: SandboxTenantId,
    expiresAt: SandboxInstant,
  })
  .meta({ id: "SandboxToken" });
export type SandboxToken = z.infer<typeof SandboxToken>;
