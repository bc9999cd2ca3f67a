import { describe, expect, it } from "vitest";
import { Scheduler, type Timer } from "../../../src/state/kernel/scheduler.js";
import type { TimerHandler } from "../../../src/state/kernel/provider.js";
import { makeTenant, T0 } from "./tenant-fixture.js";

function drain(scheduler: Scheduler, limit: number): string[] {
  const out: string[] = [];
  for (let t = scheduler.popDue(limit); t; t = scheduler.popDue(limit)) out.push(`${t.at}:${t.kind}`);
  return out;
}

describe("Scheduler", () => {
  it("pops due timers ordered by deadline, not by insertion", () => {
    const s = new Scheduler();
    s.schedule(30, "c", {});
    s.schedule(10, "a", {});
    s.schedule(50, "e", {});
    s.schedule(20, "b", {});
    s.schedule(40, "d", {});
    expect(drain(s, 40)).toEqual(["10:a", "20:b", "30:c", "40:d"]);
    expect(s.size).toBe(1);
    expect(drain(s, 100)).toEqual(["50:e"]);
  });

  it("timers due at the same instant fire in the order they were scheduled", () => {
    const s = new Scheduler();
    for (const kind of ["k1", "k2", "k3", "k4", "k5", "k6", "k7"]) s.schedule(100, kind, {});
    s.schedule(99, "early", {});
    expect(drain(s, 100)).toEqual(["99:early", "100:k1", "100:k2", "100:k3", "100:k4", "100:k5", "100:k6", "100:k7"]);
  });

  it("does not pop timers that are not due yet", () => {
    const s = new Scheduler();
    s.schedule(101, "later", {});
    expect(s.popDue(100)).toBeUndefined();
    expect(s.size).toBe(1);
  });

  it("cancel drops a pending timer; ids that fired or never existed are ignored", () => {
    const s = new Scheduler();
    const a = s.schedule(10, "a", {});
    const b = s.schedule(20, "b", {});
    s.schedule(30, "c", {});
    s.cancel(b);
    s.cancel(undefined);
    s.cancel(null);
    s.cancel(999);
    expect(s.size).toBe(2);
    expect(s.pending().map((t) => t.kind)).toEqual(["a", "c"]);
    expect(drain(s, 10)).toEqual(["10:a"]);
    s.cancel(a);
    expect(s.size).toBe(1);
    expect(drain(s, 100)).toEqual(["30:c"]);
    expect(s.size).toBe(0);
  });

  it("gives ids in order and snapshots pending timers, earliest first", () => {
    const s = new Scheduler();
    expect(s.schedule(20, "b", { n: 1 })).toBe(1);
    expect(s.schedule(10, "a", {})).toBe(2);
    s.cancel(s.schedule(15, "gone", {}));
    expect(s.snapshot()).toEqual({
      nextId: 4,
      timers: [
        { id: 2, at: 10, kind: "a", payload: {} },
        { id: 1, at: 20, kind: "b", payload: { n: 1 } },
      ],
    });
  });

  it("restore replaces the queue and continues the ids", () => {
    const s = new Scheduler();
    s.schedule(1, "old", {});
    const timers: Timer[] = [
      { id: 7, at: 300, kind: "z", payload: {} },
      { id: 3, at: 100, kind: "x", payload: {} },
      { id: 5, at: 100, kind: "y", payload: {} },
    ];
    s.restore({ nextId: 8, timers });
    expect(s.schedule(100, "new", {})).toBe(8);
    s.cancel(5);
    expect(s.size).toBe(3);
    expect(drain(s, 1000)).toEqual(["100:x", "100:new", "300:z"]);
  });
});

