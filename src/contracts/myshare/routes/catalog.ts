import { jsonResponse } from "../../http/responses.js";
import type { RouteTable } from "../../http/route.js";
import { MsCatalog, MsCatalogCreateRequest, MsCatalogPutRequest, MsCatalogList, MsCatalogListQuery, MsCatalogUpdateRequest, MsCatalogWriteResponse } from "../catalog.js";
import { badBody, detail, idParam, notFound } from "./responses.js";

const catalogId = idParam("The catalog's UUID");

export const CATALOG_ROUTES = {
  listCatalogs: {
    method: "GET",
    path: "/catalog/",
    tag: "catalog",
    summary: "The caller's catalogs, oldest first, DRF page-number pagination",
    query: MsCatalogListQuery,
    responses: { 200: jsonResponse("A page of catalogs", MsCatalogList), 404: detail("Invalid page.") },
  },
  createCatalog: {
    method: "POST",
    path: "/catalog/",
    tag: "catalog",
    summary: "Create a catalog (catalog_code unique)",
    body: MsCatalogCreateRequest,
    responses: { 201: jsonResponse("The catalog", MsCatalogWriteResponse), 400: badBody("Field errors") },
  },
  getCatalog: {
    method: "GET",
    path: "/catalog/{id}/",
    tag: "catalog",
    summary: "A catalog with its offers and landings",
    params: catalogId,
    responses: { 200: jsonResponse("The catalog", MsCatalog), 404: notFound },
  },
  putCatalog: {
    method: "PUT",
    path: "/catalog/{id}/",
    tag: "catalog",
    summary: "Update a catalog; title and catalog_code are required",
    params: catalogId,
    body: MsCatalogPutRequest,
    responses: { 200: jsonResponse("The catalog", MsCatalogWriteResponse), 400: badBody("Field errors"), 404: notFound },
  },
  patchCatalog: {
    method: "PATCH",
    path: "/catalog/{id}/",
    tag: "catalog",
    summary: "Change any fields of a catalog",
    params: catalogId,
    body: MsCatalogUpdateRequest,
    responses: { 200: jsonResponse("The catalog", MsCatalogWriteResponse), 400: badBody("Field errors"), 404: notFound },
  },
} satisfies RouteTable;
