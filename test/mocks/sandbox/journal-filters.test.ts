import request from "supertest";
import { describe, expect, it } from "vitest";
import { maskAuthorization } from "../../../src/mocks/http/journal-headers.js";
import type { App } from "../../support/app.js";
import { makeControlApp } from "../../support/control-app.js";

const AUTH = "Bearer alice";

interface Listed {
  seq: number;
  at: string;
  status: number;
  headers: Record<string, string>;
  durationMs: number;
  operation: string | null;
  nearestOperation: string | null;
  fault: string | null;
}

/**
 * Six provider calls over three virtual minutes (09:00, 09:01, 09:02):
 * 1 createThing 201, 2 getThing 200, 3 getThing 404 (09:01), 4 a path no route has (404),
 * 5 PUT on getThing's path (405), 6 getThing 200 (09:02).
 */
async function traffic(app: App): Promise<void> {
  await request(app).post("/fake/things").set("Authorization", AUTH).send({ id: "a" }).expect(201);
  await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT1M" }).expect(200);
  await request(app).get("/fake/things/a").set("Authorization", AUTH).expect(200);
  await request(app).get("/fake/things/zzz").set("Authorization", AUTH).expect(404);
  await request(app).get("/fake/thingz").set("Authorization", AUTH).expect(404);
  await request(app).put("/fake/things/a").set("Authorization", AUTH).send({}).expect(405);
  await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT1M" }).expect(200);
  await request(app).get("/fake/things/a").set("Authorization", AUTH).expect(200);
}

async function listed(app: App, query: string): Promise<Listed[]> {
  const res = await request(app).get(`/__sandbox/requests?${query}`).set("Authorization", AUTH);
  expect(res.status).toBe(200);
  return res.body.requests;
}

async function counted(app: App, query: string): Promise<unknown> {
  const res = await request(app).get(`/__sandbox/requests/count?${query}`).set("Authorization", AUTH);
  expect(res.status).toBe(200);
  return res.body;
}

describe("GET /__sandbox/requests: what each entry records", () => {
  it("the operation id, headers with Authorization masked, a real duration and no fault", async () => {
    const { app } = makeControlApp();
    await request(app).post("/fake/things").set("Authorization", AUTH).set("User-Agent", "shop/1.0").set("X-Trace", "t-1").send({ id: "a" }).expect(201);
    const [entry] = await listed(app, "");
    expect(entry).toMatchObject({
      operation: "createThing",
      nearestOperation: null,
      fault: null,
      // Only the fixed list is kept: X-Trace, Host and Content-Length are not.
      headers: { authorization: "Bearer al…(masked)", "content-type": "application/json", "user-agent": "shop/1.0" },
    });
    expect(Object.keys(entry?.headers ?? {}).sort()).toEqual(["authorization", "content-type", "user-agent"]);
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0);
    expect(entry?.durationMs).toBeLessThan(60_000);
    expect(JSON.stringify(entry)).not.toContain("alice");
  });

  it("a short token shows none of its characters", async () => {
    const { app } = makeControlApp();
    await request(app).get("/fake/things/a").set("Authorization", "Bearer bob").expect(404);
    const res = await request(app).get("/__sandbox/requests").set("Authorization", "Bearer bob");
    expect(res.body.requests[0].headers).toEqual({ authorization: "Bearer …(masked)" });
  });

  it("a 404 of an unknown path names the operation whose path is nearest; a 405 names the operation of the path called", async () => {
    const { app } = makeControlApp();
    await traffic(app);
    const misses = await listed(app, "status=4xx");
    expect(misses.map((e) => [e.seq, e.status, e.operation, e.nearestOperation])).toEqual([
      [3, 404, "getThing", null], // the route matched; the thing is missing
      [4, 404, null, "createThing"], // /fake/thingz is one edit from /fake/things
      [5, 405, null, "getThing"], // /fake/things/a is getThing's path, though /fake/things is fewer edits away
    ]);
  });
});

describe("maskAuthorization", () => {
  it.each([
    ["Bearer alice", "Bearer al…(masked)"],
    ["Bearer abcd", "Bearer …(masked)"],
    ["Bearer abcde", "Bearer ab…(masked)"],
    ["eyJhbGciOiJIUzI1NiJ9.payload.sig", "ey…(masked)"],
    ["", "…(masked)"],
  ])("%j -> %j", (header, masked) => {
    expect(maskAuthorization(header)).toBe(masked);
  });
});

