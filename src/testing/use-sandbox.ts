import { TestSandbox, type TestSandboxOptions } from "./test-sandbox.js";

/** A test runner's hook: vitest's and jest's `beforeAll`, `afterAll` and `beforeEach` all fit. */
export type Hook = (fn: () => Promise<unknown>) => unknown;

/** The hooks `useSandbox` registers on; pass your runner's own (`{ beforeAll, afterAll, beforeEach }`). */
export interface SandboxHooks {
  beforeAll: Hook;
  afterAll: Hook;
  /** Optional: without it, every test of the file shares one tenant. */
  beforeEach?: Hook;
}

/**
 * One sandbox per test file, in-process, and a fresh tenant per test: registers start on `beforeAll`, stop on
 * `afterAll` and a new tenant on `beforeEach`. Works with any runner whose hooks take an async function:
 *
 *     import { afterAll, beforeAll, beforeEach } from "vitest"; // jest: the globals
 *     const sandbox = useSandbox({ beforeAll, afterAll, beforeEach }, { seed: "my-tests" });
 */
export function useSandbox(hooks: SandboxHooks, options: TestSandboxOptions = {}): TestSandbox {
  const sandbox = new TestSandbox(options);
  let first = true;
  hooks.beforeAll(() => sandbox.start());
  // start() opened the first tenant: the first test uses it, each later test a new one.
  hooks.beforeEach?.(async () => {
    if (first) first = false;
    else await sandbox.newTenant();
  });
  hooks.afterAll(() => sandbox.stop());
  return sandbox;
}
