import { WbConfig, WbSupplierNms, WbSupplierNmsRequest, WbSupplierSubjects } from "../catalogue.js";
import { WbErrorText } from "../errors.js";
import { jsonResponse } from "../../http/responses.js";
import type { RouteSpec, RouteTable } from "../../http/route.js";

export const CATALOGUE_ROUTES = {
  getConfig: {
    method: "GET",
    path: "/adv/v0/config",
    tag: "catalogue",
    summary: "Configuration values that drive validation: minimum budget and bids, maximum nms, statistics depth (1 call a minute)",
    responses: { 200: jsonResponse("The values, each as a string", WbConfig) },
  },
  getSupplierSubjects: {
    method: "GET",
    path: "/adv/v1/supplier/subjects",
    tag: "catalogue",
    summary: "The seller's subjects (categories) that can be advertised, with how many of its nms each has",
    responses: { 200: jsonResponse("The subjects (null when the seller has none)", WbSupplierSubjects) },
  },
  getSupplierNms: {
    method: "POST",
    path: "/adv/v2/supplier/nms",
    tag: "catalogue",
    summary: "The seller's nms (product cards) of the given subjects; no body or [] gives every nm",
    body: WbSupplierNmsRequest,
    responses: {
      200: jsonResponse("The nms with title and subjectId", WbSupplierNms),
      400: jsonResponse('"Ошибка обработки тела запроса": the body is not a JSON array of subject ids', WbErrorText),
    },
  },
} satisfies RouteTable;
