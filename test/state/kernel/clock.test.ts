import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../src/state/kernel/clock.js";

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

/** A real-time source the test moves by hand. */
function realTime(start = T0) {
  let now = start;
  return { now: () => now, pass: (ms: number) => void (now += ms) };
}

describe("VirtualClock", () => {
  it("runs with real time until moved", () => {
    const real = realTime();
    const clock = new VirtualClock(real.now);
    expect(clock.now()).toBe(T0);
    expect(clock.frozen).toBe(false);
    real.pass(1234);
    expect(clock.now()).toBe(T0 + 1234);
  });

  it("advance adds an offset that keeps running with real time", () => {
    const real = realTime();
    const clock = new VirtualClock(real.now);
    clock.advance(60_000);
    expect(clock.now()).toBe(T0 + 60_000);
    real.pass(500);
    expect(clock.now()).toBe(T0 + 60_500);
    expect(clock.snapshot()).toEqual({ offsetMs: 60_000, frozenAt: null });
  });

  it("freeze stops the clock at now; real time no longer moves it, advance still does", () => {
    const real = realTime();
    const clock = new VirtualClock(real.now);
    clock.advance(1000);
    clock.freeze();
    expect(clock.frozen).toBe(true);
    real.pass(10_000);
    expect(clock.now()).toBe(T0 + 1000);
    clock.advance(5000);
    expect(clock.now()).toBe(T0 + 6000);
    expect(clock.snapshot()).toEqual({ offsetMs: 1000, frozenAt: T0 + 6000 });
  });

  it("freeze(at) stops the clock at that instant", () => {
    const clock = new VirtualClock(realTime().now);
    clock.freeze(T0 + 3_600_000);
    expect(clock.now()).toBe(T0 + 3_600_000);
  });

  it("resume continues from the frozen instant, then follows real time", () => {
    const real = realTime();
    const clock = new VirtualClock(real.now);
    clock.freeze();
    real.pass(30_000);
    clock.resume();
    expect(clock.frozen).toBe(false);
    expect(clock.now()).toBe(T0);
    real.pass(2000);
    expect(clock.now()).toBe(T0 + 2000);
  });

  it("resume on a running clock changes nothing", () => {
    const real = realTime();
    const clock = new VirtualClock(real.now);
    clock.advance(700);
    clock.resume();
    expect(clock.now()).toBe(T0 + 700);
  });

  it("restore brings back a snapshot", () => {
    const clock = new VirtualClock(realTime().now);
    clock.restore({ offsetMs: 42, frozenAt: null });
    expect(clock.now()).toBe(T0 + 42);
    clock.restore({ offsetMs: 0, frozenAt: T0 - 5 });
    expect(clock.frozen).toBe(true);
    expect(clock.now()).toBe(T0 - 5);
  });
});
