import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MOSCOW_OFFSET_MS, moscowSeconds, moscowTimestamp } from "../../../src/state/wildberries/moscow-time.js";

/** The instants whose Moscow time falls in years 0000-9999 (Date.toISOString writes them with four digits). */
const FIRST = Date.UTC(0, 0, 1) - MOSCOW_OFFSET_MS;
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999) - MOSCOW_OFFSET_MS;
const instant = fc.integer({ min: FIRST, max: LAST });

/** What a Date says, as the formatting was written before it used integer arithmetic. */
const viaDate = (ms: number) => new Date(ms + MOSCOW_OFFSET_MS).toISOString();

describe("Moscow time formatting", () => {
  it("moscowTimestamp writes what a Date writes, with microseconds and +03:00", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const iso = viaDate(ms);
        expect(moscowTimestamp(ms)).toBe(`${iso.slice(0, 23)}000+03:00`);
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  });

  it("moscowSeconds writes what a Date writes, to the second", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(moscowSeconds(ms)).toBe(`${viaDate(ms).slice(0, 19)}+03:00`);
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  });

  it("knows a day's edges and a leap day", () => {
    expect(moscowTimestamp(Date.UTC(2024, 1, 28, 21, 0, 0, 0))).toBe("2024-02-29T00:00:00.000000+03:00");
    expect(moscowTimestamp(Date.UTC(2024, 1, 29, 20, 59, 59, 999))).toBe("2024-02-29T23:59:59.999000+03:00");
    expect(moscowSeconds(-1)).toBe("1970-01-01T02:59:59+03:00");
  });
});
