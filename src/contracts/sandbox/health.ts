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

/** `GET /__sandbox/health` when the sandbox stopped recording calls (its data directory could not be written). */
export const SandboxHealthFailed = z
  .object({
    status: z.literal("store_failed"),
    version: z.string(),
    providers: z.array(z.string()).meta({ description: "The providers this sandbox serves" }),
    message: z.string().meta({ description: "What failed (the data directory, the OS error) and what to do: free space or fix the disk, then restart the sandbox" }),
  })
  .meta({ id: "SandboxHealthFailed" });
export type SandboxHealthFailed = z.infer<typeof SandboxHealthFailed>;
