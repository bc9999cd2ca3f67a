import { jsonResponse } from "../../http/responses.js";
import type { RouteTable } from "../../http/route.js";
import { MsOffer, MsOfferCreateRequest, MsOfferPutRequest, MsOfferUpdateRequest } from "../offer.js";
import { badBody, idParam, notFound } from "./responses.js";

const offerId = idParam("The offer's UUID");

export const OFFER_ROUTES = {
  createOffer: {
    method: "POST",
    path: "/offer/",
    tag: "offer",
    summary: "Create an offer in a catalog (names unique per catalog)",
    body: MsOfferCreateRequest,
    responses: { 201: jsonResponse("The offer", MsOffer), 400: badBody("Field errors, non_field_errors for the reward rule and name uniqueness") },
  },
  getOffer: {
    method: "GET",
    path: "/offer/{id}/",
    tag: "offer",
    summary: "An offer",
    params: offerId,
    responses: { 200: jsonResponse("The offer", MsOffer), 404: notFound },
  },
  putOffer: {
    method: "PUT",
    path: "/offer/{id}/",
    tag: "offer",
    summary: "Update an offer with all required fields",
    params: offerId,
    body: MsOfferPutRequest,
    responses: { 200: jsonResponse("The offer", MsOffer), 400: badBody("Field errors"), 404: notFound },
  },
  patchOffer: {
    method: "PATCH",
    path: "/offer/{id}/",
    tag: "offer",
    summary: "Change any fields of an offer; prices replace the list",
    params: offerId,
    body: MsOfferUpdateRequest,
    responses: { 200: jsonResponse("The offer", MsOffer), 400: badBody("Field errors"), 404: notFound },
  },
} satisfies RouteTable;
