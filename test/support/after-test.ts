import { afterEach, onTestFinished, TestRunner } from "vitest";

/** Runs `check` after the current test, or after each test when called while the suite is collected. */
export function afterThisTest(check: () => void): void {
  if (TestRunner.getCurrentTest() !== undefined) onTestFinished(check);
  else afterEach(check);
}
