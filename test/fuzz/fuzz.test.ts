import { describe, expect, it } from "vitest";
import { CANARY_TOKEN, exportState, freeze, populate } from "./canary.js";
import { caseSpecs, distinctFailures, runCases, type FuzzResult } from "./fuzz-run.js";
import { knownIdsMutation } from "./known-ids.js";
import { MUTATIONS } from "./mutations.js";
import { openApiCheck } from "./openapi-check.js";
import { loadOperations } from "./operations.js";
import { FUZZ_TOKEN } from "./request-draft.js";
import { fuzzConfig, type FuzzConfig } from "./run-config.js";
import { FuzzTarget } from "./target.js";

/**
 * issue 8 §5: every operation of every OpenAPI document (openapi/*.json), with valid inputs from its zod
 * contracts and with every mutation in mutations.ts, sent over HTTP to a sandbox in a child process.
 * Every answer: < 500, no stack text, as its document describes; after the run: the process answers,
 * no prototype was polluted, and the canary tenant's exported state is byte-identical.
 * `npm test` runs a bounded run (fixed seed); `npm run fuzz` a long one (new seed, FUZZ_RUNS per case).
 */

const config = fuzzConfig();

function firstDifference(before: string, after: string): string {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at += 1;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 120), at + 120));
  return `at character ${at}: before ${around(before)}, after ${around(after)}`;
}

function reproduce(config: FuzzConfig, name: string): string {
  const runs = config.runsPerCase === 1 ? "" : ` FUZZ_RUNS=${config.runsPerCase}`;
  return `FUZZ_SEED=${config.seed}${runs} FUZZ_ONLY='${name}' npx vitest run --project unit test/fuzz`;
}

function report(config: FuzzConfig, result: FuzzResult, afterRun: readonly string[]): string {
  const lines = [
    `fuzz seed ${config.seed}: ${result.failures.length} of ${result.cases} cases failed (${result.requests} requests sent)`,
    ...(result.notRun.length > 0 ? [`stopped early: ${result.notRun.length} cases not run (FUZZ_MAX_FAILURES=${config.maxFailures}, FUZZ_MAX_CRASHES=${config.maxCrashes}, ${config.runBudgetMs / 1000} s budget)`] : []),
    ...afterRun.map((problem) => `after the run: ${problem}`),
    "",
    "Distinct failures:",
    ...distinctFailures(result.failures).map((line) => `  ${line}`),
    "",
    "Each failing case, its request shrunk by fast-check:",
  ];
  for (const failure of result.failures) {
    lines.push(`- ${failure.name}`, `    request: ${failure.request}`);
    for (const problem of failure.problems) lines.push(`    problem: ${problem.detail.slice(0, 1_500)}`);
    lines.push(`    reproduce: ${reproduce(config, failure.name)} (${failure.replay})`);
  }
  return lines.join("\n");
}

describe("fuzz: every operation of every provider and of the control plane", () => {
  it(
    `answers every valid and broken request with < 500, no stack text, as documented; the process and the canary tenant survive (seed ${config.seed})`,
    async () => {
      process.stdout.write(`fuzz seed ${config.seed}, ${config.runsPerCase} request(s) per case${config.only === undefined ? "" : `, only ${config.only}`}\n`);
      const operations = loadOperations();
      const target = new FuzzTarget();
      await target.start();
      try {
        const known = await populate(target, FUZZ_TOKEN);
        await populate(target, CANARY_TOKEN);
        await freeze(target, CANARY_TOKEN);
        const canaryBefore = await exportState(target, CANARY_TOKEN);
        const generation = target.generation;

        const specs = caseSpecs(operations, [...MUTATIONS, knownIdsMutation(known)], config.only);
        expect(specs.length, `FUZZ_ONLY=${config.only ?? ""} matches no case`).toBeGreaterThan(0);
        const result = await runCases(target, specs, [openApiCheck], config);

        const afterRun: string[] = [];
        if (!target.isAlive()) afterRun.push("the sandbox process was not running after the last request");
        const health = await target.send({ method: "GET", path: "/__sandbox/health", target: "/__sandbox/health", headers: {}, body: undefined });
        if (health.kind !== "answer" || health.status !== 200) afterRun.push(`GET /__sandbox/health did not answer 200: ${health.kind === "answer" ? health.status : health.detail}`);
        if (target.generation !== generation) {
          afterRun.push(`the sandbox process died ${target.crashes} time(s) and was restarted, so the canary tenant could not be compared`);
        } else {
          const canaryAfter = await exportState(target, CANARY_TOKEN);
          if (canaryAfter !== canaryBefore) afterRun.push(`the canary tenant's exported state changed ${firstDifference(canaryBefore, canaryAfter)}`);
          const probe = await target.probe();
          for (const key of probe.pollution) afterRun.push(`a prototype was polluted: ${key}`);
          for (const violation of probe.contractViolations.slice(0, 20)) afterRun.push(`an answer broke its zod contract: ${violation}`);
        }

        if (result.notRun.length > 0) process.stdout.write(`fuzz: ${result.notRun.length} of ${specs.length} cases not run (out of time or stopped by failures)\n`);
        if (result.failures.length === 0 && afterRun.length === 0) {
          process.stdout.write(`fuzz seed ${config.seed}: ${result.cases} cases, ${result.requests} requests, none failed\n`);
        }
        if (result.failures.length > 0 || afterRun.length > 0) {
          const text = report(config, result, afterRun);
          // A long run's report can be long: stdout keeps all of it whatever the reporter shows.
          if (config.long) process.stdout.write(`${text}\n`);
          throw new Error(text);
        }
      } finally {
        await target.stop();
      }
    },
    config.testTimeoutMs,
  );
});
