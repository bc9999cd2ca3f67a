import { describe, expect, it } from "vitest";
import { exportRegistry } from "../../../src/state/kernel/registry-snapshot.js";
import { importSnapshot, exportSnapshot } from "../../../src/state/kernel/snapshot.js";
import type { Tenant } from "../../../src/state/kernel/tenant.js";
import { EVICTIONS_PER_CALL } from "../../../src/state/kernel/tenants.js";
import { createThing, fakeState } from "../../support/fake-provider.js";
import { makeRegistry } from "./registry-fixture.js";
import { T0 } from "./tenant-fixture.js";

const TTL = 60_000;

/** A registry with a TTL whose real time stands where `clock.now` says (tests move it by hand). */
function evictingRegistry(options: { ttl?: number; auth?: "open" | "strict"; inCall?: (tenant: Tenant) => boolean } = {}) {
  const clock = { now: T0 };
  const registry = makeRegistry({ realNow: () => clock.now, tenantTtlMs: options.ttl ?? TTL, auth: options.auth ?? "open", inCall: options.inCall });
  return { registry, clock };
}

describe("tenant eviction (--tenant-ttl)", () => {
  it("a tenant idle longer than the TTL is gone: the next use sees an empty tenant", () => {
    const { registry, clock } = evictingRegistry();
    const before = registry.get("a");
    createThing(before, "x");
    before.advance(5_000);
    before.settings.moderation = "auto";
    clock.now += TTL + 1;
    expect(registry.peek("a")).toBeUndefined();
    const after = registry.get("a");
    expect(after).not.toBe(before);
    expect(fakeState(after).things.size).toBe(0);
    expect(after.now()).toBe(clock.now);
    expect(after.settings.moderation).toBe("manual");
    expect(registry.evictions).toBe(1);
  });

  it("idle exactly the TTL is not longer than it: the tenant stays", () => {
    const { registry, clock } = evictingRegistry();
    const tenant = registry.get("a");
    clock.now += TTL;
    expect(registry.get("a")).toBe(tenant);
  });

  it("a tenant used within the TTL keeps its state, however long it lives", () => {
    const { registry, clock } = evictingRegistry();
    const tenant = registry.get("a");
    createThing(tenant, "x");
    for (let i = 0; i < 10; i++) {
      clock.now += TTL - 1;
      expect(registry.get("a")).toBe(tenant);
    }
    expect(fakeState(tenant).things.has("x")).toBe(true);
  });

  it("TTL 0 never evicts", () => {
    const { registry, clock } = evictingRegistry({ ttl: 0 });
    const tenant = registry.get("a");
    clock.now += 100 * 365 * 24 * 3_600_000;
    expect(registry.sweep()).toBe(0);
    expect(registry.get("a")).toBe(tenant);
    expect(registry.evictions).toBe(0);
  });

  it("any use of another tenant evicts the idle ones, oldest first, at most EVICTIONS_PER_CALL of them", () => {
    const { registry, clock } = evictingRegistry();
    const count = EVICTIONS_PER_CALL + 5;
    for (let i = 0; i < count; i++) registry.get(`idle-${i}`);
    clock.now += 1;
    const fresh = registry.get("fresh");
    clock.now += TTL;
    registry.get("fresh");
    expect(registry.evictions).toBe(EVICTIONS_PER_CALL);
    expect(registry.size).toBe(count - EVICTIONS_PER_CALL + 1);
    expect(registry.peek(`idle-${count - 1}`)).toBeUndefined(); // still there, but idle too long: peek evicts it
    expect(registry.sweep()).toBe(4);
    expect([...registry.all()]).toEqual([fresh]);
  });

  it("never evicts a tenant in a call; its idle time starts when the call ends", () => {
    let open = true;
    const { registry, clock } = evictingRegistry({ inCall: (tenant) => open && tenant.id === "busy" });
    const busy = registry.get("busy");
    clock.now += TTL * 10;
    registry.get("other");
    expect(registry.peek("busy")).toBe(busy);
    expect(registry.sweep()).toBe(0);
    open = false;
    registry.touch(busy); // what the server does when the call's answer is closed
    clock.now += TTL;
    expect(registry.get("busy")).toBe(busy);
    clock.now += TTL + 1;
    expect(registry.get("busy")).not.toBe(busy);
  });

  it("an evicted tenant's issued tokens go with it: refused in strict mode", () => {
    const { registry, clock } = evictingRegistry({ auth: "strict" });
    const tenant = registry.get("team-a");
    const issued = registry.tokens.issue("team-a", "sandbox", T0 + 10 * TTL);
    expect(registry.authenticate(`Bearer ${issued.token}`)).toEqual({ ok: true, tenant });
    clock.now += TTL + 1;
    expect(registry.authenticate(`Bearer ${issued.token}`)).toEqual({ ok: false, reason: "unknown" });
    expect(registry.peek("team-a")).toBeUndefined();
  });

  it("an evicted tenant's tokens are forgotten: a tenant made again under its name does not revive them", () => {
    const { registry, clock } = evictingRegistry({ auth: "strict" });
    registry.get("team-a");
    const old = registry.tokens.issue("team-a", "sandbox", T0 + 10 * TTL);
    clock.now += TTL + 1;
    registry.get("other");
    expect(registry.tokens.lookup(old.token)).toBeUndefined();
    const again = registry.get("team-a");
    const fresh = registry.tokens.issue("team-a", "sandbox", T0 + 10 * TTL);
    expect(registry.authenticate(`Bearer ${old.token}`)).toEqual({ ok: false, reason: "unknown" });
    expect(registry.authenticate(`Bearer ${fresh.token}`)).toEqual({ ok: true, tenant: again });
    expect(registry.tokens.all().map((token) => token.token)).toEqual([fresh.token]);
  });

  it("in open mode a token of an evicted tenant no longer reaches it (it is just another token)", () => {
    const { registry, clock } = evictingRegistry();
    const tenant = registry.get("team-a");
    createThing(tenant, "x");
    const issued = registry.tokens.issue("team-a", "sandbox", T0 + 10 * TTL);
    clock.now += TTL + 1;
    const result = registry.authenticate(issued.token);
    expect(result.ok && result.tenant.id).toBe(issued.token);
    expect(registry.peek("team-a")).toBeUndefined();
  });

  it("the state file no longer holds an evicted tenant or its tokens", () => {
    const { registry, clock } = evictingRegistry();
    createThing(registry.get("gone"), "x");
    registry.tokens.issue("gone", "sandbox", T0 + 10 * TTL);
    clock.now += TTL + 1;
    registry.get("kept");
    const kept = registry.tokens.issue("kept", "sandbox", T0 + 10 * TTL);
    const file = exportRegistry(registry);
    expect(file.tenants.map((t) => (typeof t === "object" && t !== null && "tenant" in t ? t.tenant : undefined))).toEqual(["kept"]);
    expect(file.tokens.map((t) => t.token)).toEqual([kept.token]);
  });

  it("an imported tenant's idle time starts at the import", () => {
    const { registry, clock } = evictingRegistry();
    const source = registry.get("src");
    createThing(source, "x");
    const snapshot = exportSnapshot(registry, source);
    clock.now += TTL - 1;
    registry.get("src");
    const imported = importSnapshot(registry, "copy", snapshot);
    if (!imported.ok) throw new Error(imported.error);
    clock.now += TTL;
    expect(registry.peek("copy")).toBe(imported.value);
    expect(fakeState(imported.value).things.has("x")).toBe(true);
  });
});

