import { jsonResponse } from "../../http/responses.js";
import type { RouteTable } from "../../http/route.js";
import { MsLanding, MsLandingCreateRequest, MsLandingUpdateRequest } from "../landing.js";
import { badBody, idParam, notFound } from "./responses.js";

const landingId = idParam("The landing's 6-character id");

export const LANDING_ROUTES = {
  createLanding: {
    method: "POST",
    path: "/landing/",
    tag: "landing",
    summary: "Create a landing page for a catalog",
    body: MsLandingCreateRequest,
    responses: { 201: jsonResponse("The landing", MsLanding), 400: badBody("Field errors") },
  },
  getLanding: {
    method: "GET",
    path: "/landing/{id}/",
    tag: "landing",
    summary: "A landing",
    params: landingId,
    responses: { 200: jsonResponse("The landing", MsLanding), 404: notFound },
  },
  putLanding: {
    method: "PUT",
    path: "/landing/{id}/",
    tag: "landing",
    summary: "Update a landing; url and catalog_id are required",
    params: landingId,
    body: MsLandingCreateRequest,
    responses: { 200: jsonResponse("The landing", MsLanding), 400: badBody("Field errors"), 404: notFound },
  },
  patchLanding: {
    method: "PATCH",
    path: "/landing/{id}/",
    tag: "landing",
    summary: "Change any fields of a landing",
    params: landingId,
    body: MsLandingUpdateRequest,
    responses: { 200: jsonResponse("The landing", MsLanding), 400: badBody("Field errors"), 404: notFound },
  },
  deleteLanding: {
    method: "DELETE",
    path: "/landing/{id}/",
    tag: "landing",
    summary: "Delete a landing",
    params: landingId,
    responses: { 204: { description: "Deleted; no body" }, 404: notFound },
  },
} satisfies RouteTable;
