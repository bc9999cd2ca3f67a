import { z } from "zod";

/**
 * The `--state-file` document: every tenant's snapshot (each as `GET /__sandbox/state` returns it, checked
 * again on import), the tokens the sandbox issued and the login passwords' hashes, so both survive a restart.
 */
export const SandboxStateFile = z
  .object({
    schemaVersion: z.literal(1),
    tenants: z.array(z.unknown()),
    tokens: z.array(
      z.object({ token: z.string().min(1), tenantId: z.string().min(1), subject: z.string(), expiresAt: z.number().int() }),
    ),
    tokenSerial: z.number().int().nonnegative(),
    passwords: z
      .array(z.object({ login: z.string().min(1), salt: z.string().min(1), hash: z.string().min(1) }))
      .optional()
      .meta({ description: "YooMoney login names' passwords (strict mode) as salted scrypt hashes; absent in files written before" }),
  })
  .meta({ id: "SandboxStateFile" });
export type SandboxStateFile = z.infer<typeof SandboxStateFile>;
