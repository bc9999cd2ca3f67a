import express, { type Router } from "express";
import { MsPartnerRequest, MsPartnerResponse } from "../../contracts/sandbox/myshare.js";
import { joinPartner } from "../../state/myshare/partners.js";
import type { SandboxContext } from "../http/context.js";
import { defineRoute } from "./method-routes.js";
import { fail, reply } from "./reply.js";
import { withTenant } from "./tenant-handler.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The myshare side the real API has no call for: partners joining a catalog. */
export function myshareControlRouter(ctx: SandboxContext): Router {
  const router = express.Router();

  defineRoute(ctx, router, "/myshare/partners", {
    POST: withTenant(ctx, (req, res, tenant) => {
      const body = MsPartnerRequest.safeParse(req.body ?? {});
      const percent = body.success && body.data.promo_percent !== undefined ? Number(body.data.promo_percent) : undefined;
      if (!body.success || (percent !== undefined && !Number.isFinite(percent))) {
        const issue = body.success ? "promo_percent must be a number" : (body.error.issues[0]?.message ?? "invalid body");
        return fail(ctx, req, res, 400, "invalid_request", `send {"catalog_id": <the catalog's UUID>, "promo_percent"?: number}: ${issue}`);
      }
      const catalogId = body.data.catalog_id.trim().toLowerCase();
      if (!UUID.test(catalogId)) {
        return fail(ctx, req, res, 404, "catalog_not_found", `"${body.data.catalog_id}" is not a catalog UUID; use the id POST /catalog/ returned`);
      }
      const joined = joinPartner(tenant, catalogId, percent);
      if (!joined.ok) {
        if (joined.error.kind === "catalogNotFound") {
          return fail(ctx, req, res, 404, "catalog_not_found", `this tenant has no myshare catalog ${catalogId}`);
        }
        const { min, max } = joined.error;
        return fail(
          ctx,
          req,
          res,
          400,
          "promo_percent_out_of_range",
          `promo_percent ${percent} is outside the catalog's range ${min}-${max} (min_promo_code_percent-max_promo_code_percent); PATCH the catalog to widen it`,
        );
      }
      const partner = joined.value;
      reply(ctx, req, res, 201, { partner_id: partner.id, promo_code: partner.promoCode, uid: partner.uid }, MsPartnerResponse);
    }),
  });

  return router;
}
