import { z } from "zod";
import { msDecimal, msText, MsUuidInput } from "./input-scalars.js";
import { MsUuid } from "./scalars.js";

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

/** `GET /promo/check_promo_by_code/?catalog_code=&code=`: check_promo, the catalog named by its catalog_code. */
export const MsCheckPromoByCodeQuery = z.object({
  catalog_code: z.string().meta({ description: "The catalog's catalog_code (the one you chose, e.g. super_catalog)" }),
  code: z.string().meta({ description: "The promo code to check" }),
});

const promoCodePercent = msDecimal({ decimalPlaces: 2, min: "0", max: "100" }, "0-100, at most 2 decimal places, within min/max_promo_code_percent of every catalog listed", 8);

/** A personal promo code's fields: the code, the buyer's discount, the catalogs (UUIDs) it is valid in. */
const PromoBody = z.object({
  code: msText({ maxLength: 255 }, "The promo code, unique within each of its catalogs (partners' codes included); case-sensitive"),
  percent_discounts: promoCodePercent,
  catalog: z.array(MsUuidInput).min(1).meta({ description: "The UUIDs of your catalogs the code is valid in (at least one)" }),
});

/** `POST /promo/` and `PUT /promo/{id}/`: every field. */
export const MsPromoCreateRequest = PromoBody.meta({ id: "MsPromoCreateRequest" });
export type MsPromoCreateRequest = z.input<typeof MsPromoCreateRequest>;

/** `PATCH /promo/{id}/`: any subset; the result is checked as a whole (percent within every catalog's range). */
export const MsPromoUpdateRequest = PromoBody.partial().meta({ id: "MsPromoUpdateRequest" });
export type MsPromoUpdateRequest = z.input<typeof MsPromoUpdateRequest>;

/** A personal promo code, as POST, GET, PUT and PATCH /promo/ answer it. */
export const MsPromo = z
  .object({
    id: MsUuid,
    code: z.string(),
    percent_discounts: z.number().meta({ description: "The buyer's discount in percent, a number (8, not \"8.00\")" }),
    catalog: z.array(MsUuid).meta({ description: "The catalogs' UUIDs" }),
  })
  .meta({ id: "MsPromo" });
export type MsPromo = z.infer<typeof MsPromo>;
