/// <reference types="node" preserve="true" />
// The sandbox's types name node:http's (the request listener, the plugs' exchange): this brings Node's types
// (@types/node, a dependency) into a consumer's program, which TypeScript 6+ no longer does by default.
/**
 * The package's main entry (`promo-sandbox`): the sandbox in-process. `createSandbox(options)` builds it,
 * `listen()` serves every provider and the control plane on one port; `app` is the bare node:http listener
 * (for supertest). Typed clients are in `promo-sandbox/clients`, zod contracts in `promo-sandbox/contracts`,
 * a per-test-file helper in `promo-sandbox/testing`, the Pact kit in `promo-sandbox/pact`.
 */
export {
  createSandbox,
  DEFAULT_EVENT_STREAM_HEARTBEAT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_TENANT_TTL_MS,
  type RequestListener,
  type Sandbox,
  type SandboxOptions,
} from "./server.js";
export { createLogger, LOG_FORMATS, LOG_LEVELS, type LogDestination, type LogFields, type LogFormat, type LoggerOptions, type LogLevel, type SandboxLogger } from "./logger.js";
export { PROVIDERS } from "./providers.js";
export { VERSION } from "./version.js";
export { definePlug, type PlugParts, type ProviderPlug } from "./mocks/plug.js";
export type { ContractViolation, SandboxContext, SentAnswer } from "./mocks/http/context.js";
export { CONSISTENCY_MODES, DEFAULT_SETTINGS, MODERATION_MODES, RATE_LIMIT_MODES, type Settings } from "./state/kernel/settings.js";
export type { AuthMode, TenantRegistry } from "./state/kernel/tenants.js";
export type { RealTime } from "./state/kernel/clock.js";
