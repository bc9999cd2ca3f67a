/**
 * The package's `promo-sandbox/pact` entry: the contract-verification kit. The provider-state catalogue
 * (typed states per provider, docs/provider-states.md), `given`/`fromState` for consumer tests, Pact
 * matchers from the zod contracts, and `verifyPacts` (what `promo-sandbox verify` runs). Needs the optional
 * peer dependency @pact-foundation/pact.
 */
export type { AnyCatalogueState, CatalogueState, StateSetupContext, StateValues } from "../mocks/sandbox/provider-states-catalogue.js";
export { YOOMONEY_STATES } from "../mocks/yoomoney/provider-states.js";
export { WILDBERRIES_STATES } from "../mocks/wildberries/provider-states.js";
export { MYSHARE_STATES } from "../mocks/myshare/provider-states.js";
export { DEFAULT_PACT_TENANT } from "../contracts/sandbox/provider-states.js";
export { given, fromState } from "./states.js";
export { matchersFor } from "./matchers.js";
export { pactFilesOf, verifyPacts, type StateFailure, type VerifyOptions, type VerifyReport } from "./verify.js";
