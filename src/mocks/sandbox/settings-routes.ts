import type { SandboxRoutes } from "../../contracts/sandbox/routes.js";
import {
  SandboxConsistencyMode,
  SandboxModerationMode,
  SandboxRateLimitMode,
  SandboxSettings,
  SandboxSettingsPatch,
} from "../../contracts/sandbox/settings.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { Settings } from "../../state/kernel/settings.js";
import { fail, reply } from "./answers.js";
import type { SomeControlHandlers } from "./control-plug.js";

const ALLOWED = [
  `rateLimits: ${SandboxRateLimitMode.options.join("|")}`,
  `consistency: ${SandboxConsistencyMode.options.join("|")}`,
  `moderation: ${SandboxModerationMode.options.join("|")}`,
].join(", ");

function settingsBody(settings: Settings): SandboxSettings {
  return { rateLimits: settings.rateLimits, consistency: settings.consistency, moderation: settings.moderation };
}

/** `GET`/`PATCH /settings`: the tenant's settings; a PATCH changes any subset of them. */
export const SETTINGS_HANDLERS = {
  getSettings: ({ tenant }) => reply(200, settingsBody(tenant.settings), SandboxSettings),
  patchSettings: ({ tenant, body }) => {
    const parsed = SandboxSettingsPatch.safeParse(body ?? {});
    if (!parsed.success) return fail(400, "invalid_settings", `send a JSON object with any of ${ALLOWED} (no other keys): ${describeIssues(parsed.error)}`);
    const patch = parsed.data;
    tenant.settings = {
      rateLimits: patch.rateLimits ?? tenant.settings.rateLimits,
      consistency: patch.consistency ?? tenant.settings.consistency,
      moderation: patch.moderation ?? tenant.settings.moderation,
    };
    return reply(200, settingsBody(tenant.settings), SandboxSettings);
  },
} satisfies SomeControlHandlers<SandboxRoutes>;
