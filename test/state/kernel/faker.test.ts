import { describe, expect, it } from "vitest";
import { withTenantFaker } from "../../../src/state/kernel/faker.js";
import { DEFAULT_SETTINGS } from "../../../src/state/kernel/settings.js";
import { Tenant } from "../../../src/state/kernel/tenant.js";

const T0 = Date.UTC(2026, 0, 15, 9);
const tenant = (id: string, seed = "seed") =>
  new Tenant(id, () => T0, seed, DEFAULT_SETTINGS, new Map(), { journalSize: 10, eventLogSize: 10 });
const names = (t: Tenant, n: number) => Array.from({ length: n }, () => withTenantFaker(t, (f) => f.person.fullName()));

describe("withTenantFaker", () => {
  it("gives the same values for the same server seed and tenant, whatever other tenants do meanwhile", () => {
    const a = tenant("acme");
    const first = names(a, 3);
    const b = tenant("acme");
    names(tenant("other"), 5);
    expect(names(b, 3)).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it("gives other values to another tenant or another server seed", () => {
    const reference = names(tenant("acme"), 3);
    expect(names(tenant("globex"), 3)).not.toEqual(reference);
    expect(names(tenant("acme", "other-seed"), 3)).not.toEqual(reference);
  });

  it("continues the same sequence after the generator is exported and restored", () => {
    const original = tenant("acme");
    names(original, 2);
    const saved = original.rng.snapshot();
    const expected = names(original, 3);
    const restored = tenant("acme");
    restored.rng.restore(saved);
    expect(names(restored, 3)).toEqual(expected);
  });

  it("draws from the tenant's generator, so faker use moves the tenant's sequence on", () => {
    const used = tenant("acme");
    const untouched = tenant("acme");
    withTenantFaker(used, (f) => f.word.noun());
    expect(used.rng.nextUint32()).not.toBe(untouched.rng.nextUint32());
  });
});
