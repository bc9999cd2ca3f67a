import { jsonResponse } from "../../http/responses.js";
import type { RouteTable } from "../../http/route.js";
import { MsValidationError } from "../errors.js";
import {
  MsCheckPromoByCodeQuery,
  MsCheckPromoQuery,
  MsCheckPromoResponse,
  MsCheckUuidQuery,
  MsCheckUuidResponse,
  MsPromo,
  MsPromoCreateRequest,
  MsPromoUpdateRequest,
} from "../promo.js";
import { badBody, detail, idParam, notFound } from "./responses.js";

const promoId = idParam("The personal promo code's UUID");
const promoErrors = badBody(
  "Field errors: catalog not a catalog of yours (Invalid pk), percent_discounts outside a catalog's min/max_promo_code_percent, code already used in one of the catalogs",
);

export const PROMO_ROUTES = {
  createPromo: {
    method: "POST",
    path: "/promo/",
    tag: "promo",
    summary: "Create a personal promo code in some of your catalogs (percent_discounts within each catalog's min/max)",
    body: MsPromoCreateRequest,
    responses: { 201: jsonResponse("The promo code", MsPromo), 400: promoErrors },
  },
  getPromo: {
    method: "GET",
    path: "/promo/{id}/",
    tag: "promo",
    summary: "A personal promo code",
    params: promoId,
    responses: { 200: jsonResponse("The promo code", MsPromo), 404: notFound },
  },
  putPromo: {
    method: "PUT",
    path: "/promo/{id}/",
    tag: "promo",
    summary: "Replace a personal promo code's code, percent_discounts and catalogs (all required)",
    params: promoId,
    body: MsPromoCreateRequest,
    responses: { 200: jsonResponse("The promo code", MsPromo), 400: promoErrors, 404: notFound },
  },
  patchPromo: {
    method: "PATCH",
    path: "/promo/{id}/",
    tag: "promo",
    summary: "Change any fields of a personal promo code",
    params: promoId,
    body: MsPromoUpdateRequest,
    responses: { 200: jsonResponse("The promo code", MsPromo), 400: promoErrors, 404: notFound },
  },
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
  checkPromoByCode: {
    method: "GET",
    path: "/promo/check_promo_by_code/",
    tag: "promo",
    summary: "check_promo with the catalog named by its catalog_code",
    query: MsCheckPromoByCodeQuery,
    responses: {
      200: jsonResponse("The code is valid for the catalog", MsCheckPromoResponse),
      400: jsonResponse("catalog_code or code missing or blank", MsValidationError),
      404: detail("Not found. (no such code in that catalog, or no such catalog)"),
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
