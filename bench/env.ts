/** Knobs the benchmarks read from the environment (`BENCH_ROUNDS=2 BENCH_SECONDS=3 npm run bench`). */

/** A positive integer from the environment variable `name`, or `fallback` when it is unset or empty. */
export function positiveIntFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return parsed;
}

/** Alternating load rounds per target; BENCH_ROUNDS overrides each bench's default. */
export const benchRounds = (fallback: number): number => positiveIntFromEnv("BENCH_ROUNDS", fallback);

/** Seconds of load per target and round; BENCH_SECONDS overrides each bench's default. */
export const benchSeconds = (fallback: number): number => positiveIntFromEnv("BENCH_SECONDS", fallback);
