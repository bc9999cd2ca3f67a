import fc from "fast-check";
import { problemsWith, type AnswerCheck, type Problem } from "./answer-checks.js";
import type { Mutation } from "./mutation.js";
import type { FuzzOperation } from "./operations.js";
import { describeRequest, toWire, validDraft, type Draft, type WireRequest } from "./request-draft.js";
import type { FuzzConfig } from "./run-config.js";
import type { FuzzTarget } from "./target.js";

/** One (operation, mutation) pair: fast-check sends `runsPerCase` requests for it. */
export interface FuzzCaseSpec {
  /** "<operation name>/<mutation name>", e.g. "myshare getCatalog/bad-path-id". */
  name: string;
  operation: FuzzOperation;
  mutation: Mutation;
}

/** One request of a case, printed by fast-check as the request itself. */
interface FuzzRequest {
  wire: WireRequest;
  [fc.toStringMethod](): string;
}

export interface CaseFailure {
  name: string;
  mutation: string;
  operation: string;
  problems: Problem[];
  /** The shrunk request, as a person reads it. */
  request: string;
  /** fast-check's seed and path of the shrunk request (replays it with fc.check's `seed` and `path`). */
  replay: string;
}

export interface FuzzResult {
  cases: number;
  requests: number;
  failures: CaseFailure[];
  /** Cases not run because the run stopped early (too many failures or crashes, or out of time). */
  notRun: string[];
}

class FuzzFailure extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.detail).join("\n"));
  }
}

/** Every (operation, mutation) pair where the mutation fits, in document order, filtered by FUZZ_ONLY. */
export function caseSpecs(operations: readonly FuzzOperation[], mutations: readonly Mutation[], only: string | undefined): FuzzCaseSpec[] {
  return operations
    .flatMap((operation) => mutations.filter((m) => m.appliesTo(operation)).map((mutation) => ({ name: `${operation.name}/${mutation.name}`, operation, mutation })))
    .filter((spec) => only === undefined || spec.name.includes(only));
}

/** A 31-bit seed per case from the run's seed and the case's name (FNV-1a), so FUZZ_ONLY does not change it. */
export function caseSeed(runSeed: number, name: string): number {
  let hash = 0x811c9dc5 ^ runSeed;
  for (const char of name) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return hash >>> 1;
}

function requestsOf(spec: FuzzCaseSpec): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), spec.mutation.changes).map(([fakerSeed, change]) => {
    const draft: Draft = change(validDraft(spec.operation, fakerSeed));
    const wire = toWire(spec.operation, draft);
    return { wire, [fc.toStringMethod]: () => describeRequest(wire) };
  });
}

/**
 * Runs every case against the target, `runsPerCase` requests each, and collects every failing case
 * (shrunk by fast-check) instead of stopping at the first, so one run lists every distinct failure.
 */
export async function runCases(target: FuzzTarget, specs: readonly FuzzCaseSpec[], checks: readonly AnswerCheck[], config: FuzzConfig): Promise<FuzzResult> {
  const result: FuzzResult = { cases: 0, requests: 0, failures: [], notRun: [] };
  const deadline = performance.now() + config.runBudgetMs;
  for (const spec of specs) {
    if (result.failures.length >= config.maxFailures || target.crashes >= config.maxCrashes || performance.now() > deadline) {
      result.notRun.push(spec.name);
      continue;
    }
    result.cases += 1;
    const property = fc.asyncProperty(requestsOf(spec), async (request) => {
      result.requests += 1;
      const sentAt = performance.now();
      const outcome = await target.send(request.wire);
      const problems = problemsWith(request.wire, outcome, checks);
      if (config.progress >= 2) {
        const answered = outcome.kind === "answer" ? outcome.status : outcome.kind;
        process.stderr.write(`  ${spec.name} ${answered} ${Math.round(performance.now() - sentAt)} ms ${problems.map((p) => p.kind).join(", ")}: ${describeRequest(request.wire).slice(0, 200)}\n`);
      }
      if (problems.length > 0) throw new FuzzFailure(problems);
    });
    const started = performance.now();
    const details = await fc.check(property, {
      seed: caseSeed(config.seed, spec.name),
      numRuns: config.runsPerCase * spec.mutation.weight,
      interruptAfterTimeLimit: config.caseTimeLimitMs,
      markInterruptAsFailure: false,
    });
    if (config.progress >= 1) process.stderr.write(`${spec.name} ${details.failed ? "FAILED" : "ok"} ${Math.round(performance.now() - started)} ms\n`);
    if (!details.failed) continue;
    const [request] = details.counterexample ?? [];
    const error = details.errorInstance;
    result.failures.push({
      name: spec.name,
      mutation: spec.mutation.name,
      operation: spec.operation.name,
      problems: error instanceof FuzzFailure ? error.problems : [{ kind: "the fuzz test itself failed", detail: String(error) }],
      request: request === undefined ? "(none)" : describeRequest(request.wire),
      replay: `fast-check seed ${details.seed}, path "${details.counterexamplePath ?? ""}", shrunk ${details.numShrinks} time(s)`,
    });
  }
  return result;
}

/** The failures grouped by what went wrong and the mutation, with the operations each hit. */
export function distinctFailures(failures: readonly CaseFailure[]): string[] {
  const groups = new Map<string, string[]>();
  for (const failure of failures) {
    for (const problem of failure.problems) {
      const key = `[${problem.kind}] ${failure.mutation}`;
      groups.set(key, [...(groups.get(key) ?? []), failure.operation]);
    }
  }
  return [...groups.entries()].map(([key, operations]) => `${key}: ${operations.length} operation(s): ${operations.join(", ")}`);
}
