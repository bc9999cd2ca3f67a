import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";

/** Control-plane calls for Wildberries: creating media campaigns (the API has no create call). */
export function registerWildberriesMediaControl(_registry: OpenAPIRegistry): void {}
