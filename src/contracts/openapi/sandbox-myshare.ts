import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { MsPartnerRequest, MsPartnerResponse } from "../sandbox/myshare.js";
import { jsonBody, jsonResponse } from "../http/responses.js";
import { error, route } from "./sandbox-route.js";

/** Control-plane calls for myshare: a partner (affiliate) joins a catalog. */
export function registerMyshareControl(registry: OpenAPIRegistry): void {
  route(registry, "/myshare/partners", {
    method: "post",
    operationId: "joinMysharePartner",
    tags: ["myshare"],
    summary: "A partner joins a catalog: a promo code (for promo_code and check_promo) and a myshare uid (for another_data and check_uuid)",
    request: { body: jsonBody(MsPartnerRequest) },
    responses: {
      201: jsonResponse("The partner", MsPartnerResponse),
      400: error("malformed_json, invalid_request (catalog_id missing, promo_percent not a number), or promo_percent_out_of_range"),
      404: error("catalog_not_found: the tenant has no catalog with that UUID"),
    },
  });
}
