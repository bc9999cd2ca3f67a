import type { Router } from "express";
import { WbModerationRequest, WbModerationResponse } from "../../contracts/sandbox/wildberries-campaigns.js";
import { findCampaign } from "../../state/wildberries/campaign-lookup.js";
import { declineCampaign } from "../../state/wildberries/campaign-machine.js";
import type { SandboxContext } from "../http/context.js";
import { defineRoute } from "./method-routes.js";
import { fail, reply } from "./reply.js";
import { withTenant } from "./tenant-handler.js";

function advertIdParam(raw: unknown): number | undefined {
  return typeof raw === "string" && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
}

/** Control-plane routes for Wildberries: the moderator's decline (status 8) of a promotion campaign. */
export function wildberriesCampaignControl(ctx: SandboxContext, router: Router): void {
  defineRoute(ctx, router, "/wildberries/campaigns/:advertId/moderation", {
    POST: withTenant(ctx, (req, res, tenant) => {
      const id = advertIdParam(req.params["advertId"]);
      if (id === undefined) return fail(ctx, req, res, 404, "campaign_not_found", `"${String(req.params["advertId"])}" is not an advertId`);
      const body = WbModerationRequest.safeParse(req.body ?? {});
      if (!body.success) return fail(ctx, req, res, 400, "invalid_request", `send {"decision": "decline"}: ${body.error.issues[0]?.message ?? "invalid body"}`);
      const campaign = findCampaign(tenant, id);
      if (campaign === undefined) return fail(ctx, req, res, 404, "campaign_not_found", `this tenant has no Wildberries promotion campaign ${id}`);
      const result = declineCampaign(tenant, campaign);
      if (!result.ok) {
        return fail(ctx, req, res, 409, "not_declinable", `campaign ${id} has status ${campaign.status}; only campaigns in 4, 9 or 11 can be declined`);
      }
      reply(ctx, req, res, 200, { advertId: id, status: 8 }, WbModerationResponse);
    }),
  });
}
