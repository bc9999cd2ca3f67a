import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";

/** Control-plane calls for Wildberries: the moderator's decline of a promotion campaign. */
export function registerWildberriesCampaignControl(_registry: OpenAPIRegistry): void {}
