import { describe, expect, it } from "vitest";
import { advanceAmount, DURATION_FORMS } from "../../../src/mocks/sandbox/iso-duration.js";

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe("advanceAmount", () => {
  it.each([
    ["PT15M", 15 * MIN],
    ["PT1H", H],
    ["PT30S", 30 * S],
    ["PT0.5S", 500],
    ["PT1,25S", 1250],
    ["PT0.001S", 1],
    ["P1D", D],
    ["P2W", 14 * D],
    ["P1DT2H3M4.5S", D + 2 * H + 3 * MIN + 4500],
    ["pt15m", 15 * MIN],
  ])("%s -> %d ms", (by, ms) => {
    expect(advanceAmount(by, T0)).toEqual({ ok: true, ms });
  });

  it("takes a whole number of milliseconds", () => {
    expect(advanceAmount(900_000, T0)).toEqual({ ok: true, ms: 900_000 });
  });

  it("years and months are calendar-based in UTC from now", () => {
    // 2026-01-15 + P1M = 2026-02-15: 31 days; + P1Y = 2027-01-15: 365 days.
    expect(advanceAmount("P1M", T0)).toEqual({ ok: true, ms: 31 * D });
    expect(advanceAmount("P1Y", T0)).toEqual({ ok: true, ms: 365 * D });
    const feb15 = Date.UTC(2026, 1, 15, 9);
    expect(advanceAmount("P1M", feb15)).toEqual({ ok: true, ms: 28 * D });
    const leapFeb = Date.UTC(2028, 1, 15);
    expect(advanceAmount("P1M", leapFeb)).toEqual({ ok: true, ms: 29 * D });
    expect(advanceAmount("P1Y2M", T0)).toEqual({ ok: true, ms: Date.UTC(2027, 2, 15, 9) - T0 });
  });

  it("a day past the end of the target month is clamped to its last day", () => {
    const jan31 = Date.UTC(2026, 0, 31, 12);
    expect(advanceAmount("P1M", jan31)).toEqual({ ok: true, ms: Date.UTC(2026, 1, 28, 12) - jan31 });
    const leapDay = Date.UTC(2028, 1, 29);
    expect(advanceAmount("P1Y", leapDay)).toEqual({ ok: true, ms: Date.UTC(2029, 1, 28) - leapDay });
    expect(advanceAmount("P13M", jan31)).toEqual({ ok: true, ms: Date.UTC(2027, 1, 28, 12) - jan31 });
  });

  it("calendar parts come first, then the exact ones", () => {
    const jan31 = Date.UTC(2026, 0, 31);
    expect(advanceAmount("P1M1D", jan31)).toEqual({ ok: true, ms: Date.UTC(2026, 2, 1) - jan31 });
  });

  it.each(["", "P", "PT", "P1DT", "1D", "PT1.5M", "P1.5D", "-PT1M", "PT1M ago", "P1H", "PT1D", "P1S"])(
    "refuses %j, naming the accepted forms",
    (by) => {
      expect(advanceAmount(by, T0)).toEqual({ ok: false, message: `"by" must be ${DURATION_FORMS}; got ${JSON.stringify(by)}` });
    },
  );

  it.each([0, -5, 1.5, Number.NaN])("refuses the number %d", (by) => {
    expect(advanceAmount(by, T0)).toEqual({
      ok: false,
      message: `"by" must be ${DURATION_FORMS}, greater than zero; got ${JSON.stringify(by)}`,
    });
  });

  it("refuses zero durations", () => {
    expect(advanceAmount("PT0S", T0)).toEqual({
      ok: false,
      message: '"by" must be greater than zero (the virtual clock only moves forward); got "PT0S"',
    });
    expect(advanceAmount("PT0.0001S", T0)).toMatchObject({ ok: false });
  });

  it("refuses anything else, and nothing", () => {
    expect(advanceAmount(undefined, T0)).toEqual({ ok: false, message: `"by" must be ${DURATION_FORMS}; got nothing` });
    expect(advanceAmount({ minutes: 5 }, T0)).toEqual({ ok: false, message: `"by" must be ${DURATION_FORMS}; got {"minutes":5}` });
    expect(advanceAmount(true, T0)).toEqual({ ok: false, message: `"by" must be ${DURATION_FORMS}; got true` });
  });

  it("refuses moving past the year 9999", () => {
    expect(advanceAmount("P8000Y", T0)).toEqual({
      ok: false,
      message: '"by" "P8000Y" moves the clock past 9999-12-31T23:59:59.999Z; advance by less',
    });
    expect(advanceAmount("P99999999999999999999D", T0)).toMatchObject({ ok: false });
    expect(advanceAmount(Number.MAX_SAFE_INTEGER, T0)).toMatchObject({ ok: false });
  });
});
