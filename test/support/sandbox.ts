import { expect } from "vitest";
import { createSandbox, type Sandbox, type SandboxOptions } from "../../src/server.js";
import { afterThisTest } from "./after-test.js";
import { T0 } from "./fixed-time.js";
import { openApiAnswerRecorder } from "./openapi-answers.js";

export { T0 };

/**
 * A sandbox whose responses are checked against their zod contracts and against the OpenAPI documents
 * (openapi/*.json), and whose real time stands still at T0 (only the virtual clock moves). After the
 * test, every response must have matched both.
 */
export function makeSandbox(options: SandboxOptions = {}): Sandbox {
  const recorder = openApiAnswerRecorder();
  const own = options.onAnswer;
  const sandbox = createSandbox({
    validateResponses: true,
    realNow: () => T0,
    ...options,
    onAnswer: (answer) => {
      recorder.onAnswer(answer);
      own?.(answer);
    },
  });
  afterThisTest(() => {
    expect(sandbox.violations).toEqual([]);
    expect(recorder.mismatches, "answers the OpenAPI documents refuse").toEqual([]);
  });
  return sandbox;
}
