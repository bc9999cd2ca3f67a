import { jsonResponse } from "../../http/responses.js";
import type { RouteTable } from "../../http/route.js";
import { MsDeal, MsDealCreateRequest, MsDealCreateResponse, MsDealUpdateRequest, MsDealUpdateResponse } from "../deal.js";
import { MsDealCounts, MsDealFilterQuery, MsDealGeneralStatistics, MsDealList, MsDealListQuery, MsDealStatistics } from "../deal-list.js";
import { MsValidationError } from "../errors.js";
import { badBody, detail, idParam, notFound } from "./responses.js";

const badFilter = jsonResponse("A filter value that is not one of its choices, or not a date: django-filter's errors by filter name (conversion_time for both bounds)", MsValidationError);

const dealId = idParam("Your deal_id, or the deal's system id");

export const DEAL_ROUTES = {
  listDeals: {
    method: "GET",
    path: "/deal/",
    tag: "deal",
    summary: "Your deals, newest conversion first, DRF page-number pagination; filter by status, offer, promo, currency, conversion time",
    query: MsDealListQuery,
    responses: { 200: jsonResponse("A page of deals", MsDealList), 400: badFilter, 404: detail("Invalid page.") },
  },
  countDeals: {
    method: "GET",
    path: "/deal/get_count_deals/",
    tag: "deal",
    summary: "How many deals have each offer, currency, status and promo code (the list's filters apply)",
    query: MsDealFilterQuery,
    responses: { 200: jsonResponse("Counts by value", MsDealCounts), 400: badFilter },
  },
  dealStatistics: {
    method: "GET",
    path: "/deal/get_statistics_deals/",
    tag: "deal",
    summary: "Counts and cost sums by status (the list's filters apply; every currency is added together unless you filter by one)",
    query: MsDealFilterQuery,
    responses: { 200: jsonResponse("Counts and sums", MsDealStatistics), 400: badFilter },
  },
  dealGeneralStatistics: {
    method: "GET",
    path: "/deal/get_general_statistics_deals/",
    tag: "deal",
    summary: "A page of deals (as GET /deal/: filters, order, pages) with sum_by_status, the cost sums of all the deals the filters select",
    query: MsDealListQuery,
    responses: { 200: jsonResponse("A page of deals and the sums", MsDealGeneralStatistics), 400: badFilter, 404: detail("Invalid page.") },
  },
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
