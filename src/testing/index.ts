/// <reference types="node" preserve="true" />
// The test sandbox's types reach node:http's (the sandbox it starts): Node's types come with them (see src/index.ts).
/**
 * The package's `promo-sandbox/testing` entry: one in-process sandbox per test file and a fresh tenant per
 * test, with typed clients, reset and clock helpers, for vitest, jest or any runner with async hooks.
 */
export { TestSandbox, type TenantClients, type TestSandboxOptions } from "./test-sandbox.js";
export { useSandbox, type Hook, type SandboxHooks } from "./use-sandbox.js";
