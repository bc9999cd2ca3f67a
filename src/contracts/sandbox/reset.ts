import { z } from "zod";
import { SandboxTenantId } from "./scalars.js";

/** `POST /__sandbox/reset`: the caller's tenant is wiped. */
export const SandboxReset = z
  .object({ tenant: SandboxTenantId, reset: z.literal(true) })
  .meta({ id: "SandboxReset" });
export type SandboxReset = z.infer<typeof SandboxReset>;
