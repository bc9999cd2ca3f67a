import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "../../../src/state/myshare/durations.js";
import { formatDateTime } from "../../../src/state/myshare/time.js";
import { paymentSum, formatAmount } from "../../../src/state/myshare/money.js";

const us = (text: string) => {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed.us : parsed.reason;
};

describe("Django durations", () => {
  it("parse_duration reads Django's, ISO 8601 and Postgres forms (values checked against Python)", () => {
    expect(us("30 00:00:00")).toBe(30n * 86_400_000_000n);
    expect(us("10:00")).toBe(600_000_000n);
    expect(us("1:2:3")).toBe(3_723_000_000n);
    expect(us("1 -00:00:01")).toBe(86_399_000_000n);
    expect(us("P1.5D")).toBe(129_600_000_000n);
    expect(us("-P1D")).toBe(-86_400_000_000n);
    expect(us("1 day, 1:00:00")).toBe(90_000_000_000n);
    expect(us("00:00:00,5")).toBe(500_000n);
    expect(us("")).toBe(0n);
    expect(us("thirty")).toBe("format");
    expect(us("1000000000 00:00:00")).toBe("overflow");
  });

  it("duration_string leaves out zero days and microseconds", () => {
    expect(formatDuration(30n * 86_400_000_000n)).toBe("30 00:00:00");
    expect(formatDuration(600_000_000n)).toBe("00:10:00");
    expect(formatDuration(86_400_500_000n)).toBe("1 00:00:00.500000");
    expect(formatDuration(999_999_999n * 86_400_000_000n)).toBe("999999999 00:00:00");
  });

  it("datetimes are naive ISO with microseconds only when not zero", () => {
    expect(formatDateTime(Date.UTC(2023, 3, 6, 8, 2, 46, 807))).toBe("2023-04-06T08:02:46.807000");
    expect(formatDateTime(Date.UTC(2023, 3, 6, 8, 2, 46))).toBe("2023-04-06T08:02:46");
  });

  it("payment_sum rounds half up to the cent; amounts print with 2 places", () => {
    expect(paymentSum(199.99, 12.5, null)).toBe(25);
    expect(paymentSum(0.1, 5, null)).toBe(0.01);
    expect(paymentSum(9_999_999_999.99, 95, null)).toBe(9_499_999_999.99);
    expect(paymentSum(100, null, 4.5)).toBe(4.5);
    expect(formatAmount(50)).toBe("50.00");
    expect(formatAmount(0.5)).toBe("0.50");
  });
});
