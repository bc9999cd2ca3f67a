import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { WbAdvertIdPath, WbModerationRequest, WbModerationResponse } from "../sandbox/wildberries-campaigns.js";
import { jsonBody, jsonResponse } from "../http/responses.js";
import { error, route } from "./sandbox-route.js";

/** Control-plane calls for Wildberries: the moderator's decline of a promotion campaign. */
export function registerWildberriesCampaignControl(registry: OpenAPIRegistry): void {
  route(registry, "/wildberries/campaigns/{advertId}/moderation", {
    method: "post",
    operationId: "declineWildberriesCampaign",
    tags: ["wildberries"],
    summary: "The moderator declines a promotion campaign in status 4, 9 or 11: it goes to 8 (declined) at once, any queued status action is dropped",
    request: { params: WbAdvertIdPath, body: jsonBody(WbModerationRequest) },
    responses: {
      200: jsonResponse("The campaign is declined", WbModerationResponse),
      400: error('malformed_json, or invalid_request: send {"decision": "decline"}'),
      404: error("campaign_not_found: the tenant has no such promotion campaign (or it was deleted and purged)"),
      409: error("not_declinable: the campaign is -1, 7 or 8"),
    },
  });
}
