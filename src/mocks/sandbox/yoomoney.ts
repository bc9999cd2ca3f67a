import express, { type Router } from "express";
import { YmModerationRequest, YmModerationResponse, YmOfferResponse } from "../../contracts/sandbox/yoomoney.js";
import { moderate } from "../../state/yoomoney/moderation.js";
import { takeOffer } from "../../state/yoomoney/offers.js";
import type { SandboxContext } from "../http/context.js";
import { defineRoute } from "./method-routes.js";
import { fail, reply } from "./reply.js";
import { withTenant } from "./tenant-handler.js";

const iso = (ms: number) => new Date(ms).toISOString();

function campaignIdParam(raw: unknown): number | undefined {
  return typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/** The YooMoney side the real API has no call for: the moderator, and users taking offers. */
export function yoomoneyControlRouter(ctx: SandboxContext): Router {
  const router = express.Router();

  defineRoute(ctx, router, "/yoomoney/campaigns/:id/moderation", {
    POST: withTenant(ctx, (req, res, tenant) => {
      const id = campaignIdParam(req.params.id);
      if (id === undefined) return fail(ctx, req, res, 404, "campaign_not_found", `"${req.params.id}" is not a ymCampaignId`);
      const body = YmModerationRequest.safeParse(req.body ?? {});
      if (!body.success) {
        return fail(ctx, req, res, 400, "invalid_request", `send {"decision": "approve" | "decline", "comment"?: string}: ${body.error.issues[0]?.message ?? "invalid body"}`);
      }
      const result = moderate(tenant, id, body.data.decision, body.data.comment ?? null);
      if (!result.ok) {
        if (result.error.kind === "notFound") return fail(ctx, req, res, 404, "campaign_not_found", `this tenant has no YooMoney campaign ${id}`);
        return fail(ctx, req, res, 409, "not_in_moderation", `campaign ${id} is ${result.error.status}, not in moderation; campaigns/create or campaigns/update sends it there`);
      }
      reply(ctx, req, res, 200, result.value, YmModerationResponse);
    }),
  });

  defineRoute(ctx, router, "/yoomoney/campaigns/:id/offers", {
    POST: withTenant(ctx, (req, res, tenant) => {
      const id = campaignIdParam(req.params.id);
      if (id === undefined) return fail(ctx, req, res, 404, "campaign_not_found", `"${req.params.id}" is not a ymCampaignId`);
      const result = takeOffer(tenant, id);
      if (!result.ok) {
        if (result.error.kind === "notFound") return fail(ctx, req, res, 404, "campaign_not_found", `this tenant has no YooMoney campaign ${id}`);
        return fail(ctx, req, res, 409, "campaign_not_started", `campaign ${id} is ${result.error.status}; users can take offers only while it is started`);
      }
      const offer = result.value;
      reply(ctx, req, res, 201, { ...offer, issuedAt: iso(offer.issuedAt), expiresAt: iso(offer.expiresAt) }, YmOfferResponse);
    }),
  });

  return router;
}
