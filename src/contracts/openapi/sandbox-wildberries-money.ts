import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { WbMoneyTopUpRequest, WbMoneyTopUpResponse } from "../sandbox/wildberries-money.js";
import { jsonBody, jsonResponse } from "../http/responses.js";
import { error, route } from "./sandbox-route.js";

/** Control-plane calls for Wildberries: adding money to the seller's balance, net and bonus. */
export function registerWildberriesMoneyControl(registry: OpenAPIRegistry): void {
  route(registry, "/wildberries/balance", {
    method: "post",
    operationId: "topUpWildberriesMoney",
    tags: ["wildberries"],
    summary:
      "Adds rubles to the seller's account (balance), balance (net) and bonuses; an account top-up is also a processed payment (type 0) in GET /adv/v1/payments",
    request: { body: jsonBody(WbMoneyTopUpRequest) },
    responses: {
      200: jsonResponse("The seller's money after the top-up (as GET /adv/v1/balance shows it)", WbMoneyTopUpResponse),
      400: error("malformed_json, or invalid_request: whole non-negative rubles, at least one of balance, net, bonus"),
    },
  });
}
