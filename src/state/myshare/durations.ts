import { parseDuration, US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND } from "../../contracts/myshare/duration-input.js";

/**
 * Django's duration handling, as DRF's DurationField uses it: `parse_duration` on input (written once, in
 * the contracts, which decide what a request may carry) and `duration_string` on output ("30 00:00:00",
 * "00:10:00", ".uuuuuu" only when not zero). Values are whole microseconds in a bigint.
 */

export { MAX_DURATION_DAYS, parseDuration, type DurationParse } from "../../contracts/myshare/duration-input.js";

const pad2 = (n: bigint) => n.toString().padStart(2, "0");

/** Django's duration_string for a non-negative duration. */
export function formatDuration(us: bigint): string {
  const days = us / US_PER_DAY;
  let rest = us % US_PER_DAY;
  const hours = rest / US_PER_HOUR;
  rest %= US_PER_HOUR;
  const minutes = rest / US_PER_MINUTE;
  rest %= US_PER_MINUTE;
  const seconds = rest / US_PER_SECOND;
  const micro = rest % US_PER_SECOND;
  let text = `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}`;
  if (days !== 0n) text = `${days} ${text}`;
  if (micro !== 0n) text += `.${micro.toString().padStart(6, "0")}`;
  return text;
}

/** A stored duration text (always duration_string output) in milliseconds of virtual time. */
export function durationMs(text: string): number {
  const parsed = parseDuration(text);
  return parsed.ok ? Number(parsed.us / 1000n) : 0;
}
