import { jsonResponse } from "../../http/responses.js";
import type { RouteTable } from "../../http/route.js";
import { MsDeal, MsDealCreateRequest, MsDealCreateResponse, MsDealUpdateRequest, MsDealUpdateResponse } from "../deal.js";
import { badBody, idParam, notFound } from "./responses.js";

const dealId = idParam("Your deal_id, or the deal's system id");

export const DEAL_ROUTES = {
  createDeal: {
    method: "POST",
    path: "/deal/",
    tag: "deal",
    summary: "Report a deal (Created or Paid); a repeated deal_id changes that deal",
    body: MsDealCreateRequest,
    responses: {
      201: jsonResponse("The new deal", MsDealCreateResponse),
      200: jsonResponse("An existing deal_id: that deal after the status change", MsDealCreateResponse),
      400: badBody("Field errors; non_field_errors when neither promo_code nor another_data is sent"),
    },
  },
  getDeal: {
    method: "GET",
    path: "/deal/{id}/",
    tag: "deal",
    summary: "A deal, by your deal_id or its system id",
    params: dealId,
    responses: { 200: jsonResponse("The deal", MsDeal), 404: notFound },
  },
  patchDeal: {
    method: "PATCH",
    path: "/deal/{id}/",
    tag: "deal",
    summary: "Pay or cancel a deal, change its cost, is_returned (with Canceled) or comment; Canceled and Approved are final",
    params: dealId,
    body: MsDealUpdateRequest,
    responses: {
      200: jsonResponse("The deal's status, cost, is_returned and comment", MsDealUpdateResponse),
      400: badBody("Field errors, refused transitions under status"),
      404: notFound,
    },
  },
} satisfies RouteTable;
