import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeControlApp } from "../../support/control-app.js";
import { createThing, fakeState } from "../../support/fake-provider.js";
import { T0 } from "../../support/fixed-time.js";

const AUTH = "Bearer alice";

describe("POST /__sandbox/reset", () => {
  it("wipes the caller's tenant: clock, settings, timers, provider state", async () => {
    const { app, registry } = makeControlApp();
    const before = registry.get("alice");
    createThing(before, "x", 60_000);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT10S" }).expect(200);
    await request(app).patch("/__sandbox/settings").set("Authorization", AUTH).send({ moderation: "auto" }).expect(200);
    const res = await request(app).post("/__sandbox/reset").set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ tenant: "alice", reset: true });
    const after = registry.get("alice");
    expect(after).not.toBe(before);
    expect(after.now()).toBe(T0);
    expect(after.scheduler.size).toBe(0);
    expect(fakeState(after).things.size).toBe(0);
    const settings = await request(app).get("/__sandbox/settings").set("Authorization", AUTH);
    expect(settings.body).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "manual" });
  });

  it("leaves other tenants alone", async () => {
    const { app, registry } = makeControlApp();
    const bob = registry.get("bob");
    bob.advance(5000);
    await request(app).post("/__sandbox/reset").set("Authorization", AUTH).expect(200);
    expect(registry.get("bob")).toBe(bob);
    expect(bob.now()).toBe(T0 + 5000);
  });
});

describe("GET /__sandbox/state", () => {
  it("exports the tenant's whole state", async () => {
    const { app, registry } = makeControlApp();
    const tenant = registry.get("alice");
    createThing(tenant, "x", 60_000);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT10S" }).expect(200);
    const res = await request(app).get("/__sandbox/state").set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      schemaVersion: 1,
      tenant: "alice",
      clock: { offsetMs: 10_000, frozenAt: null },
      settings: { rateLimits: "enforce", consistency: "realistic", moderation: "manual" },
      rng: tenant.rng.snapshot(),
      scheduler: { nextId: 2, timers: [{ id: 1, at: T0 + 60_000, kind: "fake.expire", payload: { thingId: "x" } }] },
      providers: { fake: { things: [{ id: "x", status: "new" }] } },
    });
  });
});

