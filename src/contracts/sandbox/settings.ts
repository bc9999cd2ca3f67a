import { z } from "zod";

/** A tenant's settings (`GET`/`PATCH /__sandbox/settings`); the server flags give the defaults. */
export const SandboxRateLimitMode = z
  .enum(["enforce", "off"])
  .meta({ id: "SandboxRateLimitMode", description: "enforce: answer 429 as the provider does; off: never 429" });
export const SandboxConsistencyMode = z.enum(["realistic", "immediate"]).meta({
  id: "SandboxConsistencyMode",
  description: "realistic: changes show with the provider's delays; immediate: at once",
});
export const SandboxModerationMode = z.enum(["manual", "auto"]).meta({
  id: "SandboxModerationMode",
  description: "manual: wait for the control plane's verdict; auto: approve 5 virtual minutes after submission",
});

export const SandboxSettings = z
  .object({ rateLimits: SandboxRateLimitMode, consistency: SandboxConsistencyMode, moderation: SandboxModerationMode })
  .meta({ id: "SandboxSettings" });
export type SandboxSettings = z.infer<typeof SandboxSettings>;

/** Any subset of the settings; unknown keys are refused so that a typo does not silently do nothing. */
export const SandboxSettingsPatch = z
  .strictObject({
    rateLimits: SandboxRateLimitMode.optional(),
    consistency: SandboxConsistencyMode.optional(),
    moderation: SandboxModerationMode.optional(),
  })
  .meta({ id: "SandboxSettingsPatch" });
export type SandboxSettingsPatch = z.infer<typeof SandboxSettingsPatch>;
