import { z } from "zod";

/**
 * The `--state-file` document: every tenant's snapshot (each as `GET /__sandbox/state` returns it, checked
 * again on import) and the tokens the sandbox issued, so issued tokens survive a restart.
 */
export const SandboxStateFile = z
  .object({
    schemaVersion: z.literal(1),
    tenants: z.array(z.unknown()),
    tokens: z.array(
      z.object({ token: z.string().min(1), tenantId: z.string().min(1), subject: z.string(), expiresAt: z.number().int() }),
    ),
    tokenSerial: z.number().int().nonnegative(),
  })
  .meta({ id: "SandboxStateFile" });
export type SandboxStateFile = z.infer<typeof SandboxStateFile>;