describe("PUT /__sandbox/state", () => {
  it("round trip: export, reset, import restores clock, settings, rng, timers and provider state", async () => {
    const { app, registry } = makeControlApp();
    const tenant = registry.get("alice");
    createThing(tenant, "x", 60 * 60_000);
    tenant.rng.nextUint32();
    await request(app).post("/__sandbox/clock/freeze").set("Authorization", AUTH).send({ at: "2026-01-15T09:30:00Z" }).expect(200);
    await request(app).patch("/__sandbox/settings").set("Authorization", AUTH).send({ consistency: "immediate" }).expect(200);
    const exported = await request(app).get("/__sandbox/state").set("Authorization", AUTH).expect(200);
    const nextDraws = [tenant.rng.nextUint32(), tenant.rng.nextUint32()];

    await request(app).post("/__sandbox/reset").set("Authorization", AUTH).expect(200);
    const wiped = await request(app).get("/__sandbox/clock").set("Authorization", AUTH);
    expect(wiped.body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: false });

    const res = await request(app).put("/__sandbox/state").set("Authorization", AUTH).send(exported.body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ tenant: "alice", imported: true });

    const clock = await request(app).get("/__sandbox/clock").set("Authorization", AUTH);
    expect(clock.body).toEqual({ now: "2026-01-15T09:30:00.000Z", frozen: true });
    const settings = await request(app).get("/__sandbox/settings").set("Authorization", AUTH);
    expect(settings.body).toEqual({ rateLimits: "enforce", consistency: "immediate", moderation: "manual" });
    const restored = registry.get("alice");
    expect([restored.rng.nextUint32(), restored.rng.nextUint32()]).toEqual(nextDraws);
    const again = await request(app).get("/__sandbox/state").set("Authorization", AUTH);
    expect({ ...again.body, rng: null }).toEqual({ ...exported.body, rng: null });
    const advanced = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT30M" });
    expect(advanced.body).toEqual({
      now: "2026-01-15T10:00:00.000Z",
      fired: [{ at: "2026-01-15T10:00:00.000Z", kind: "fake.expire", thingId: "x", status: "expired" }], firedTotal: 1,
    });
  });

  it("imports another tenant's snapshot into the caller's tenant", async () => {
    const { app, registry } = makeControlApp();
    registry.get("bob").advance(7000);
    const exported = await request(app).get("/__sandbox/state").set("Authorization", "Bearer bob").expect(200);
    expect(exported.body.tenant).toBe("bob");
    const res = await request(app).put("/__sandbox/state").set("Authorization", AUTH).send(exported.body);
    expect(res.body).toEqual({ tenant: "alice", imported: true });
    expect(registry.get("alice").now()).toBe(T0 + 7000);
  });

  it("refuses an invalid snapshot with 400 invalid_state and leaves the tenant unchanged", async () => {
    const { app, registry } = makeControlApp();
    const tenant = registry.get("alice");
    createThing(tenant, "x");
    const exported = await request(app).get("/__sandbox/state").set("Authorization", AUTH).expect(200);
    const res = await request(app)
      .put("/__sandbox/state")
      .set("Authorization", AUTH)
      .send({ ...exported.body, clock: { offsetMs: "soon", frozenAt: null } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "invalid_state",
        message: "the snapshot was not imported and the tenant is unchanged: clock.offsetMs: Invalid input: expected number, received string",
      },
    });
    expect(registry.get("alice")).toBe(tenant);
  });

  it("refuses provider state the provider rejects, leaving the tenant unchanged", async () => {
    const { app, registry } = makeControlApp();
    const tenant = registry.get("alice");
    const exported = await request(app).get("/__sandbox/state").set("Authorization", AUTH).expect(200);
    const res = await request(app)
      .put("/__sandbox/state")
      .set("Authorization", AUTH)
      .send({ ...exported.body, providers: { fake: { things: [{ id: 1 }] } } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "invalid_state",
        message: "the snapshot was not imported and the tenant is unchanged: providers.fake: every thing needs an id and a status",
      },
    });
    expect(registry.get("alice")).toBe(tenant);
  });

  it("refuses state for a provider the sandbox does not serve", async () => {
    const { app } = makeControlApp();
    const exported = await request(app).get("/__sandbox/state").set("Authorization", AUTH).expect(200);
    const res = await request(app)
      .put("/__sandbox/state")
      .set("Authorization", AUTH)
      .send({ ...exported.body, providers: { myshare: {} } });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "invalid_state",
      message:
        'the snapshot was not imported and the tenant is unchanged: providers: this sandbox does not serve "myshare" (it serves: fake); remove that state from the snapshot',
    });
  });

  it("refuses an empty body", async () => {
    const { app } = makeControlApp();
    const res = await request(app).put("/__sandbox/state").set("Authorization", AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: "invalid_state", message: "the body is empty: send a snapshot as GET /__sandbox/state returns it" },
    });
  });

  it("takes a large snapshot (above the 1mb limit of other calls)", async () => {
    const { app, registry } = makeControlApp();
    const exported = await request(app).get("/__sandbox/state").set("Authorization", AUTH).expect(200);
    const things = Array.from({ length: 30_000 }, (_, i) => ({ id: `thing-${i}`, status: "new-and-padded-status" }));
    const body = { ...exported.body, providers: { fake: { things } } };
    expect(JSON.stringify(body).length).toBeGreaterThan(1024 * 1024);
    const res = await request(app).put("/__sandbox/state").set("Authorization", AUTH).send(body);
    expect(res.status).toBe(200);
    expect(fakeState(registry.get("alice")).things.size).toBe(30_000);
  });
});
