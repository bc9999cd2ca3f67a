import { MS_CONTROL, MsOverview, MsPartnerRequest, MsPartnerResponse, MsRejectionRequest } from "../../contracts/myshare/control.js";
import { MsDeal } from "../../contracts/myshare/deal.js";
import { findDeal, rejectDeal } from "../../state/myshare/deals.js";
import { dealView } from "./views.js";
import { describeIssues } from "../../state/kernel/issues.js";
import { myshareOverview } from "../../state/myshare/overview.js";
import { joinPartner } from "../../state/myshare/partners.js";
import { iso } from "../sandbox/instant.js";
import { fail, reply } from "../sandbox/answers.js";
import { defineControl } from "../sandbox/control-plug.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The myshare side the real API has no call for (under /__sandbox): partners joining a catalog. */
export const myshareControl = defineControl(
  MS_CONTROL,
  {
    rejectMyshareDeal: ({ tenant, params, body }) => {
      const key = params["id"] ?? "";
      const parsed = MsRejectionRequest.safeParse(body ?? {});
      if (!parsed.success) return fail(400, "invalid_request", `send {"reason"?: string}: ${describeIssues(parsed.error)}`);
      const deal = findDeal(tenant, key);
      if (deal === undefined) return fail(404, "deal_not_found", `this tenant has no myshare deal with deal_id or system id "${key}"; POST /deal/ reports one`);
      const rejected = rejectDeal(tenant, deal, parsed.data.reason ?? null);
      if (!rejected.ok) {
        return fail(409, "deal_not_rejectable", `deal ${deal.dealId} is ${rejected.error.status}, which is final; only a Created or Paid deal can be rejected`);
      }
      return reply(200, dealView(tenant, rejected.value), MsDeal);
    },
    getMyshareOverview: ({ tenant }) => {
      const view = myshareOverview(tenant);
      const at = (ms: number | null) => (ms === null ? null : iso(ms));
      const deals = view.deals.map((d) => ({ ...d, conversionTime: iso(d.conversionTime), holdDeadline: at(d.holdDeadline), cancelDeadline: at(d.cancelDeadline) }));
      return reply(200, { ...view, deals }, MsOverview);
    },
    joinMysharePartner: ({ tenant, body }) => {
      const parsed = MsPartnerRequest.safeParse(body ?? {});
      const percent = parsed.success && parsed.data.promo_percent !== undefined ? Number(parsed.data.promo_percent) : undefined;
      if (!parsed.success || (percent !== undefined && !Number.isFinite(percent))) {
        const issue = parsed.success ? "promo_percent must be a number" : describeIssues(parsed.error);
        return fail(400, "invalid_request", `send {"catalog_id": <the catalog's UUID>, "promo_percent"?: number}: ${issue}`);
      }
      const catalogId = parsed.data.catalog_id.trim().toLowerCase();
      if (!UUID.test(catalogId)) {
        return fail(404, "catalog_not_found", `"${parsed.data.catalog_id}" is not a catalog UUID; use the id POST /catalog/ returned`);
      }
      const joined = joinPartner(tenant, catalogId, percent);
      if (!joined.ok) {
        if (joined.error.kind === "catalogNotFound") return fail(404, "catalog_not_found", `this tenant has no myshare catalog ${catalogId}`);
        const { min, max } = joined.error;
        return fail(
          400,
          "promo_percent_out_of_range",
          `promo_percent ${percent} is outside the catalog's range ${min}-${max} (min_promo_code_percent-max_promo_code_percent); PATCH the catalog to widen it`,
        );
      }
      const partner = joined.value;
      return reply(201, { partner_id: partner.id, promo_code: partner.promoCode, uid: partner.uid }, MsPartnerResponse);
    },
  },
  {},
);
