import { numberText } from "./drf-input.js";

/**
 * Django's parse_duration, as DRF's DurationField reads input: three formats (Django's own
 * "[DD] [[HH:]MM:]ss[.uuuuuu]", ISO 8601 "P3DT4H" and Postgres "3 days 04:05:06"), then timedelta's
 * range check. Values are whole microseconds in a bigint, so even 999999999 days is exact.
 */

const STANDARD =
  /^(?:(?<days>-?\d+) (?:days?, )?)?(?<sign>-?)(?:(?<hours>\d+):(?=\d+:\d+))?(?:(?<minutes>\d+):)?(?<seconds>\d+)(?:[.,](?<microseconds>\d{1,6})\d{0,6})?$/;
const ISO_8601 =
  /^(?<sign>[-+]?)P(?:(?<days>\d+(?:[.,]\d+)?)D)?(?:T(?:(?<hours>\d+(?:[.,]\d+)?)H)?(?:(?<minutes>\d+(?:[.,]\d+)?)M)?(?:(?<seconds>\d+(?:[.,]\d+)?)S)?)?$/;
const POSTGRES =
  /^(?:(?<days>-?\d+) (?:days? ?))?(?:(?<sign>[-+])?(?<hours>\d+):(?<minutes>\d\d):(?<seconds>\d\d)(?:\.(?<microseconds>\d{1,6}))?)?$/;

export const US_PER_SECOND = 1_000_000n;
export const US_PER_MINUTE = 60n * US_PER_SECOND;
export const US_PER_HOUR = 60n * US_PER_MINUTE;
export const US_PER_DAY = 24n * US_PER_HOUR;
const UNIT_US: Record<string, bigint> = {
  days: US_PER_DAY,
  hours: US_PER_HOUR,
  minutes: US_PER_MINUTE,
  seconds: US_PER_SECOND,
  microseconds: 1n,
};
/** Python's timedelta keeps |days| <= 999999999. */
export const MAX_DURATION_DAYS = 999_999_999n;

export type DurationParse = { ok: true; us: bigint } | { ok: false; reason: "format" | "overflow" };

/** A component in microseconds: integers exactly, ISO fractions ("1.5") rounded to the microsecond. */
function componentUs(text: string, unit: bigint): bigint {
  const normal = text.replace(",", ".");
  if (/^-?\d+$/.test(normal)) return BigInt(normal) * unit;
  return BigInt(Math.round(Number(normal) * Number(unit)));
}

/** Django's parse_duration, then timedelta's range check. */
export function parseDuration(text: string): DurationParse {
  const standard = STANDARD.exec(text);
  const iso8601 = standard === null ? ISO_8601.exec(text) : null;
  const match = standard ?? iso8601 ?? POSTGRES.exec(text);
  const groups = match?.groups;
  if (match === null || groups === undefined) return { ok: false, reason: "format" };
  const iso = iso8601 !== null;
  const sign = groups["sign"] === "-" ? -1n : 1n;
  let days = 0n;
  let rest = 0n;
  for (const [name, unit] of Object.entries(UNIT_US)) {
    let value = groups[name];
    if (value === undefined || value === "") continue;
    if (name === "microseconds") value = value.padEnd(6, "0");
    const us = componentUs(value, unit);
    if (name === "days") days = us;
    else rest += us;
  }
  const total = (iso ? sign * days : days) + sign * rest;
  const wholeDays = floorDiv(total, US_PER_DAY);
  if (wholeDays > MAX_DURATION_DAYS || wholeDays < -MAX_DURATION_DAYS) return { ok: false, reason: "overflow" };
  return { ok: true, us: total };
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

export type DurationCheck = { ok: true; us: bigint } | { ok: false; reason: "format" | "overflow" | "negative" };

/** DRF's DurationField on a JSON value (a string, or a number of seconds as Python's str() prints it), not negative. */
export function checkDuration(value: unknown): DurationCheck {
  const text = typeof value === "string" ? value : typeof value === "number" ? numberText(value) : undefined;
  if (text === undefined) return { ok: false, reason: "format" };
  const parsed = parseDuration(text);
  if (!parsed.ok) return parsed;
  return parsed.us < 0n ? { ok: false, reason: "negative" } : parsed;
}
