import { nearest } from "./mocks/http/nearest-name.js";

export const AUTH_MODES = ["open", "strict"] as const;

/**
 * A parser for one of `allowed`: anything else fails naming the flag or variable (`source`), the allowed
 * values and, when one is close ("inof"), that one.
 */
export const choiceOf =
  <T extends string>(allowed: readonly T[]) =>
  (text: string, source: string): T => {
    const found = allowed.find((choice) => choice === text);
    if (found !== undefined) return found;
    const close = nearest(text, allowed);
    throw new Error(`${source} must be one of ${allowed.join("|")}, got "${text}"${close === undefined ? "" : `; did you mean "${close}"?`}`);
  };

/** A TCP port, 0 (any free one) to 65535. */
export function parsePort(text: string, source: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port <= 65535)) throw new Error(`${source} must be 0-65535, got "${text}"`);
  return port;
}

/** Any text but an empty one. */
export function parseText(text: string, source: string): string {
  if (text === "") throw new Error(`${source} must not be empty`);
  return text;
}

/** Seconds > 0, fractions allowed (a request timeout). */
export function parsePositiveSeconds(text: string, source: string): number {
  const seconds = Number(text);
  if (text.trim() === "" || !(Number.isFinite(seconds) && seconds > 0)) throw new Error(`${source} must be a number of seconds > 0, got "${text}"`);
  return seconds;
}

/** Whole seconds, 0 or more (a tenant's idle time to live; 0 never evicts). */
export function parseTenantTtl(text: string, source: string): number {
  if (!/^\d{1,10}$/.test(text)) throw new Error(`${source} must be a whole number of seconds, 0 or more (0 never evicts), got "${text}"`);
  return Number(text);
}
