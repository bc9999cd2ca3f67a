import request from "supertest";
import { describe, expect, it } from "vitest";
import { DURATION_FORMS } from "../../../src/mocks/sandbox/iso-duration.js";
import { makeControlApp } from "../../support/control-app.js";
import { createThing, fakeState } from "../../support/fake-provider.js";
import { T0 } from "../../support/fixed-time.js";

const AUTH = "Bearer alice";

describe("GET /__sandbox/clock", () => {
  it("reads the tenant's virtual time, running", async () => {
    const { app } = makeControlApp();
    const res = await request(app).get("/__sandbox/clock").set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: false });
  });

  it("each tenant has its own clock", async () => {
    const { app } = makeControlApp();
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT1H" }).expect(200);
    const bob = await request(app).get("/__sandbox/clock").set("Authorization", "Bearer bob");
    expect(bob.body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: false });
  });
});

describe("POST /__sandbox/clock/advance", () => {
  it("moves the clock by an ISO duration", async () => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT15M" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: "2026-01-15T09:15:00.000Z", fired: [], firedTotal: 0 });
    const clock = await request(app).get("/__sandbox/clock").set("Authorization", AUTH);
    expect(clock.body).toEqual({ now: "2026-01-15T09:15:00.000Z", frozen: false });
  });

  it("moves the clock by milliseconds, and by calendar months", async () => {
    const { app } = makeControlApp();
    const ms = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: 1500 });
    expect(ms.body).toEqual({ now: "2026-01-15T09:00:01.500Z", fired: [], firedTotal: 0 });
    const month = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "P1M" });
    expect(month.body).toEqual({ now: "2026-02-15T09:00:01.500Z", fired: [], firedTotal: 0 });
  });

  it("fires the timers that fall due, in order, each with its payload and the handler's detail", async () => {
    const { app, registry } = makeControlApp();
    const tenant = registry.get("alice");
    createThing(tenant, "late", 20 * 60_000);
    createThing(tenant, "early", 5 * 60_000);
    createThing(tenant, "never", 60 * 60_000);
    const res = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT20M" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      now: "2026-01-15T09:20:00.000Z",
      fired: [
        { at: "2026-01-15T09:05:00.000Z", kind: "fake.expire", thingId: "early", status: "expired" },
        { at: "2026-01-15T09:20:00.000Z", kind: "fake.expire", thingId: "late", status: "expired" },
      ],
      firedTotal: 2,
    });
    expect(fakeState(tenant).ran).toEqual([
      { kind: "fake.expire", now: T0 + 5 * 60_000, id: "early" },
      { kind: "fake.expire", now: T0 + 20 * 60_000, id: "late" },
    ]);
    expect(fakeState(tenant).things.get("never")?.status).toBe("new");
  });

  it("lists the first 1000 timers that fire and counts them all in firedTotal", async () => {
    const { app, registry } = makeControlApp();
    const tenant = registry.get("alice");
    for (let i = 1; i <= 1005; i++) createThing(tenant, `t${i}`, i * 1000);
    const res = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT1H" });
    expect(res.status).toBe(200);
    expect(res.body.firedTotal).toBe(1005);
    expect(res.body.fired).toHaveLength(1000);
    expect(res.body.fired[0]).toEqual({ at: "2026-01-15T09:00:01.000Z", kind: "fake.expire", thingId: "t1", status: "expired" });
    expect(res.body.fired[999]).toEqual({ at: "2026-01-15T09:16:40.000Z", kind: "fake.expire", thingId: "t1000", status: "expired" });
    expect(fakeState(tenant).things.get("t1005")?.status).toBe("expired");
  });

  it("lists timers that handlers schedule on the way", async () => {
    const { app, registry } = makeControlApp();
    const tenant = registry.get("alice");
    createThing(tenant, "x");
    tenant.schedule(T0 + 1000, "fake.chain", { thingId: "x" });
    const res = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT2M" });
    expect(res.body).toEqual({
      now: "2026-01-15T09:02:00.000Z",
      fired: [
        { at: "2026-01-15T09:00:01.000Z", kind: "fake.chain", thingId: "x" },
        { at: "2026-01-15T09:01:01.000Z", kind: "fake.expire", thingId: "x", status: "expired" },
      ],
      firedTotal: 2,
    });
  });

  it("payload keys named at or kind cannot override the timer's own", async () => {
    const { app, registry } = makeControlApp();
    registry.get("alice").schedule(T0 + 1, "fake.chain", { at: "bogus", kind: "bogus", thingId: "y" });
    const res = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: 1 });
    expect(res.body.fired).toEqual([{ at: "2026-01-15T09:00:00.001Z", kind: "fake.chain", thingId: "y" }]);
  });

  it.each([
    [{ by: "15 minutes" }, '"15 minutes"', ""],
    [{ by: 0 }, "0", ", greater than zero"],
    [{ by: -1000 }, "-1000", ", greater than zero"],
    [{}, "nothing", ""],
    [{ by: null }, "null", ""],
  ])("refuses %j with 400 invalid_duration", async (body, got, extra) => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "invalid_duration", message: `"by" must be ${DURATION_FORMS}${extra}; got ${got}` } });
    const clock = await request(app).get("/__sandbox/clock").set("Authorization", AUTH);
    expect(clock.body.now).toBe("2026-01-15T09:00:00.000Z");
  });

  it("refuses a request without a body", async () => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "invalid_duration", message: `"by" must be ${DURATION_FORMS}; got nothing` } });
  });

  it("reads a JSON body whatever its Content-Type (curl -d sends form encoding)", async () => {
    const { app } = makeControlApp();
    const res = await request(app)
      .post("/__sandbox/clock/advance")
      .set("Authorization", AUTH)
      .set("Content-Type", "application/x-www-form-urlencoded")
      .send('{"by":"PT1M"}');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: "2026-01-15T09:01:00.000Z", fired: [], firedTotal: 0 });
  });
});

