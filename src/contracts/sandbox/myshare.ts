import { z } from "zod";

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
