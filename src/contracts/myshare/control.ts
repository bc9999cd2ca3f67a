import { z } from "zod";
import { jsonResponse } from "../http/responses.js";
import { controlTable } from "../sandbox/control-table.js";
import { controlError } from "../sandbox/error.js";

/** `POST /__sandbox/myshare/partners`: a partner (affiliate) joins a catalog. */
export const MsPartnerRequest = z
  .object({
    catalog_id: z.string().meta({ description: "The catalog's UUID (its `id`)" }),
    promo_percent: z
      .union([z.number(), z.string()])
      .optional()
      .meta({ description: "The discount the partner's promo code grants, within the catalog's min/max_promo_code_percent (default: the minimum)" }),
  })
  .meta({ id: "SandboxMsPartnerRequest" });

export const MsPartnerResponse = z
  .object({
    partner_id: z.string().meta({ description: "The partner's UUID" }),
    promo_code: z.string().meta({ description: "12 characters; send it as the deal's promo_code, check it with check_promo" }),
    uid: z.string().meta({ description: "8 characters; send it as the deal's another_data \"myshare=<uid>\", check it with check_uuid" }),
  })
  .meta({ id: "SandboxMsPartnerResponse" });

/** The myshare side the real API has no call for (under /__sandbox): partners joining a catalog. */
export const MS_CONTROL = controlTable({
  tags: [{ name: "myshare", description: "The myshare side the real API has no call for: partners joining catalogs" }],
  routes: {
    joinMysharePartner: {
      method: "POST",
      path: "/myshare/partners",
      tag: "myshare",
      summary: "A partner joins a catalog: a promo code (for promo_code and check_promo) and a myshare uid (for another_data and check_uuid)",
      body: MsPartnerRequest,
      responses: {
        201: jsonResponse("The partner", MsPartnerResponse),
        400: controlError("malformed_json, invalid_request (catalog_id missing, promo_percent not a number), or promo_percent_out_of_range"),
        404: controlError("catalog_not_found: the tenant has no catalog with that UUID"),
      },
    },
  },
});
