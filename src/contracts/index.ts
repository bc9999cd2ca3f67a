/**
 * The package's `promo-sandbox/contracts` entry: every provider's zod schemas (one namespace each, as the
 * provider names them), its route table (every operation by id: method, path, params, query, body, answers by
 * status), its control table (the calls under /__sandbox that drive its side), and the answers its pipeline
 * gives whatever the operation (401, 404, 413, 429, ...).
 */
export * as myshare from "./myshare/index.js";
export * as sandbox from "./sandbox/index.js";
export * as wildberries from "./wildberries/index.js";
export * as yoomoney from "./yoomoney/index.js";

export { fillPath, HTTP_METHODS, routeTable, type HttpMethod, type RouteSpec, type RouteTable } from "./http/route.js";
export type { JsonResponse, OptionalJsonResponse } from "./http/responses.js";

export * from "./myshare/control.js";
export { MS_PIPELINE } from "./myshare/pipeline.js";
export { MS_ROUTES, type MsOperationId } from "./myshare/routes.js";

export { SANDBOX_BASE_PATH, SANDBOX_CONTROL, type SandboxOperationId, type SandboxRoutes } from "./sandbox/routes.js";

export * from "./wildberries/control.js";
export { WB_PIPELINE } from "./wildberries/pipeline.js";
export { WB_ROUTES, type WbOperationId } from "./wildberries/routes.js";

export * from "./yoomoney/control.js";
export { YM_PIPELINE } from "./yoomoney/pipeline.js";
export { YM_ROUTES, YOOMONEY_BASE_PATH, type YmOperationId } from "./yoomoney/routes.js";
