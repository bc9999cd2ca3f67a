/**
 * How a fuzz run is sized, from the environment. Without FUZZ_LONG it is the bounded run of `npm test`:
 * a fixed seed and one request per (operation, mutation). `npm run fuzz` sets FUZZ_LONG=1: a new random
 * seed (printed) and FUZZ_RUNS requests per (operation, mutation).
 *
 * FUZZ_SEED      base seed (an integer); every case's own seed is derived from it and the case's name
 * FUZZ_RUNS      requests per (operation, mutation)
 * FUZZ_ONLY      run only the cases whose name contains this text, e.g. "myshare getCatalog/bad-path-id"
 * FUZZ_MAX_FAILURES  stop after this many failing cases (the rest are reported as not run)
 * FUZZ_MAX_CRASHES   stop after the sandbox process died this many times
 * FUZZ_PROGRESS  1: print each case and its time to stderr; 2: also each request and its status
 */
export interface FuzzConfig {
  long: boolean;
  seed: number;
  runsPerCase: number;
  only: string | undefined;
  maxFailures: number;
  maxCrashes: number;
  /** Time fast-check may spend on one case, shrinking included. */
  caseTimeLimitMs: number;
  /** The whole test's timeout. */
  testTimeoutMs: number;
  /** No case starts after this long, so the report is written before the test times out. */
  runBudgetMs: number;
  /** 0: quiet; 1: each case and its time on stderr; 2: also each request and its answer. */
  progress: number;
}

/** The bounded run's seed: fixed, so `npm test` sends the same requests every time. */
export const BOUNDED_SEED = 20_260_115;

function integerFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name}=${text} is not an integer: set it to a whole number or leave it unset`);
  return value;
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

export function fuzzConfig(env: NodeJS.ProcessEnv = process.env): FuzzConfig {
  const long = env["FUZZ_LONG"] === "1";
  const runsPerCase = integerFrom(env, "FUZZ_RUNS") ?? (long ? 25 : 1);
  if (runsPerCase < 1) throw new Error(`FUZZ_RUNS must be at least 1, got ${runsPerCase}`);
  const testTimeoutMs = long ? 24 * 3_600_000 : 120_000;
  return {
    long,
    seed: integerFrom(env, "FUZZ_SEED") ?? (long ? randomSeed() : BOUNDED_SEED),
    runsPerCase,
    only: env["FUZZ_ONLY"] === "" ? undefined : env["FUZZ_ONLY"],
    maxFailures: integerFrom(env, "FUZZ_MAX_FAILURES") ?? (long ? 200 : 40),
    maxCrashes: integerFrom(env, "FUZZ_MAX_CRASHES") ?? (long ? 20 : 3),
    caseTimeLimitMs: long ? 60_000 : 5_000,
    testTimeoutMs,
    runBudgetMs: testTimeoutMs - 30_000,
    progress: integerFrom(env, "FUZZ_PROGRESS") ?? 0,
  };
}
