import { checkAnswerAgainstOpenApi } from "../support/openapi-answers.js";
import type { AnswerCheck } from "./answer-checks.js";

/** Every answer as its OpenAPI document (openapi/*.json) describes it, checked with ajv. */
export const openApiCheck: AnswerCheck = (wire, answer) => {
  const problem = checkAnswerAgainstOpenApi({ method: wire.method, path: wire.path, ...answer });
  return problem === undefined ? undefined : { kind: `not as documented (${answer.status})`, detail: problem };
};
