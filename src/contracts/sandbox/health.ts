import { z } from "zod";

/** `GET /__sandbox/health` (no token needed). */
export const SandboxHealth = z
  .object({
    status: z.literal("ok"),
    version: z.string(),
    providers: z.array(z.string()).meta({ description: "The providers this sandbox serves" }),
  })
  .meta({ id: "SandboxHealth" });
export type SandboxHealth = z.infer<typeof SandboxHealth>;
