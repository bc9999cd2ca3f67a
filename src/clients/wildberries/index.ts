export { WildberriesClient, type CampaignFilters, type WildberriesClientOptions } from "./client.js";
export type { WbFailure, WbResult } from "./result.js";
export { WbUnexpectedResponse } from "./unexpected-response.js";
