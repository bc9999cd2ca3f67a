import { MS_CONTROL, MsPartnerRequest, MsPartnerResponse } from "../../contracts/myshare/control.js";
import { describeIssues } from "../../state/kernel/issues.js";
import { joinPartner } from "../../state/myshare/partners.js";
import { fail, reply } from "../sandbox/answers.js";
import { defineControl } from "../sandbox/control-plug.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The myshare side the real API has no call for (under /__sandbox): partners joining a catalog. */
export const myshareControl = defineControl(
  MS_CONTROL,
  {
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
