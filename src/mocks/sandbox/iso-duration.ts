import { LATEST_INSTANT_MS } from "../../contracts/sandbox/scalars.js";
import { describeValue } from "./describe-value.js";

/**
 * `by` of `POST /__sandbox/clock/advance`: an ISO-8601 duration or a whole number of milliseconds.
 * Years and months are calendar-based in UTC from the tenant's present (a day past the end of the
 * target month is clamped to its last day: 2026-01-31 + P1M = 2026-02-28); weeks, days and time are
 * exact (a day is 24 h).
 */
export type AdvanceAmount = { ok: true; ms: number } | { ok: false; message: string };

export const DURATION_FORMS =
  'an ISO-8601 duration P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S such as "PT15M", "P1D" or "P1Y2M3DT4H5M6.5S" (fractional seconds allowed), or a whole number of milliseconds such as 900000';

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface DurationParts {
  years: number;
  months: number;
  exactMs: number;
}

function parseDuration(text: string): DurationParts | undefined {
  const upper = text.trim().toUpperCase();
  const match = DURATION.exec(upper);
  if (match === null) return undefined;
  const [, y, mo, w, d, h, mi, s] = match;
  if ([y, mo, w, d, h, mi, s].every((part) => part === undefined)) return undefined;
  if (upper.endsWith("T")) return undefined;
  const n = (part: string | undefined): number => (part === undefined ? 0 : Number(part.replace(",", ".")));
  return {
    years: n(y),
    months: n(mo),
    exactMs: Math.round(n(w) * 7 * DAY + n(d) * DAY + n(h) * HOUR + n(mi) * MINUTE + n(s) * 1000),
  };
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month + 1, 0);
  return date.getUTCDate();
}

/** `from` plus whole calendar months in UTC, the day clamped to the target month's length. */
function addMonths(from: number, months: number): number {
  if (months === 0) return from;
  const date = new Date(from);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  if (!Number.isSafeInteger(total)) return Number.NaN;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  date.setUTCFullYear(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month)));
  return date.getTime();
}

/** How far `by` moves a clock that reads `now`. */
export function advanceAmount(by: unknown, now: number): AdvanceAmount {
  let ms: number;
  if (typeof by === "number") {
    if (!Number.isSafeInteger(by) || by <= 0) {
      return { ok: false, message: `"by" must be ${DURATION_FORMS}, greater than zero; got ${describeValue(by)}` };
    }
    ms = by;
  } else if (typeof by === "string") {
    const parts = parseDuration(by);
    if (parts === undefined) {
      return { ok: false, message: `"by" must be ${DURATION_FORMS}; got ${describeValue(by)}` };
    }
    ms = addMonths(now, parts.years * 12 + parts.months) + parts.exactMs - now;
  } else {
    return { ok: false, message: `"by" must be ${DURATION_FORMS}; got ${describeValue(by)}` };
  }
  if (!Number.isFinite(ms) || now + ms > LATEST_INSTANT_MS) {
    return { ok: false, message: `"by" ${describeValue(by)} moves the clock past 9999-12-31T23:59:59.999Z; advance by less` };
  }
  if (ms <= 0) {
    return { ok: false, message: `"by" must be greater than zero (the virtual clock only moves forward); got ${describeValue(by)}` };
  }
  return { ok: true, ms };
}
