import { z } from "zod";
import { SandboxInstant, SandboxTenantId } from "./scalars.js";

/**
 * `POST /__sandbox/tokens`: issues a token, honoured in strict mode too. No token needed for a new tenant;
 * naming one needs the admin token (or that tenant's own token).
 */
export const SandboxTokenRequest = z
  .object({
    tenant: SandboxTenantId.max(512).optional().meta({
        description:
          "The tenant the token names; default a new tenant with a random, unguessable name. Naming one needs the admin token or a valid token of that tenant (anyone may in open mode when the sandbox has no admin token)",
      }),
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
