import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../../src/state/kernel/rate-limit.js";
import { makeTenant, T0 } from "./tenant-fixture.js";

const rule = { burst: 3, intervalMs: 1000 };

describe("RateLimiter", () => {
  it("lets a burst through, then refuses with how long to wait", () => {
    const limiter = new RateLimiter();
    expect(limiter.take("k", rule, 0)).toEqual({ allowed: true, limit: 3, remaining: 2 });
    expect(limiter.take("k", rule, 0)).toEqual({ allowed: true, limit: 3, remaining: 1 });
    expect(limiter.take("k", rule, 0)).toEqual({ allowed: true, limit: 3, remaining: 0 });
    expect(limiter.take("k", rule, 0)).toEqual({ allowed: false, limit: 3, remaining: 0, retryAfterMs: 1000, resetMs: 3000 });
  });

  it("a refused call costs nothing, and tokens refill over time", () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 3; i++) limiter.take("k", rule, 0);
    expect(limiter.take("k", rule, 400)).toEqual({ allowed: false, limit: 3, remaining: 0, retryAfterMs: 600, resetMs: 2600 });
    expect(limiter.take("k", rule, 400)).toMatchObject({ allowed: false, retryAfterMs: 600 });
    expect(limiter.take("k", rule, 1000)).toEqual({ allowed: true, limit: 3, remaining: 0 });
    expect(limiter.take("k", rule, 1000)).toMatchObject({ allowed: false, retryAfterMs: 1000 });
  });

  it("refills no higher than the burst", () => {
    const limiter = new RateLimiter();
    limiter.take("k", rule, 0);
    expect(limiter.take("k", rule, 1_000_000)).toEqual({ allowed: true, limit: 3, remaining: 2 });
  });

  it("keeps separate buckets per key, and clear() refills them all", () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 3; i++) limiter.take("a", rule, 0);
    expect(limiter.take("b", rule, 0)).toMatchObject({ allowed: true, remaining: 2 });
    expect(limiter.take("a", rule, 0)).toMatchObject({ allowed: false });
    limiter.clear();
    expect(limiter.take("a", rule, 0)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("is timed on the tenant's virtual clock: advancing it refills", () => {
    const tenant = makeTenant();
    const slow = { burst: 1, intervalMs: 60_000 };
    expect(tenant.limiter.take("k", slow, tenant.now())).toMatchObject({ allowed: true });
    expect(tenant.limiter.take("k", slow, tenant.now())).toMatchObject({ allowed: false, retryAfterMs: 60_000 });
    tenant.advance(59_999);
    expect(tenant.limiter.take("k", slow, tenant.now())).toMatchObject({ allowed: false, retryAfterMs: 1 });
    tenant.advance(1);
    expect(tenant.now()).toBe(T0 + 60_000);
    expect(tenant.limiter.take("k", slow, tenant.now())).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("says exactly how long to wait, without float noise from the refill (59 s into a 1/min bucket: 1000 ms)", () => {
    const limiter = new RateLimiter();
    const slow = { burst: 1, intervalMs: 60_000 };
    limiter.take("k", slow, 0);
    expect(limiter.take("k", slow, 59_000)).toEqual({ allowed: false, limit: 1, remaining: 0, retryAfterMs: 1000, resetMs: 1000 });
    const fast = { burst: 5, intervalMs: 200 };
    for (let i = 0; i < 5; i++) limiter.take("f", fast, 0);
    expect(limiter.take("f", fast, 70)).toEqual({ allowed: false, limit: 5, remaining: 0, retryAfterMs: 130, resetMs: 930 });
  });

  it("snapshot() and restore() (through JSON) give a limiter that answers as the one it came from", () => {
    const limiter = new RateLimiter();
    const slow = { burst: 2, intervalMs: 60_000 };
    for (let i = 0; i < 3; i++) limiter.take("a", rule, 0);
    limiter.take("b", slow, 100);
    limiter.take("c", rule, 250);
    // "a" is partly refilled (fractional tokens) when the snapshot is taken.
    limiter.take("a", rule, 1_700);
    const restored = new RateLimiter();
    restored.take("z", rule, 0);
    restored.restore(JSON.parse(JSON.stringify(limiter.snapshot())));
    expect(restored.snapshot()).toEqual(limiter.snapshot());
    expect(restored.snapshot().map((bucket) => bucket.key)).toEqual(["a", "b", "c"]);
    for (const [key, at, used] of [["a", 1_900, rule], ["a", 2_500, rule], ["b", 2_500, slow], ["b", 2_600, slow], ["b", 2_700, slow], ["c", 2_700, rule], ["z", 2_700, rule]] as const) {
      expect(restored.take(key, used, at)).toEqual(limiter.take(key, used, at));
    }
  });
});
