/// <reference types="node" preserve="true" />
// A reply's headers are fetch's Headers: Node's types provide them where the consumer's lib has no DOM.
/** The typed clients, each generated from its route table (src/contracts/<provider>/routes.ts, control.ts). */
export { createMyshareClient, type MyshareClient } from "./myshare/index.js";
export { createClient, type ApiDescription, type ClientOptions } from "./route-client.js";
export type { BodyOf, Reply, RouteClient, RouteInput, RouteReply } from "./route-client-types.js";
export { CONTROL_ROUTES, createSandboxControlClient, type SandboxControlClient } from "./sandbox/index.js";
export { UnexpectedResponse } from "./unexpected-response.js";
export { createWildberriesClient, type WildberriesClient } from "./wildberries/index.js";
export { createYooMoneyClient, type YooMoneyClient } from "./yoomoney/index.js";
