import { OpenAPIRegistry, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as C from "../myshare/index.js";
import { generateDocument, type OpenApiDocument } from "./generate.js";
import { TRANSPORT_RESPONSES, withPipeline, type PipelineResponses } from "./pipeline.js";
import { jsonBody, jsonResponse } from "../http/responses.js";

const detail = (description: string, headers?: z.ZodObject): ResponseConfig => jsonResponse(description, C.MsDetailError, headers);

const unauthorized = detail(
  "Authentication credentials were not provided. (no token) or Invalid token. (--auth strict)",
  z.object({ "WWW-Authenticate": z.literal("Token") }),
);
const throttled = detail(
  "Request was throttled. Expected available in N seconds. (the tenant's rate limit, on its virtual clock)",
  z.object({ "Retry-After": z.string().meta({ description: "Seconds" }) }),
);
const notFound = detail("Not found. (unknown id, malformed id, or another tenant's object)");
const methodNotAllowed = (allow: string) => detail(`Method "X" not allowed.`, z.object({ Allow: z.literal(allow) }));
const badBody = (description: string): ResponseConfig =>
  jsonResponse(`${description}; or "JSON parse error - <Python's json message>" for a body that is not JSON`, z.union([C.MsValidationError, C.MsDetailError]));
const unsupported = detail('Unsupported media type "<Content-Type>" in request. (JSON and form bodies are read)');

const idParam = (description: string) => z.object({ id: z.string().meta({ description }) });
const catalogId = idParam("The catalog's UUID");
const offerId = idParam("The offer's UUID");
const landingId = idParam("The landing's 6-character id");
const dealId = idParam("Your deal_id, or the deal's system id");

type Operation = Omit<RouteConfig, "security" | "responses"> & { responses: Record<number, ResponseConfig>; allow: string };

/**
 * What Django REST Framework answers whatever the view, as `{"detail"}`: an unreadable, too deep or too
 * large body (400), the token (401), an unknown path or id (404), the HTTP method (405, with the path's
 * Allow), a media type it does not parse (415), the throttle (429), the last resort (500); and Node's 408
 * for a body that does not arrive in time.
 */
function pipeline(allow: string): PipelineResponses {
  return {
    400: detail('"JSON parse error - <Python\'s json message>" (also for a body nested deeper than the sandbox reads or a Content-Encoding it cannot decode), or "Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE."'),
    401: unauthorized,
    404: notFound,
    405: methodNotAllowed(allow),
    ...TRANSPORT_RESPONSES,
    415: unsupported,
    429: throttled,
    500: detail("A server error occurred. (a sandbox bug; the request journal, GET /__sandbox/requests, shows the call)"),
  };
}

function route(registry: OpenAPIRegistry, operation: Operation): void {
  const { allow, responses, ...rest } = operation;
  registry.registerPath({
    ...rest,
    security: [{ token: [] }],
    responses: withPipeline(responses, pipeline(allow)),
  });
}

function registerCatalog(registry: OpenAPIRegistry): void {
  const allow = "GET, PUT, PATCH, HEAD";
  route(registry, {
    method: "get",
    path: "/catalog/",
    operationId: "listCatalogs",
    tags: ["catalog"],
    summary: "The caller's catalogs, oldest first, DRF page-number pagination",
    request: { query: C.MsCatalogListQuery },
    allow: "GET, POST, HEAD",
    responses: { 200: jsonResponse("A page of catalogs", C.MsCatalogList), 404: detail("Invalid page.") },
  });
  route(registry, {
    method: "post",
    path: "/catalog/",
    operationId: "createCatalog",
    tags: ["catalog"],
    summary: "Create a catalog (catalog_code unique)",
    request: { body: jsonBody(C.MsCatalogCreateRequest) },
    allow: "GET, POST, HEAD",
    responses: { 201: jsonResponse("The catalog", C.MsCatalogWriteResponse), 400: badBody("Field errors") },
  });
  route(registry, {
    method: "get",
    path: "/catalog/{id}/",
    operationId: "getCatalog",
    tags: ["catalog"],
    summary: "A catalog with its offers and landings",
    request: { params: catalogId },
    allow,
    responses: { 200: jsonResponse("The catalog", C.MsCatalog), 404: notFound },
  });
  for (const [method, partial] of [["put", false], ["patch", true]] as const) {
    route(registry, {
      method,
      path: "/catalog/{id}/",
      operationId: partial ? "patchCatalog" : "putCatalog",
      tags: ["catalog"],
      summary: partial ? "Change any fields of a catalog" : "Update a catalog; title and catalog_code are required",
      request: { params: catalogId, body: jsonBody(partial ? C.MsCatalogUpdateRequest : C.MsCatalogCreateRequest) },
      allow,
      responses: { 200: jsonResponse("The catalog", C.MsCatalogWriteResponse), 400: badBody("Field errors"), 404: notFound },
    });
  }
}

function registerOffer(registry: OpenAPIRegistry): void {
  const allow = "GET, PUT, PATCH, HEAD";
  route(registry, {
    method: "post",
    path: "/offer/",
    operationId: "createOffer",
    tags: ["offer"],
    summary: "Create an offer in a catalog (names unique per catalog)",
    request: { body: jsonBody(C.MsOfferCreateRequest) },
    allow: "POST",
    responses: { 201: jsonResponse("The offer", C.MsOffer), 400: badBody("Field errors, non_field_errors for the reward rule and name uniqueness") },
  });
  route(registry, {
    method: "get",
    path: "/offer/{id}/",
    operationId: "getOffer",
    tags: ["offer"],
    summary: "An offer",
    request: { params: offerId },
    allow,
    responses: { 200: jsonResponse("The offer", C.MsOffer), 404: notFound },
  });
  for (const [method, partial] of [["put", false], ["patch", true]] as const) {
    route(registry, {
      method,
      path: "/offer/{id}/",
      operationId: partial ? "patchOffer" : "putOffer",
      tags: ["offer"],
      summary: partial ? "Change any fields of an offer; prices replace the list" : "Update an offer with all required fields",
      request: { params: offerId, body: jsonBody(partial ? C.MsOfferUpdateRequest : C.MsOfferCreateRequest) },
      allow,
      responses: { 200: jsonResponse("The offer", C.MsOffer), 400: badBody("Field errors"), 404: notFound },
    });
  }
}

function registerLanding(registry: OpenAPIRegistry): void {
  const allow = "GET, PUT, PATCH, DELETE, HEAD";
  route(registry, {
    method: "post",
    path: "/landing/",
    operationId: "createLanding",
    tags: ["landing"],
    summary: "Create a landing page for a catalog",
    request: { body: jsonBody(C.MsLandingCreateRequest) },
    allow: "POST",
    responses: { 201: jsonResponse("The landing", C.MsLanding), 400: badBody("Field errors") },
  });
  route(registry, {
    method: "get",
    path: "/landing/{id}/",
    operationId: "getLanding",
    tags: ["landing"],
    summary: "A landing",
    request: { params: landingId },
    allow,
    responses: { 200: jsonResponse("The landing", C.MsLanding), 404: notFound },
  });
  for (const [method, partial] of [["put", false], ["patch", true]] as const) {
    route(registry, {
      method,
      path: "/landing/{id}/",
      operationId: partial ? "patchLanding" : "putLanding",
      tags: ["landing"],
      summary: partial ? "Change any fields of a landing" : "Update a landing; url and catalog_id are required",
      request: { params: landingId, body: jsonBody(partial ? C.MsLandingUpdateRequest : C.MsLandingCreateRequest) },
      allow,
      responses: { 200: jsonResponse("The landing", C.MsLanding), 400: badBody("Field errors"), 404: notFound },
    });
  }
  route(registry, {
    method: "delete",
    path: "/landing/{id}/",
    operationId: "deleteLanding",
    tags: ["landing"],
    summary: "Delete a landing",
    request: { params: landingId },
    allow,
    responses: { 204: { description: "Deleted; no body" }, 404: notFound },
  });
}

function registerDeal(registry: OpenAPIRegistry): void {
  route(registry, {
    method: "post",
    path: "/deal/",
    operationId: "createDeal",
    tags: ["deal"],
    summary: "Report a deal (Created or Paid); a repeated deal_id changes that deal",
    request: { body: jsonBody(C.MsDealCreateRequest) },
    allow: "POST",
    responses: {
      201: jsonResponse("The new deal", C.MsDealCreateResponse),
      200: jsonResponse("An existing deal_id: that deal after the status change", C.MsDealCreateResponse),
      400: badBody("Field errors; non_field_errors when neither promo_code nor another_data is sent"),
    },
  });
  route(registry, {
    method: "get",
    path: "/deal/{id}/",
    operationId: "getDeal",
    tags: ["deal"],
    summary: "A deal, by your deal_id or its system id",
    request: { params: dealId },
    allow: "GET, PATCH, HEAD",
    responses: { 200: jsonResponse("The deal", C.MsDeal), 404: notFound },
  });
  route(registry, {
    method: "patch",
    path: "/deal/{id}/",
    operationId: "patchDeal",
    tags: ["deal"],
    summary: "Pay or cancel a deal, change its cost, is_returned (with Canceled) or comment; Canceled and Approved are final",
    request: { params: dealId, body: jsonBody(C.MsDealUpdateRequest) },
    allow: "GET, PATCH, HEAD",
    responses: { 200: jsonResponse("The deal's status, cost, is_returned and comment", C.MsDealUpdateResponse), 400: badBody("Field errors, refused transitions under status"), 404: notFound },
  });
}

function registerPromo(registry: OpenAPIRegistry): void {
  route(registry, {
    method: "get",
    path: "/promo/check_promo/",
    operationId: "checkPromo",
    tags: ["promo"],
    summary: "A partner promo code's discount in a catalog",
    request: { query: C.MsCheckPromoQuery },
    allow: "GET, HEAD",
    responses: {
      200: jsonResponse("The code is valid for the catalog", C.MsCheckPromoResponse),
      400: jsonResponse("code or catalog_id missing or blank", C.MsValidationError),
      404: detail("Not found. (no such code in that catalog)"),
    },
  });
  route(registry, {
    method: "get",
    path: "/promo/check_uuid/",
    operationId: "checkUuid",
    tags: ["promo"],
    summary: "Whether a myshare uid belongs to a partner",
    request: { query: C.MsCheckUuidQuery },
    allow: "GET, HEAD",
    responses: {
      200: jsonResponse("A known uid", C.MsCheckUuidResponse),
      400: jsonResponse("code missing or blank", C.MsValidationError),
      404: detail("Not found. (no partner has that uid)"),
    },
  });
}

/** openapi/myshare.json: the myshare affiliate API as the sandbox serves it. */
export function buildMyshareDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "token", {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    description: "The business partner's token, with no prefix (`Bearer <token>` works too). In open mode any token is a tenant.",
  });
  registerCatalog(registry);
  registerOffer(registry);
  registerLanding(registry);
  registerDeal(registry);
  registerPromo(registry);
  return generateDocument(registry, {
    openapi: "3.1.0",
    info: {
      title: "myshare affiliate API, as served by promo-sandbox",
      version: "1",
      description:
        "Django REST Framework: errors are `{\"field\": [\"message\"]}` (400) or `{\"detail\": \"...\"}`. Paths end with a slash; without it GET and every other method get a 301 to the slashed URL. Datetimes are naive ISO (UTC), durations Django's \"D HH:MM:SS\".",
    },
    servers: [
      { url: "https://api.myshare.systems", description: "The real provider" },
      { url: "http://127.0.0.1:8787", description: "promo-sandbox (default port)" },
    ],
    tags: [{ name: "catalog" }, { name: "offer" }, { name: "landing" }, { name: "deal" }, { name: "promo" }],
  });
}