describe("ownership claims (the Directory)", () => {
  it("another tenant's claim is visible; a reset, an import or an eviction releases it", () => {
    const { registry, clock } = evictingRegistry();
    const owner = registry.get("owner");
    const other = registry.get("other");
    owner.claim("thing", 7);
    expect(other.claimedByAnother("thing", 7)).toBe(true);
    expect(owner.claimedByAnother("thing", 7)).toBe(false);

    registry.reset("owner");
    expect(other.claimedByAnother("thing", 7)).toBe(false);
    owner.claim("thing", 7); // the dropped tenant (a call still holding it) claims nothing
    expect(other.claimedByAnother("thing", 7)).toBe(false);

    const current = registry.get("owner");
    current.claim("thing", 7);
    const imported = importSnapshot(registry, "owner", exportSnapshot(registry, registry.get("owner")));
    if (!imported.ok) throw new Error(imported.error);
    expect(other.claimedByAnother("thing", 7)).toBe(false);

    imported.value.claim("thing", 7);
    expect(other.claimedByAnother("thing", 7)).toBe(true);
    clock.now += TTL / 2;
    registry.get("other");
    clock.now += TTL / 2 + 1;
    const still = registry.get("other");
    expect(still).toBe(other);
    expect(other.claimedByAnother("thing", 7)).toBe(false);
  });

  it("an import refused half-way claims nothing", () => {
    const { registry } = evictingRegistry();
    const fresh = registry.fresh("x");
    fresh.claim("thing", 1);
    registry.discard(fresh);
    expect(registry.get("y").claimedByAnother("thing", 1)).toBe(false);
  });

  it("a key two tenants own stays claimed until both let it go", () => {
    const { registry } = evictingRegistry();
    const [a, b, c] = [registry.get("a"), registry.get("b"), registry.get("c")];
    a.claim("thing", 1);
    b.claim("thing", 1);
    expect(a.claimedByAnother("thing", 1)).toBe(true);
    b.unclaim("thing", 1);
    expect(a.claimedByAnother("thing", 1)).toBe(false);
    expect(c.claimedByAnother("thing", 1)).toBe(true);
  });
});
