import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../../src/state/kernel/json.js";
import { runExclusive, untilIdle, whenIdle } from "../../../src/mocks/http/tenant-queue.js";
import { makeTenant } from "../../state/kernel/tenant-fixture.js";
import { makeSandbox } from "../../support/sandbox.js";
import { control } from "../wildberries/helpers.js";

/** A seller with a media campaign paid by the day and one paid by views (both run until 2100). */
async function seller(token: string) {
  const { app } = makeSandbox();
  const bodies: JsonValue[] = [
    { name: "Дни", brand: "Б", type: 1, items: [{ name: "Баннер", cpm: 2400 }] },
    { name: "Показы", brand: "Б", type: 2, budget: 500_000, items: [{ name: "Баннер", cpm: 300 }] },
  ];
  for (const body of bodies) {
    await control(app, "POST", "/wildberries/media-campaigns", body, token).expect(201);
  }
  return app;
}

describe("POST /__sandbox/clock/advance in slices", () => {
  it("a 20-year move leaves the same state as 240 one-month moves, with far fewer timer firings", async () => {
    const sliced = await seller("slices");
    const moved = await control(sliced, "POST", "/clock/advance", { by: "P20Y" }, "slices").expect(200);
    const state = await control(sliced, "GET", "/state", undefined, "slices").expect(200);

    // The same move made of whole months, each short enough for hourly ticks near its end.
    const stepped = await seller("slices");
    let total = 0;
    for (let month = 0; month < 240; month++) total += Number((await control(stepped, "POST", "/clock/advance", { by: "P1M" }, "slices").expect(200)).body.firedTotal);
    const after = await control(stepped, "GET", "/state", undefined, "slices").expect(200);

    expect(moved.body.now).toBe("2046-01-15T09:00:00.000Z");
    expect(moved.body.firedTotal).toBeGreaterThan(0);
    // Hour by hour this would be 350,000 ticks; the long move jumps over quiet stretches.
    expect(moved.body.firedTotal).toBeLessThan(total);
    expect(JSON.stringify(state.body.wildberries)).toBe(JSON.stringify(after.body.wildberries));
  });

  it("two moves of one tenant sent at once run one after the other, never interleaved", async () => {
    const app = await seller("order");
    const [first, second] = await Promise.all([
      control(app, "POST", "/clock/advance", { by: "P3Y" }, "order"),
      control(app, "POST", "/clock/advance", { by: "PT1H" }, "order"),
    ]);
    // Whichever arrived first ran whole before the other: the hour lands before or after the three years.
    const answers = [first.body.now, second.body.now];
    expect([
      ["2029-01-15T09:00:00.000Z", "2029-01-15T10:00:00.000Z"],
      ["2029-01-15T10:00:00.000Z", "2026-01-15T10:00:00.000Z"],
    ]).toContainEqual(answers);
  });
});

describe("tenant-queue", () => {
  it("whenIdle is undefined for an idle tenant, pending while jobs run, and jobs run in the order they came", async () => {
    const tenant = makeTenant();
    expect(whenIdle(tenant)).toBeUndefined();
    const order: string[] = [];
    const slow = runExclusive(tenant, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      order.push("first");
    });
    const fast = runExclusive(tenant, async () => {
      order.push("second");
    });
    const waiting = whenIdle(tenant);
    expect(waiting).toBeInstanceOf(Promise);
    const caller = untilIdle(tenant).then(() => order.push("caller"));
    await Promise.all([slow, fast, caller]);
    expect(order).toEqual(["first", "second", "caller"]);
    expect(whenIdle(tenant)).toBeUndefined();
  });

  it("a job that fails does not stall the queue", async () => {
    const tenant = makeTenant();
    const failing = runExclusive(tenant, async () => {
      throw new Error("boom");
    });
    const next = runExclusive(tenant, async () => "ran");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ran");
    expect(whenIdle(tenant)).toBeUndefined();
  });
});
