/** The latest instant Python's datetime can hold (9999-12-31T23:59:59.999). */
export const MAX_DATETIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A virtual-clock instant as DRF prints a naive datetime (USE_TZ=False, UTC): Python's isoformat(),
 * which leaves out the microseconds when they are zero. The clock has milliseconds, so the last three
 * digits are always 000.
 */
export function formatDateTime(ms: number): string {
  const iso = new Date(Math.min(ms, MAX_DATETIME_MS)).toISOString();
  const seconds = iso.slice(0, 19);
  const millis = iso.slice(20, 23);
  return millis === "000" ? seconds : `${seconds}.${millis}000`;
}
