import request from "supertest";
import type { App } from "../../support/app.js";
import { describe, expect, it } from "vitest";
import { makeControlApp } from "../../support/control-app.js";

const AUTH = "Bearer alice";

/** Three provider calls (journaled) and control-plane calls in between (not journaled). */
async function traffic(app: App): Promise<void> {
  await request(app).post("/fake/things").set("Authorization", AUTH).send({ id: "a" }).expect(201);
  await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT1M" }).expect(200);
  await request(app).get("/fake/things/a?verbose=1").set("Authorization", AUTH).expect(200);
  await request(app).get("/__sandbox/clock").set("Authorization", AUTH).expect(200);
  await request(app).get("/fake/things/zzz").set("Authorization", AUTH).expect(404);
}

const CREATE = {
  seq: 1,
  at: "2026-01-15T09:00:00.000Z",
  provider: "fake",
  method: "POST",
  path: "/fake/things",
  query: "",
  status: 201,
  requestBody: { id: "a" },
  responseBody: { id: "a", status: "new" },
  headers: { authorization: "Bearer al…(masked)", "content-type": "application/json" },
  durationMs: expect.any(Number),
  operation: "createThing",
  nearestOperation: null,
  fault: null,
};
const READ = {
  seq: 2,
  at: "2026-01-15T09:01:00.000Z",
  provider: "fake",
  method: "GET",
  path: "/fake/things/a",
  query: "verbose=1",
  status: 200,
  requestBody: null,
  responseBody: { id: "a", status: "new" },
  headers: { authorization: "Bearer al…(masked)" },
  durationMs: expect.any(Number),
  operation: "getThing",
  nearestOperation: null,
  fault: null,
};
const MISSING = {
  seq: 3,
  at: "2026-01-15T09:01:00.000Z",
  provider: "fake",
  method: "GET",
  path: "/fake/things/zzz",
  query: "",
  status: 404,
  requestBody: null,
  responseBody: { detail: "Not found." },
  headers: { authorization: "Bearer al…(masked)" },
  durationMs: expect.any(Number),
  operation: "getThing",
  nearestOperation: null,
  fault: null,
};

describe("GET /__sandbox/requests", () => {
  it("lists the tenant's provider calls oldest first; control-plane calls are not journaled", async () => {
    const { app } = makeControlApp();
    await traffic(app);
    const res = await request(app).get("/__sandbox/requests").set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ requests: [CREATE, READ, MISSING], dropped: 0 });
  });

  it("only the caller's tenant's calls", async () => {
    const { app } = makeControlApp();
    await traffic(app);
    const res = await request(app).get("/__sandbox/requests").set("Authorization", "Bearer bob");
    expect(res.body).toEqual({ requests: [], dropped: 0 });
  });

  it.each([
    ["provider=fake", [CREATE, READ, MISSING]],
    ["provider=yoomoney", []],
    ["method=get", [READ, MISSING]],
    ["method=POST", [CREATE]],
    ["path=/fake/things", [CREATE]],
    ["path=/fake/things/*", [READ, MISSING]],
    ["path=/fake/*", [CREATE, READ, MISSING]],
    ["path=/fake/things/a", [READ]],
    ["method=GET&path=/fake/things/z*", [MISSING]],
    ["limit=2", [READ, MISSING]],
    ["limit=1&method=POST", [CREATE]],
  ])("filters by %s", async (query, expected) => {
    const { app } = makeControlApp();
    await traffic(app);
    const res = await request(app).get(`/__sandbox/requests?${query}`).set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ requests: expected, dropped: 0 });
  });

  it.each([
    ["limit=0", "limit: limit must be a whole number from 1 to 9999999"],
    ["limit=ten", "limit: limit must be a whole number from 1 to 9999999"],
    ["method=GET&method=POST", "method: Invalid input: expected string, received array"],
    ["provder=fake", 'Unrecognized key: "provder"'],
  ])("refuses %s with 400 invalid_query", async (query, issue) => {
    const { app } = makeControlApp();
    const res = await request(app).get(`/__sandbox/requests?${query}`).set("Authorization", AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "invalid_query",
        message: `GET /__sandbox/requests takes provider, operation, method, path (exact, or a prefix ending in *), status (e.g. 404, or a class: 4xx), since and until (ISO-8601 instants of the tenant's clock, since inclusive, until exclusive) and limit (a whole number >= 1), each at most once: ${issue}`,
      },
    });
  });

  it("is bounded: the oldest calls drop out and are counted", async () => {
    const { app } = makeControlApp({ limits: { journalSize: 2, eventLogSize: 10 } });
    await traffic(app);
    const res = await request(app).get("/__sandbox/requests").set("Authorization", AUTH);
    expect(res.body).toEqual({ requests: [READ, MISSING], dropped: 1 });
  });
});

describe("DELETE /__sandbox/requests", () => {
  it("empties the journal with 204", async () => {
    const { app } = makeControlApp({ limits: { journalSize: 2, eventLogSize: 10 } });
    await traffic(app);
    const res = await request(app).delete("/__sandbox/requests").set("Authorization", AUTH);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    const after = await request(app).get("/__sandbox/requests").set("Authorization", AUTH);
    expect(after.body).toEqual({ requests: [], dropped: 0 });
    await request(app).get("/fake/things/a").set("Authorization", AUTH).expect(200);
    const next = await request(app).get("/__sandbox/requests").set("Authorization", AUTH);
    expect(next.body.requests.map((r: { seq: number }) => r.seq)).toEqual([4]);
  });
});