describe("POST /__sandbox/clock/freeze and /resume", () => {
  it("freeze without a body stops the clock at now", async () => {
    const { app, registry } = makeControlApp();
    const res = await request(app).post("/__sandbox/clock/freeze").set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: true, fired: [], firedTotal: 0 });
    expect(registry.get("alice").clock.frozen).toBe(true);
    const clock = await request(app).get("/__sandbox/clock").set("Authorization", AUTH);
    expect(clock.body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: true });
  });

  it("freeze at a later instant fires what falls due up to it and stops there", async () => {
    const { app, registry } = makeControlApp();
    const tenant = registry.get("alice");
    createThing(tenant, "a", 30 * 60_000);
    createThing(tenant, "b", 3 * 3600_000);
    const res = await request(app)
      .post("/__sandbox/clock/freeze")
      .set("Authorization", AUTH)
      .send({ at: "2026-01-15T13:00:00+03:00" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      now: "2026-01-15T10:00:00.000Z",
      frozen: true,
      fired: [{ at: "2026-01-15T09:30:00.000Z", kind: "fake.expire", thingId: "a", status: "expired" }], firedTotal: 1,
    });
    expect(tenant.clock.snapshot().frozenAt).toBe(T0 + 3600_000);
    expect(tenant.scheduler.size).toBe(1);
  });

  it("freeze at an earlier instant is 409 clock_backwards and changes nothing", async () => {
    const { app, registry } = makeControlApp();
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT1H" }).expect(200);
    const res = await request(app).post("/__sandbox/clock/freeze").set("Authorization", AUTH).send({ at: "2026-01-15T09:30:00Z" });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: {
        code: "clock_backwards",
        message:
          "cannot freeze at 2026-01-15T09:30:00.000Z: the tenant's clock already reads 2026-01-15T10:00:00.000Z and only moves forward (timers that fired cannot be undone); freeze at or after now, or POST /__sandbox/reset",
      },
    });
    expect(registry.get("alice").clock.frozen).toBe(false);
  });

  it("freeze at exactly now is allowed", async () => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/clock/freeze").set("Authorization", AUTH).send({ at: "2026-01-15T09:00:00.000Z" });
    expect(res.body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: true, fired: [], firedTotal: 0 });
  });

  it.each([
    [{ at: "2026-01-15T09:00:00" }, '"2026-01-15T09:00:00"'],
    [{ at: "tomorrow" }, '"tomorrow"'],
    [{ at: 1768467600000 }, "1768467600000"],
    [[1], "[1]"],
  ])("refuses %j with 400 invalid_time", async (body, got) => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/clock/freeze").set("Authorization", AUTH).send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "invalid_time",
        message: `"at" must be an ISO-8601 date-time with seconds and an offset or Z, e.g. "2026-01-15T09:00:00Z" or "2026-01-15T12:00:00+03:00" (or leave it out to freeze now); got ${got}`,
      },
    });
  });

  it("advance moves a frozen clock, which stays frozen", async () => {
    const { app } = makeControlApp();
    await request(app).post("/__sandbox/clock/freeze").set("Authorization", AUTH).expect(200);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT5M" }).expect(200);
    const clock = await request(app).get("/__sandbox/clock").set("Authorization", AUTH);
    expect(clock.body).toEqual({ now: "2026-01-15T09:05:00.000Z", frozen: true });
  });

  it("resume lets the clock run again from where it stood", async () => {
    const { app, registry } = makeControlApp();
    await request(app).post("/__sandbox/clock/freeze").set("Authorization", AUTH).send({ at: "2026-01-15T11:00:00Z" }).expect(200);
    const res = await request(app).post("/__sandbox/clock/resume").set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ now: "2026-01-15T11:00:00.000Z", frozen: false });
    expect(registry.get("alice").clock.snapshot()).toEqual({ offsetMs: 2 * 3600_000, frozenAt: null });
  });

  it("resume on a running clock just reports it", async () => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/clock/resume").set("Authorization", AUTH);
    expect(res.body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: false });
  });
});
