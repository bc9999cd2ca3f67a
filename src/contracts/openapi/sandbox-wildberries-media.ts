import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { WbMediaCreateRequest, WbMediaCreateResponse } from "../sandbox/wildberries-media.js";
import { jsonBody, jsonResponse } from "../http/responses.js";
import { error, route } from "./sandbox-route.js";

/** Control-plane calls for Wildberries: creating media campaigns (the API has no create call). */
export function registerWildberriesMediaControl(registry: OpenAPIRegistry): void {
  route(registry, "/wildberries/media-campaigns", {
    method: "post",
    operationId: "createWildberriesMediaCampaign",
    tags: ["wildberries"],
    summary: "Create a WB Media campaign with its banners, in any status (default 6, running: its traffic simulation starts)",
    request: { body: jsonBody(WbMediaCreateRequest) },
    responses: {
      201: jsonResponse("The new campaign's advertId and its banners' ids", WbMediaCreateResponse),
      400: error("malformed_json, or invalid_request: a field is missing or wrong, to is not after from, or status 5 without a future from"),
    },
  });
}
