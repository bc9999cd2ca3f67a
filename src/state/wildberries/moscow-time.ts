/** Wildberries speaks Moscow time (UTC+3, no daylight saving since 2014). */
export const MOSCOW_OFFSET_MS = 3 * 3_600_000;
export const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The Moscow calendar day of an instant, "YYYY-MM-DD". */
export function moscowDate(ms: number): string {
  return new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of Moscow midnight starting the day that contains `ms`. */
export function moscowMidnight(ms: number): number {
  return Math.floor((ms + MOSCOW_OFFSET_MS) / DAY_MS) * DAY_MS - MOSCOW_OFFSET_MS;
}

/** The instant of Moscow midnight starting a "YYYY-MM-DD" day, or undefined for anything else. */
export function moscowDayStart(day: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return undefined;
  return ms - MOSCOW_OFFSET_MS;
}

/** "2023-07-09T10:56:02.150362+03:00": Moscow offset, microseconds (the virtual clock has milliseconds). */
export function moscowTimestamp(ms: number): string {
  const local = new Date(ms + MOSCOW_OFFSET_MS);
  const date = local.toISOString().slice(0, 19);
  return `${date}.${pad(local.getUTCMilliseconds(), 3)}000+03:00`;
}

/** "2024-08-16T11:19:05+03:00": Moscow offset, whole seconds (/ping). */
export function moscowSeconds(ms: number): string {
  return `${new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 19)}+03:00`;
}

/** A campaign that has not ended shows this end time. */
export const NEVER_ENDS = "2100-01-01T00:00:00+03:00";
