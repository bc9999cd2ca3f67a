export const AUTH_MODES = ["open", "strict"] as const;

/** Reads one enumerated flag, failing with the allowed values when it is anything else. */
export function parseChoice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const found = allowed.find((choice) => choice === value);
  if (found === undefined) throw new Error(`${flag} must be one of ${allowed.join("|")}, got "${value}"`);
  return found;
}