describe("GET /__sandbox/requests filters (AND) and GET /__sandbox/requests/count", () => {
  it.each([
    ["", [1, 2, 3, 4, 5, 6]],
    ["operation=getThing", [2, 3, 6]],
    ["operation=createThing", [1]],
    ["operation=nope", []],
    ["status=200", [2, 6]],
    ["status=404", [3, 4]],
    ["status=4xx", [3, 4, 5]],
    ["status=2xx", [1, 2, 6]],
    ["status=5xx", []],
    ["method=put", [5]],
    ["path=/fake/things/a", [2, 5, 6]],
    ["path=/fake/thing*", [1, 2, 3, 4, 5, 6]],
    ["path=/fake/things/*", [2, 3, 5, 6]],
    ["since=2026-01-15T09:01:00.000Z", [2, 3, 4, 5, 6]],
    ["since=2026-01-15T09:01:00.001Z", [6]],
    ["until=2026-01-15T09:01:00.000Z", [1]],
    ["until=2026-01-15T09:02:00.000Z", [1, 2, 3, 4, 5]],
    ["since=2026-01-15T09:01:00.000Z&until=2026-01-15T09:02:00.000Z", [2, 3, 4, 5]],
    ["operation=getThing&status=200", [2, 6]],
    ["operation=getThing&status=200&since=2026-01-15T09:02:00.000Z", [6]],
    ["method=GET&path=/fake/things/a&status=2xx", [2, 6]],
    ["provider=fake&status=405", [5]],
    ["provider=other&status=405", []],
  ])("%s", async (query, seqs) => {
    const { app } = makeControlApp();
    await traffic(app);
    expect((await listed(app, query)).map((e) => e.seq)).toEqual(seqs);
    expect(await counted(app, query)).toEqual({ count: seqs.length });
  });

  it("counts \"called twice\" and limit still keeps the newest matches", async () => {
    const { app } = makeControlApp();
    await traffic(app);
    expect(await counted(app, "operation=getThing&status=200")).toEqual({ count: 2 });
    expect((await listed(app, "operation=getThing&limit=1")).map((e) => e.seq)).toEqual([6]);
  });

  it("counts only the caller's tenant's calls, and none after DELETE", async () => {
    const { app } = makeControlApp();
    await traffic(app);
    const bob = await request(app).get("/__sandbox/requests/count").set("Authorization", "Bearer bob");
    expect(bob.body).toEqual({ count: 0 });
    await request(app).delete("/__sandbox/requests").set("Authorization", AUTH).expect(204);
    expect(await counted(app, "")).toEqual({ count: 0 });
  });
});

const LIST_TAKES =
  "GET /__sandbox/requests takes provider, operation, method, path (exact, or a prefix ending in *), status (e.g. 404, or a class: 4xx), since and until (ISO-8601 instants of the tenant's clock, since inclusive, until exclusive) and limit (a whole number >= 1), each at most once: ";
const COUNT_TAKES =
  "GET /__sandbox/requests/count takes provider, operation, method, path (exact, or a prefix ending in *), status (e.g. 404, or a class: 4xx), since and until (ISO-8601 instants of the tenant's clock, since inclusive, until exclusive), each at most once: ";
const STATUS = "status: status must be an HTTP status such as 404, or a class such as 4xx";

describe("refused filters: 400 invalid_query", () => {
  it.each([
    ["/requests", "status=40", `${LIST_TAKES}${STATUS}`],
    ["/requests", "status=4XX", `${LIST_TAKES}${STATUS}`],
    ["/requests", "status=600", `${LIST_TAKES}${STATUS}`],
    ["/requests", "since=yesterday", `${LIST_TAKES}since: Invalid ISO datetime`],
    ["/requests", "operation=a&operation=b", `${LIST_TAKES}operation: Invalid input: expected string, received array`],
    ["/requests/count", "until=2026-01-15", `${COUNT_TAKES}until: Invalid ISO datetime`],
    ["/requests/count", "status=abc", `${COUNT_TAKES}${STATUS}`],
    ["/requests/count", "limit=2", `${COUNT_TAKES}Unrecognized key: "limit"`],
    ["/requests/count", "opration=getThing", `${COUNT_TAKES}Unrecognized key: "opration"`],
  ])("GET %s?%s", async (path, query, message) => {
    const { app } = makeControlApp();
    const res = await request(app).get(`/__sandbox${path}?${query}`).set("Authorization", AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "invalid_query", message } });
  });
});
