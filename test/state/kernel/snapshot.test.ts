import { describe, expect, it } from "vitest";
import { exportSnapshot, importSnapshot, type TenantSnapshot } from "../../../src/state/kernel/snapshot.js";
import { createThing, fakeState } from "../../support/fake-provider.js";
import { makeRegistry } from "./registry-fixture.js";
import { T0 } from "./tenant-fixture.js";

function busyRegistry() {
  const registry = makeRegistry();
  const tenant = registry.get("a");
  tenant.advance(90_000);
  tenant.settings = { rateLimits: "off", consistency: "immediate", moderation: "auto" };
  createThing(tenant, "t1", 60_000);
  createThing(tenant, "t2");
  tenant.rng.nextUint32();
  return { registry, tenant };
}

describe("exportSnapshot", () => {
  it("writes the clock, settings, rng, timers and each provider's state", () => {
    const { registry, tenant } = busyRegistry();
    expect(exportSnapshot(registry, tenant)).toEqual({
      schemaVersion: 1,
      tenant: "a",
      clock: { offsetMs: 90_000, frozenAt: null },
      settings: { rateLimits: "off", consistency: "immediate", moderation: "auto" },
      rng: tenant.rng.snapshot(),
      scheduler: { nextId: 2, timers: [{ id: 1, at: T0 + 150_000, kind: "fake.expire", payload: { thingId: "t1" } }] },
      providers: { fake: { things: [{ id: "t1", status: "new" }, { id: "t2", status: "new" }] } },
    });
  });

  it("is plain JSON: it survives stringify/parse unchanged", () => {
    const { registry, tenant } = busyRegistry();
    const snapshot = exportSnapshot(registry, tenant);
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });
});

describe("importSnapshot", () => {
  it("round trip: a wiped tenant gets its clock, settings, randomness, timers and provider state back", () => {
    const { registry, tenant } = busyRegistry();
    const snapshot: unknown = JSON.parse(JSON.stringify(exportSnapshot(registry, tenant)));
    const expectedDraws = [tenant.rng.nextUint32(), tenant.rng.nextUint32()];
    registry.reset("a");

    const result = importSnapshot(registry, "a", snapshot);
    if (!result.ok) throw new Error(result.error);
    const restored = registry.get("a");
    expect(result.value).toBe(restored);
    expect(restored.now()).toBe(T0 + 90_000);
    expect(restored.settings).toEqual({ rateLimits: "off", consistency: "immediate", moderation: "auto" });
    expect([restored.rng.nextUint32(), restored.rng.nextUint32()]).toEqual(expectedDraws);
    expect(fakeState(restored).things.get("t2")).toEqual({ id: "t2", status: "new" });
    // The restored timer fires at its deadline, through the provider's handler.
    const fired = restored.advance(60_000);
    expect(fired).toEqual([{ at: T0 + 150_000, kind: "fake.expire", payload: { thingId: "t1" }, detail: { status: "expired" } }]);
    expect(fakeState(restored).things.get("t1")).toEqual({ id: "t1", status: "expired" });
    expect(restored.schedule(T0 + 999_999, "fake.expire", {})).toBe(2);
  });

  it("imports into the caller's id whatever tenant the snapshot names", () => {
    const { registry, tenant } = busyRegistry();
    const snapshot = exportSnapshot(registry, tenant);
    const result = importSnapshot(registry, "b", snapshot);
    expect(result.ok && result.value.id).toBe("b");
    expect(registry.get("b").now()).toBe(T0 + 90_000);
    expect(registry.get("a")).toBe(tenant);
  });

  it("restores a frozen clock", () => {
    const registry = makeRegistry();
    const tenant = registry.get("a");
    tenant.clock.freeze(T0 + 5000);
    const result = importSnapshot(registry, "b", exportSnapshot(registry, tenant));
    expect(result.ok).toBe(true);
    expect(registry.get("b").clock.frozen).toBe(true);
    expect(registry.get("b").now()).toBe(T0 + 5000);
  });

  it("a provider missing from the snapshot starts empty", () => {
    const { registry, tenant } = busyRegistry();
    const snapshot: TenantSnapshot = { ...exportSnapshot(registry, tenant), providers: {}, scheduler: { nextId: 1, timers: [] } };
    const result = importSnapshot(registry, "a", snapshot);
    expect(result.ok).toBe(true);
    expect(fakeState(registry.get("a")).things.size).toBe(0);
  });

  function refused(mutate: (snapshot: Record<string, unknown>) => void): string {
    const { registry, tenant } = busyRegistry();
    const snapshot: Record<string, unknown> = JSON.parse(JSON.stringify(exportSnapshot(registry, tenant)));
    mutate(snapshot);
    const result = importSnapshot(registry, "a", snapshot);
    expect(registry.get("a")).toBe(tenant);
    expect(fakeState(tenant).things.size).toBe(2);
    if (result.ok) throw new Error("expected the import to be refused");
    return result.error;
  }

  it("refuses a wrong schema version", () => {
    expect(refused((s) => void (s.schemaVersion = 2))).toBe("schemaVersion: Invalid input: expected 1");
  });

  it("refuses a bad setting, naming the field", () => {
    expect(refused((s) => void (s.settings = { rateLimits: "sometimes", consistency: "realistic", moderation: "manual" }))).toBe(
      'settings.rateLimits: Invalid option: expected one of "enforce"|"off"',
    );
  });

  it("refuses rng words that are not uint32", () => {
    expect(refused((s) => void (s.rng = [1, 2, 3, -1]))).toBe("rng[3]: Too small: expected number to be >=0");
  });

  it("refuses a provider this sandbox does not serve", () => {
    expect(refused((s) => void (s.providers = { fake: { things: [] }, wildberries: {} }))).toBe(
      'providers: this sandbox does not serve "wildberries" (it serves: fake); remove that state from the snapshot',
    );
  });

  it("refuses a timer kind no provider handles", () => {
    expect(
      refused((s) => void (s.scheduler = { nextId: 5, timers: [{ id: 4, at: T0, kind: "mystery", payload: {} }] })),
    ).toBe('scheduler.timers[0].kind: no provider handles timers of kind "mystery" (known: fake.expire, fake.chain)');
  });

  it("refuses a nextId that is not above every timer id", () => {
    expect(
      refused((s) => void (s.scheduler = { nextId: 4, timers: [{ id: 4, at: T0, kind: "fake.expire", payload: {} }] })),
    ).toBe("scheduler.nextId: nextId 4 must be greater than every timer id (found 4)");
  });

  it("refuses a provider state the provider rejects, leaving the tenant as it was", () => {
    expect(refused((s) => void (s.providers = { fake: { things: "no" } }))).toBe("providers.fake: things must be an array");
  });

  it("refuses something that is not a snapshot at all", () => {
    const registry = makeRegistry();
    const result = importSnapshot(registry, "a", [1, 2]);
    expect(result).toEqual({ ok: false, error: "Invalid input: expected object, received array" });
    expect(registry.peek("a")).toBeUndefined();
  });
});
