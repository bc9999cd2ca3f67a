import { expect } from "vitest";
import { createSandbox, type Sandbox, type SandboxOptions } from "../../src/server.js";
import { afterThisTest } from "./after-test.js";
import { T0 } from "./fixed-time.js";

export { T0 };

/**
 * A sandbox whose responses are checked against their contracts and whose real time stands still at
 * T0 (only the virtual clock moves). After the test, every response must have matched its contract.
 */
export function makeSandbox(options: SandboxOptions = {}): Sandbox {
  const sandbox = createSandbox({ validateResponses: true, realNow: () => T0, ...options });
  afterThisTest(() => expect(sandbox.violations).toEqual([]));
  return sandbox;
}