describe("Tenant timers", () => {
  it("settle runs due timers in order, each at its own deadline", () => {
    const seen: { kind: string; now: number; at: number; cause: string }[] = [];
    const handler: TimerHandler = (tenant, timer) => {
      seen.push({ kind: timer.kind, now: tenant.now(), at: timer.at, cause: tenant.cause });
    };
    const tenant = makeTenant({ tick: handler });
    tenant.schedule(T0 + 2000, "tick", {});
    tenant.schedule(T0 + 1000, "tick", {});
    tenant.schedule(T0 + 9000, "tick", {});
    const fired = tenant.advance(5000);
    expect(seen).toEqual([
      { kind: "tick", now: T0 + 1000, at: T0 + 1000, cause: "timer" },
      { kind: "tick", now: T0 + 2000, at: T0 + 2000, cause: "timer" },
    ]);
    expect(fired.map((f) => f.at)).toEqual([T0 + 1000, T0 + 2000]);
    expect(tenant.now()).toBe(T0 + 5000);
    expect(tenant.scheduler.size).toBe(1);
  });

  it("restores the cause after firing", () => {
    const tenant = makeTenant({ tick: () => undefined });
    tenant.cause = "control";
    tenant.schedule(T0 + 1, "tick", {});
    tenant.advance(1);
    expect(tenant.cause).toBe("control");
  });

  it("a handler may schedule more timers; those due within the same settle run too, in time order", () => {
    const order: string[] = [];
    const tenant = makeTenant({
      chain: (t, timer) => {
        order.push(`chain@${t.now() - T0}`);
        const n = typeof timer.payload.n === "number" ? timer.payload.n : 0;
        if (n < 3) t.schedule(t.now() + 100, "chain", { n: n + 1 });
      },
      other: (t) => void order.push(`other@${t.now() - T0}`),
    });
    tenant.schedule(T0 + 100, "chain", { n: 1 });
    tenant.schedule(T0 + 250, "other", {});
    const fired = tenant.advance(1000);
    expect(order).toEqual(["chain@100", "chain@200", "other@250", "chain@300"]);
    expect(fired.map((f) => [f.at - T0, f.kind, f.payload])).toEqual([
      [100, "chain", { n: 1 }],
      [200, "chain", { n: 2 }],
      [250, "other", {}],
      [300, "chain", { n: 3 }],
    ]);
    expect(tenant.scheduler.size).toBe(0);
  });

  it("timers scheduled beyond the target stay pending", () => {
    const tenant = makeTenant({ chain: (t) => void t.schedule(t.now() + 10_000, "chain", {}) });
    tenant.schedule(T0 + 500, "chain", {});
    expect(tenant.advance(1000).map((f) => f.at)).toEqual([T0 + 500]);
    expect(tenant.scheduler.pending().map((t) => t.at)).toEqual([T0 + 10_500]);
  });

  it("fired entries carry the handler's detail", () => {
    const tenant = makeTenant({ tick: () => ({ status: "done" }), quiet: () => undefined });
    tenant.schedule(T0 + 1, "tick", { id: "x" });
    tenant.schedule(T0 + 2, "quiet", {});
    expect(tenant.advance(2)).toEqual([
      { at: T0 + 1, kind: "tick", payload: { id: "x" }, detail: { status: "done" } },
      { at: T0 + 2, kind: "quiet", payload: {}, detail: undefined },
    ]);
  });

  it("a timer due exactly at the target fires; one a millisecond later does not", () => {
    const tenant = makeTenant({ tick: () => undefined });
    tenant.schedule(T0 + 1000, "tick", { n: 1 });
    tenant.schedule(T0 + 1001, "tick", { n: 2 });
    expect(tenant.advance(1000).map((f) => f.payload)).toEqual([{ n: 1 }]);
  });

  it("a cancelled timer does not fire", () => {
    const ran: number[] = [];
    const tenant = makeTenant({ tick: (_t, timer) => void ran.push(timer.id) });
    const first = tenant.schedule(T0 + 10, "tick", {});
    const second = tenant.schedule(T0 + 20, "tick", {});
    tenant.cancel(first);
    tenant.advance(100);
    expect(ran).toEqual([second]);
  });

  it("events recorded by a handler carry the timer's deadline and cause timer", () => {
    const tenant = makeTenant({
      tick: (t) => t.record({ provider: "p", entity: "e", id: "1", from: "a", to: "b" }),
    });
    tenant.schedule(T0 + 1500, "tick", {});
    tenant.advance(60_000);
    expect(tenant.events.toArray()).toEqual([
      { provider: "p", entity: "e", id: "1", from: "a", to: "b", seq: 1, at: T0 + 1500, cause: "timer" },
    ]);
  });
});
