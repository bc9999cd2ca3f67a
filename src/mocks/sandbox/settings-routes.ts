import type { Router } from "express";
import {
  SandboxConsistencyMode,
  SandboxModerationMode,
  SandboxRateLimitMode,
  SandboxSettings,
  SandboxSettingsPatch,
} from "../../contracts/sandbox/settings.js";
import { describeIssues } from "../../state/kernel/issues.js";
import type { Settings } from "../../state/kernel/settings.js";
import type { SandboxContext } from "../http/context.js";
import { defineRoute } from "./method-routes.js";
import { fail, reply } from "./reply.js";
import { withTenant } from "./tenant-handler.js";

const ALLOWED = [
  `rateLimits: ${SandboxRateLimitMode.options.join("|")}`,
  `consistency: ${SandboxConsistencyMode.options.join("|")}`,
  `moderation: ${SandboxModerationMode.options.join("|")}`,
].join(", ");

function settingsBody(settings: Settings): SandboxSettings {
  return { rateLimits: settings.rateLimits, consistency: settings.consistency, moderation: settings.moderation };
}

/** `GET`/`PATCH /settings`: the tenant's settings; a PATCH changes any subset of them. */
export function settingsRoutes(ctx: SandboxContext, router: Router): void {
  defineRoute(ctx, router, "/settings", {
    GET: withTenant(ctx, (req, res, tenant) => reply(ctx, req, res, 200, settingsBody(tenant.settings), SandboxSettings)),
    PATCH: withTenant(ctx, (req, res, tenant) => {
      const parsed = SandboxSettingsPatch.safeParse(req.body ?? {});
      if (!parsed.success) {
        fail(
          ctx,
          req,
          res,
          400,
          "invalid_settings",
          `send a JSON object with any of ${ALLOWED} (no other keys): ${describeIssues(parsed.error)}`,
        );
        return;
      }
      const patch = parsed.data;
      tenant.settings = {
        rateLimits: patch.rateLimits ?? tenant.settings.rateLimits,
        consistency: patch.consistency ?? tenant.settings.consistency,
        moderation: patch.moderation ?? tenant.settings.moderation,
      };
      reply(ctx, req, res, 200, settingsBody(tenant.settings), SandboxSettings);
    }),
  });
}
