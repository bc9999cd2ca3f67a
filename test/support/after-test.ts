import { afterEach, onTestFinished } from "vitest";
import { getCurrentTest } from "vitest/suite";

/** Runs `check` after the current test, or after each test when called while the suite is collected. */
export function afterThisTest(check: () => void): void {
  if (getCurrentTest() !== undefined) onTestFinished(check);
  else afterEach(check);
}
