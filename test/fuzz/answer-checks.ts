import type { Outcome } from "./target.js";
import type { WireRequest } from "./request-draft.js";

/** Something wrong with one answer: `kind` groups alike failures, `detail` says what was seen. */
export interface Problem {
  kind: string;
  detail: string;
}

/**
 * Text that only a leaked stack trace or runtime error puts into an answer. Every repetition is bounded:
 * answers can echo 100 KB of one character, and an unbounded `[\w]+\.ts` backtracks quadratically on it.
 */
const STACK_TEXT: readonly RegExp[] = [
  /^[ \t]{0,20}at [^\n]{0,400}:\d{1,9}:\d{1,9}\)?$/m,
  /\bat (?:async )?[^\s(]{1,200} \((?:file:\/\/|node:|\/)[^)\n]{0,400}\)/,
  /[\w/-]{1,200}\.(?:ts|js|mjs|cjs|mts|cts):\d{1,9}/,
  /Maximum call stack/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|EvalError|URIError)\b/,
  /node_modules|file:\/\//,
];

function excerptAround(text: string, index: number): string {
  return JSON.stringify(text.slice(Math.max(0, index - 80), index + 160));
}

export type AnswerCheck = (wire: WireRequest, answer: { status: number; contentType: string | undefined; body: string | undefined }) => Problem | undefined;

/** Everything wrong with the outcome of one request: an end of the process, a 5xx, stack text, and what `extra` checks. */
export function problemsWith(wire: WireRequest, outcome: Outcome, extra: readonly AnswerCheck[]): Problem[] {
  if (outcome.kind === "died") return [{ kind: "the sandbox process died", detail: outcome.detail }];
  if (outcome.kind === "no-answer") return [{ kind: "no answer", detail: outcome.detail }];
  const problems: Problem[] = [];
  const body = outcome.body.length === 0 ? undefined : outcome.body.toString("utf8");
  if (outcome.status >= 500) problems.push({ kind: `answered ${outcome.status}`, detail: `answered ${outcome.status}: ${JSON.stringify((body ?? "").slice(0, 300))}` });
  for (const pattern of STACK_TEXT) {
    const found = body === undefined ? null : pattern.exec(body);
    if (found !== null && body !== undefined) {
      problems.push({ kind: "stack text in the answer", detail: `the body shows ${pattern}: ${excerptAround(body, found.index)}` });
      break;
    }
  }
  const answer = { status: outcome.status, contentType: outcome.headers["content-type"], body };
  for (const check of extra) {
    const problem = check(wire, answer);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}
