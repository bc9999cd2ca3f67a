import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";

/** Control-plane calls for Wildberries: adding money to the seller's balance, net and bonus. */
export function registerWildberriesMoneyControl(_registry: OpenAPIRegistry): void {}
