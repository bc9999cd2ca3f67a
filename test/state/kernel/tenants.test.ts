import { describe, expect, it } from "vitest";
import { tokenFromHeader } from "../../../src/state/kernel/tenants.js";
import { makeRegistry } from "./registry-fixture.js";
import { T0 } from "./tenant-fixture.js";

describe("tokenFromHeader", () => {
  it.each([
    ["Bearer abc", "abc"],
    ["bearer abc", "abc"],
    ["Bearer: abc", "abc"],
    ["Bearer:abc", "abc"],
    ["  Bearer   abc  ", "abc"],
    ["abc", "abc"],
    ["Bearer ", ""],
    ["Bearer", ""],
    ["bearer:", ""],
    ["Bearerabc", "Bearerabc"],
    ["", ""],
  ])("%j -> %j", (header, token) => {
    expect(tokenFromHeader(header)).toBe(token);
  });

  it("no header -> empty", () => {
    expect(tokenFromHeader(undefined)).toBe("");
  });
});

describe("TenantRegistry.authenticate", () => {
  it("open mode: a token is a tenant, the same for every header form", () => {
    const registry = makeRegistry();
    const bearer = registry.authenticate("Bearer abc");
    const colon = registry.authenticate("Bearer: abc");
    const raw = registry.authenticate("abc");
    if (!bearer.ok || !colon.ok || !raw.ok) throw new Error("expected all three to authenticate");
    expect(bearer.tenant.id).toBe("abc");
    expect(colon.tenant).toBe(bearer.tenant);
    expect(raw.tenant).toBe(bearer.tenant);
    const other = registry.authenticate("Bearer xyz");
    expect(other.ok && other.tenant.id).toBe("xyz");
    expect(other.ok && other.tenant).not.toBe(bearer.tenant);
  });

  it("a missing or empty header is refused as missing", () => {
    const registry = makeRegistry();
    expect(registry.authenticate(undefined)).toEqual({ ok: false, reason: "missing" });
    expect(registry.authenticate("")).toEqual({ ok: false, reason: "missing" });
    expect(registry.authenticate("Bearer ")).toEqual({ ok: false, reason: "missing" });
    expect(registry.authenticate("Bearer")).toEqual({ ok: false, reason: "missing" });
    expect(registry.peek("Bearer")).toBeUndefined();
  });

  it("strict mode refuses tokens it did not issue and accepts those it did", () => {
    const registry = makeRegistry({ auth: "strict" });
    expect(registry.authenticate("Bearer abc")).toEqual({ ok: false, reason: "unknown" });
    expect(registry.peek("abc")).toBeUndefined();
    const issued = registry.tokens.issue("team-a", "sandbox", T0 + 60_000);
    const result = registry.authenticate(`Bearer ${issued.token}`);
    expect(result.ok && result.tenant.id).toBe("team-a");
  });

  it("an issued token expires on its tenant's virtual clock", () => {
    const registry = makeRegistry({ auth: "strict" });
    const issued = registry.tokens.issue("team-a", "sandbox", T0 + 60_000);
    const tenant = registry.get("team-a");
    tenant.advance(59_999);
    expect(registry.authenticate(`Bearer ${issued.token}`)).toEqual({ ok: true, tenant });
    tenant.advance(1);
    expect(registry.authenticate(`Bearer ${issued.token}`)).toEqual({ ok: false, reason: "expired" });
  });

  it("in open mode an expired issued token is refused too, not taken as a new tenant", () => {
    const registry = makeRegistry();
    const issued = registry.tokens.issue("team-a", "sandbox", T0 + 1000);
    registry.get("team-a").advance(1000);
    expect(registry.authenticate(issued.token)).toEqual({ ok: false, reason: "expired" });
    expect(registry.peek(issued.token)).toBeUndefined();
  });

  it("an issued token maps to its tenant, which is shared with the raw tenant id in open mode", () => {
    const registry = makeRegistry();
    const issued = registry.tokens.issue("team-a", "sandbox", T0 + 1000);
    const viaToken = registry.authenticate(`Bearer ${issued.token}`);
    const viaId = registry.authenticate("Bearer team-a");
    expect(viaToken.ok && viaId.ok && viaToken.tenant === viaId.tenant).toBe(true);
  });
});

describe("TenantRegistry lifecycle", () => {
  it("get creates on first use and returns the same tenant after", () => {
    const registry = makeRegistry();
    expect(registry.peek("a")).toBeUndefined();
    const a = registry.get("a");
    expect(registry.get("a")).toBe(a);
    expect(registry.peek("a")).toBe(a);
    expect([...registry.all()]).toEqual([a]);
  });

  it("reset replaces the tenant with a fresh one: clock, settings, timers and randomness", () => {
    const registry = makeRegistry();
    const a = registry.get("a");
    const firstDraw = a.rng.nextUint32();
    a.advance(5000);
    a.clock.freeze();
    a.settings.moderation = "auto";
    a.schedule(T0 + 99_999, "fake.expire", {});
    const fresh = registry.reset("a");
    expect(fresh).not.toBe(a);
    expect(registry.get("a")).toBe(fresh);
    expect(fresh.now()).toBe(T0);
    expect(fresh.clock.frozen).toBe(false);
    expect(fresh.settings).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "manual" });
    expect(fresh.scheduler.size).toBe(0);
    expect(fresh.rng.nextUint32()).toBe(firstDraw);
  });

  it("tokens issued for a tenant keep working after a reset", () => {
    const registry = makeRegistry({ auth: "strict" });
    const issued = registry.tokens.issue("a", "sandbox", T0 + 1000);
    registry.get("a");
    const fresh = registry.reset("a");
    expect(registry.authenticate(issued.token)).toEqual({ ok: true, tenant: fresh });
  });

  it("fresh builds an unregistered tenant; install makes it the one", () => {
    const registry = makeRegistry();
    const old = registry.get("a");
    const built = registry.fresh("a");
    expect(registry.get("a")).toBe(old);
    registry.install(built);
    expect(registry.get("a")).toBe(built);
  });

  it("new tenants take the server's default settings as a copy", () => {
    const registry = makeRegistry({ defaults: { rateLimits: "off", consistency: "immediate", moderation: "auto" } });
    const a = registry.get("a");
    expect(a.settings).toEqual({ rateLimits: "off", consistency: "immediate", moderation: "auto" });
    a.settings.rateLimits = "enforce";
    expect(registry.get("b").settings.rateLimits).toBe("off");
  });

  it("timerKinds lists every provider's timer kinds", () => {
    expect(makeRegistry().timerKinds()).toEqual(["fake.expire", "fake.chain"]);
  });
});
