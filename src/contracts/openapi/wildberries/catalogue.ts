import { WbConfig, WbSupplierNms, WbSupplierNmsRequest, WbSupplierSubjects } from "../../wildberries/catalogue.js";
import { WbErrorText } from "../../wildberries/errors.js";
import { jsonResponse } from "../responses.js";
import type { WbOperationDoc } from "./operation.js";

export const CATALOGUE_OPERATIONS: readonly WbOperationDoc[] = [
  {
    method: "get",
    path: "/adv/v0/config",
    operationId: "getConfig",
    tag: "catalogue",
    summary: "Configuration values that drive validation: minimum budget and bids, maximum nms, statistics depth (1 call a minute)",
    responses: { 200: jsonResponse("The values, each as a string", WbConfig) },
  },
  {
    method: "get",
    path: "/adv/v1/supplier/subjects",
    operationId: "getSupplierSubjects",
    tag: "catalogue",
    summary: "The seller's subjects (categories) that can be advertised, with how many of its nms each has",
    responses: { 200: jsonResponse("The subjects (null when the seller has none)", WbSupplierSubjects) },
  },
  {
    method: "post",
    path: "/adv/v2/supplier/nms",
    operationId: "getSupplierNms",
    tag: "catalogue",
    summary: "The seller's nms (product cards) of the given subjects; no body or [] gives every nm",
    body: WbSupplierNmsRequest,
    responses: {
      200: jsonResponse("The nms with title and subjectId", WbSupplierNms),
      400: jsonResponse('"Ошибка обработки тела запроса": the body is not a JSON array of subject ids', WbErrorText),
    },
  },
];
