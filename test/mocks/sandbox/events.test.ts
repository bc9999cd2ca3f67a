import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeControlApp } from "../../support/control-app.js";

const AUTH = "Bearer alice";

describe("GET /__sandbox/events", () => {
  async function history() {
    const made = makeControlApp();
    const { app } = made;
    await request(app).post("/fake/things").set("Authorization", AUTH).send({ id: "a", expiresInMs: 120_000 }).expect(201);
    await request(app).post("/fake/things").set("Authorization", AUTH).send({ id: "b" }).expect(201);
    await request(app).post("/__sandbox/fake/things/b/poke").set("Authorization", AUTH).expect(200);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT5M" }).expect(200);
    return made;
  }

  const A_CREATED = { seq: 1, at: "2026-01-15T09:00:00.000Z", provider: "fake", entity: "thing", id: "a", from: null, to: "new", cause: "request" };
  const B_CREATED = { seq: 2, at: "2026-01-15T09:00:00.000Z", provider: "fake", entity: "thing", id: "b", from: null, to: "new", cause: "request" };
  const B_POKED = {
    seq: 3,
    at: "2026-01-15T09:00:00.000Z",
    provider: "fake",
    entity: "thing",
    id: "b",
    from: "new",
    to: "poked",
    cause: "control",
    detail: { via: "control" },
  };
  const A_EXPIRED = {
    seq: 4,
    at: "2026-01-15T09:02:00.000Z",
    provider: "fake",
    entity: "thing",
    id: "a",
    from: "new",
    to: "expired",
    cause: "timer",
    detail: { via: "timer" },
  };

  it("lists every state change with its time and cause (request, control, timer), oldest first", async () => {
    const { app } = await history();
    const res = await request(app).get("/__sandbox/events").set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ events: [A_CREATED, B_CREATED, B_POKED, A_EXPIRED] });
  });

  it.each([
    ["provider=fake", [A_CREATED, B_CREATED, B_POKED, A_EXPIRED]],
    ["provider=other", []],
    ["entity=thing&id=b", [B_CREATED, B_POKED]],
    ["id=a", [A_CREATED, A_EXPIRED]],
    ["since=2", [B_POKED, A_EXPIRED]],
    ["since=4", []],
    ["since=0&id=a", [A_CREATED, A_EXPIRED]],
  ])("filters by %s", async (query, expected) => {
    const { app } = await history();
    const res = await request(app).get(`/__sandbox/events?${query}`).set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ events: expected });
  });

  it("only the caller's tenant's events", async () => {
    const { app } = await history();
    const res = await request(app).get("/__sandbox/events").set("Authorization", "Bearer bob");
    expect(res.body).toEqual({ events: [] });
  });

  it("a timer that fell due fires before the events are read, without an explicit advance", async () => {
    const { app, registry } = makeControlApp();
    await request(app).post("/fake/things").set("Authorization", AUTH).send({ id: "a", expiresInMs: 1000 }).expect(201);
    registry.get("alice").clock.advance(1000);
    const res = await request(app).get("/__sandbox/events?id=a&since=1").set("Authorization", AUTH);
    expect(res.body).toEqual({
      events: [{ ...A_EXPIRED, seq: 2, at: "2026-01-15T09:00:01.000Z" }],
    });
  });

  it.each([
    ["since=-1", "since: since must be a whole number (an event seq)"],
    ["since=abc", "since: since must be a whole number (an event seq)"],
    ["kind=x", 'Unrecognized key: "kind"'],
  ])("refuses %s with 400 invalid_query", async (query, issue) => {
    const { app } = makeControlApp();
    const res = await request(app).get(`/__sandbox/events?${query}`).set("Authorization", AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "invalid_query",
        message: `GET /__sandbox/events takes provider, entity, id, cause and since (an event seq), each at most once: ${issue}`,
      },
    });
  });
});
