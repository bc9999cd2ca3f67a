import { jsonResponse } from "../../http/responses.js";
import type { RouteTable } from "../../http/route.js";
import { MsValidationError } from "../errors.js";
import { MsCheckPromoQuery, MsCheckPromoResponse, MsCheckUuidQuery, MsCheckUuidResponse } from "../promo.js";
import { detail } from "./responses.js";

export const PROMO_ROUTES = {
  checkPromo: {
    method: "GET",
    path: "/promo/check_promo/",
    tag: "promo",
    summary: "A partner promo code's discount in a catalog",
    query: MsCheckPromoQuery,
    responses: {
      200: jsonResponse("The code is valid for the catalog", MsCheckPromoResponse),
      400: jsonResponse("code or catalog_id missing or blank", MsValidationError),
      404: detail("Not found. (no such code in that catalog)"),
    },
  },
  checkUuid: {
    method: "GET",
    path: "/promo/check_uuid/",
    tag: "promo",
    summary: "Whether a myshare uid belongs to a partner",
    query: MsCheckUuidQuery,
    responses: {
      200: jsonResponse("A known uid", MsCheckUuidResponse),
      400: jsonResponse("code missing or blank", MsValidationError),
      404: detail("Not found. (no partner has that uid)"),
    },
  },
} satisfies RouteTable;
