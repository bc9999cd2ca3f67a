import { z } from "zod";

/** `GET /promo/check_promo/?code=&catalog_id=`: catalog_id is the catalog's 5-character code. */
export const MsCheckPromoQuery = z.object({
  code: z.string().meta({ description: "The promo code to check" }),
  catalog_id: z.string().meta({ description: "The catalog's 5-character catalog_id (not its UUID)" }),
});

export const MsCheckPromoResponse = z
  .object({ percent_discounts: z.number().meta({ description: "The buyer's discount the code grants, in percent" }) })
  .meta({ id: "MsCheckPromoResponse" });

/** `GET /promo/check_uuid/?code=`: code is a partner's myshare uid. */
export const MsCheckUuidQuery = z.object({ code: z.string().meta({ description: "The myshare uid from the partner link" }) });

export const MsCheckUuidResponse = z
  .object({ percent_discounts: z.literal(0).meta({ description: "A partner link grants no discount" }) })
  .meta({ id: "MsCheckUuidResponse" });
