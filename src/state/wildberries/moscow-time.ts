/** Wildberries speaks Moscow time (UTC+3, no daylight saving since 2014). */
export const MOSCOW_OFFSET_MS = 3 * 3_600_000;
export const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Days from 0000-03-01 to 1970-01-01 (the civil calendar counted from March, so leap days come last). */
const EPOCH_SHIFT_DAYS = 719_468;
const DAYS_PER_ERA = 146_097;

/**
 * The Moscow calendar day of an instant, "YYYY-MM-DD". Long clock moves name a day per campaign and
 * day, so years 0-9999 are done with integer arithmetic (H. Hinnant's civil_from_days) rather than a
 * Date; other years as Date.toISOString names them.
 */
export function moscowDate(ms: number): string {
  const z = Math.floor((ms + MOSCOW_OFFSET_MS) / DAY_MS) + EPOCH_SHIFT_DAYS;
  const era = Math.floor(z / DAYS_PER_ERA);
  const doe = z - era * DAYS_PER_ERA;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
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
  return `${moscowDate(ms)}T${clockOfDay(ms)}.${pad(((ms % 1000) + 1000) % 1000, 3)}000+03:00`;
}

/** "2024-08-16T11:19:05+03:00": Moscow offset, whole seconds (/ping). */
export function moscowSeconds(ms: number): string {
  return `${moscowDate(ms)}T${clockOfDay(ms)}+03:00`;
}

/**
 * "HH:MM:SS" of the Moscow day, in integer arithmetic: every campaign of every list answer carries a
 * timestamp, and a Date's toISOString was the costliest step of GET /adv/v1/promotion/count.
 */
function clockOfDay(ms: number): string {
  const inDay = (ms + MOSCOW_OFFSET_MS) - Math.floor((ms + MOSCOW_OFFSET_MS) / DAY_MS) * DAY_MS;
  const seconds = Math.floor(inDay / 1000);
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** A campaign that has not ended shows this end time. */
export const NEVER_ENDS = "2100-01-01T00:00:00+03:00";
