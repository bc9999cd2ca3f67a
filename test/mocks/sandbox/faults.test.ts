import { request as httpRequest } from "node:http";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../../src/server.js";
import { afterThisTest } from "../../support/after-test.js";
import { T0 } from "../../support/fixed-time.js";
import { collectLogs } from "../../support/log-lines.js";
import type { SandboxLogger } from "../../../src/mocks/http/logger.js";
import { openApiAnswerRecorder } from "../../support/openapi-answers.js";

/**
 * Faults (`/__sandbox/faults`): a sandbox whose answers are checked against their zod contracts, and whose
 * control-plane answers are checked against openapi/sandbox.json (a faulted provider answer is, on purpose,
 * a status its operation does not document). Real time stands at T0; only the virtual clock moves.
 */
function sandbox(logger?: SandboxLogger): Sandbox {
  const recorder = openApiAnswerRecorder();
  const made = createSandbox({
    ...(logger === undefined ? {} : { logger }),
    validateResponses: true,
    realNow: () => T0,
    tenantTtlMs: 0,
    onAnswer: (answer) => {
      if (answer.path.startsWith("/__sandbox")) recorder.onAnswer(answer);
    },
  });
  afterThisTest(() => {
    expect(made.violations).toEqual([]);
    expect(recorder.mismatches).toEqual([]);
  });
  return made;
}

const AUTH = "Bearer alice";
const YM = "/api/offerwall/v1";

function addFault(app: Sandbox["app"], fault: unknown, auth = AUTH) {
  return request(app).post("/__sandbox/faults").set("Authorization", auth).send(JSON.stringify(fault)).set("Content-Type", "application/json");
}

const balance = (app: Sandbox["app"], auth = AUTH) => request(app).get("/adv/v1/balance").set("Authorization", auth);

async function noRateLimits(app: Sandbox["app"], auth = AUTH): Promise<void> {
  await request(app).patch("/__sandbox/settings").set("Authorization", auth).send({ rateLimits: "off" }).expect(200);
}

describe("a status fault answers in the provider's own dialect", () => {
  it("Wildberries: the gateway's error object, statusText the reason phrase, on the tenant's clock, before the rate limit", async () => {
    const { app } = sandbox();
    const made = await addFault(app, { provider: "wildberries", operation: "getBalance", respond: { status: 503 } });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ id: "f1", provider: "wildberries", operation: "getBalance", respond: { status: 503 }, remaining: null, applied: 0 });
    const res = await balance(app);
    expect(res.status).toBe(503);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    // Answered before the rate limit: no X-Ratelimit-Remaining.
    expect(res.headers["x-ratelimit-remaining"]).toBeUndefined();
    expect(res.body).toEqual({
      title: "service unavailable",
      detail: "Service Unavailable",
      // Derived from the token, method, path and status (and the instant): the same call, the same body.
      code: "d504daac-cc5fb316f434-[UK-a97007ef7a1]",
      requestId: "35ea67232355f7a1f101c4500c8ed5ef",
      origin: "s2s-api-auth-adv",
      status: 503,
      statusText: "Service Unavailable",
      timestamp: "2026-01-15T09:00:00Z",
    });
    // Deterministic: the same call, the same body.
    expect((await balance(app)).body).toEqual(res.body);
  });

  it("Wildberries: a 429 fault carries the gateway's X-Ratelimit headers", async () => {
    const { app } = sandbox();
    await addFault(app, { path: "/adv/v1/balance", respond: { status: 429 } }).expect(201);
    const res = await balance(app);
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ title: "too many requests", detail: expect.stringMatching(/^limited by [0-9a-f-]{36}$/), status: 429, statusText: "Too Many Requests" });
    expect([res.headers["x-ratelimit-retry"], res.headers["x-ratelimit-limit"], res.headers["x-ratelimit-reset"]]).toEqual(["1", "1", "1"]);
  });

  it("YooMoney (a token-first POST): the error envelope", async () => {
    const { app } = sandbox();
    await addFault(app, { provider: "yoomoney", respond: { status: 503 } }).expect(201);
    const res = await request(app).post(`${YM}/categories/get`).set("Authorization", AUTH).send({});
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: "error", errors: { code: "internalError", value: "Internal error", description: "Service Unavailable" } });
  });

  it("YooMoney: a 429 is tooManyRequests with Retry-After", async () => {
    const { app } = sandbox();
    await addFault(app, { operation: "getCategories", respond: { status: 429 } }).expect(201);
    const res = await request(app).post(`${YM}/categories/get`).set("Authorization", AUTH).send({});
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("1");
    expect(res.body).toEqual({ status: "error", errors: { code: "tooManyRequests", value: "Too many requests", description: "Too Many Requests" } });
  });

  it.each([
    [503, { detail: "Service Unavailable." }, {}],
    [500, { detail: "A server error occurred." }, {}],
    [429, { detail: "Request was throttled. Expected available in 1 second." }, { "retry-after": "1" }],
    [403, { detail: "You do not have permission to perform this action." }, {}],
  ])("myshare %i: DRF's {\"detail\"}", async (status, body, headers) => {
    const { app } = sandbox();
    await addFault(app, { provider: "myshare", method: "GET", path: "/catalog/", respond: { status } }).expect(201);
    const res = await request(app).get("/catalog/").set("Authorization", AUTH);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(body);
    expect(res.headers).toMatchObject(headers);
  });
});

describe("a fault with a given body and headers", () => {
  it("answers them as given (JSON)", async () => {
    const { app } = sandbox();
    await addFault(app, { path: "/adv/v1/balance", respond: { status: 418, body: { teapot: [1, 2] }, headers: { "X-Test": "yes" } } }).expect(201);
    const res = await balance(app);
    expect(res.status).toBe(418);
    expect(res.body).toEqual({ teapot: [1, 2] });
    expect(res.headers["x-test"]).toBe("yes");
  });

  it("headers without a body are added to the provider's own body", async () => {
    const { app } = sandbox();
    await addFault(app, { path: "/catalog/*", respond: { status: 503, headers: { "Retry-After": "7" } } }).expect(201);
    const res = await request(app).get("/catalog/").set("Authorization", AUTH);
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("7");
    expect(res.body).toEqual({ detail: "Service Unavailable." });
  });
});

describe("scope", () => {
  it("times: fails twice, then succeeds; the used-up fault stays listed", async () => {
    const { app } = sandbox();
    await addFault(app, { operation: "getBalance", respond: { status: 502 }, times: 2 }).expect(201);
    expect((await balance(app)).status).toBe(502);
    expect((await balance(app)).status).toBe(502);
    const third = await balance(app);
    expect(third.status).toBe(200);
    expect(third.body).toMatchObject({ balance: expect.any(Number) });
    const listed = await request(app).get("/__sandbox/faults").set("Authorization", AUTH).expect(200);
    expect(listed.body).toEqual({ faults: [{ id: "f1", operation: "getBalance", respond: { status: 502 }, times: 2, remaining: 0, applied: 2 }] });
  });

  async function hits(app: Sandbox["app"], auth: string, calls: number): Promise<string> {
    let seen = "";
    for (let i = 0; i < calls; i++) seen += (await balance(app, auth)).status === 503 ? "x" : ".";
    return seen;
  }

  it("probability with a seed: the same seed gives the same hits and misses, another seed another sequence", async () => {
    const runs: string[] = [];
    for (const [tenant, seed] of [["Bearer t1", "alpha"], ["Bearer t2", "alpha"], ["Bearer t3", "beta"]] as const) {
      const { app } = sandbox();
      await noRateLimits(app, tenant);
      await addFault(app, { path: "/adv/*", respond: { status: 503 }, probability: 0.5, seed }, tenant).expect(201);
      runs.push(await hits(app, tenant, 24));
    }
    const [first, second, other] = runs;
    expect(first).toMatch(/x/);
    expect(first).toMatch(/\./);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it("a window on the tenant's clock: from PT10H to PT12H", async () => {
    const { app } = sandbox();
    const made = await addFault(app, { provider: "wildberries", respond: { status: 503 }, from: "PT10H", to: "PT12H" }).expect(201);
    expect(made.body).toMatchObject({ from: "2026-01-15T19:00:00.000Z", to: "2026-01-15T21:00:00.000Z" });
    expect((await balance(app)).status).toBe(200);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT10H" }).expect(200);
    expect((await balance(app)).status).toBe(503);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT1H59M" }).expect(200);
    expect((await balance(app)).status).toBe(503);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT1M" }).expect(200);
    expect((await balance(app)).status).toBe(200);
  });

  it("a window given as instants", async () => {
    const { app } = sandbox();
    const made = await addFault(app, { path: "/adv/v1/balance", respond: { status: 503 }, from: "2026-01-16T10:00:00+03:00", to: "2026-01-16T12:00:00+03:00" }).expect(201);
    expect(made.body).toMatchObject({ from: "2026-01-16T07:00:00.000Z", to: "2026-01-16T09:00:00.000Z" });
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT22H" }).expect(200);
    expect((await balance(app)).status).toBe(503);
  });
});

describe("delay, drop and reset", () => {
  it("a delay holds the real answer at least that long (the journal's duration)", async () => {
    const { app } = sandbox();
    await addFault(app, { path: "/adv/v1/balance", delayMs: 50 }).expect(201);
    expect((await balance(app)).status).toBe(200);
    const journal = await request(app).get("/__sandbox/requests").set("Authorization", AUTH).expect(200);
    const entry = journal.body.requests[0];
    expect(entry).toMatchObject({ path: "/adv/v1/balance", status: 200, fault: "f1: delay 50ms", operation: "getBalance" });
    expect(entry.durationMs).toBeGreaterThanOrEqual(50);
  });

  async function callListening(base: string, path: string): Promise<{ status: number } | { code: string | undefined; message: string }> {
    return new Promise((resolve) => {
      const req = httpRequest(`${base}${path}`, { headers: { Authorization: AUTH }, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      });
      req.on("error", (error: NodeJS.ErrnoException) => resolve({ code: error.code, message: error.message }));
      req.end();
    });
  }

  it.each([
    ["drop", "socket hang up"],
    ["reset", "read ECONNRESET"],
  ])("%s: the client sees a socket error; the journal keeps the call with status 0 and its fault, the access log with status null", async (connection, message) => {
    const logs = await collectLogs("info");
    const made = sandbox(logs.logger);
    const base = await made.listen(0);
    afterThisTest(() => made.close());
    await addFault(made.app, { path: "/adv/v1/balance", connection, times: 1 }).expect(201);
    expect(await callListening(base, "/adv/v1/balance")).toEqual({ code: "ECONNRESET", message });
    expect(await callListening(base, "/adv/v1/balance")).toEqual({ status: 200 });
    const journal = await request(made.app).get("/__sandbox/requests").set("Authorization", AUTH).expect(200);
    expect(journal.body.requests.map((entry: { status: number; fault: string | null }) => [entry.status, entry.fault])).toEqual([
      [0, `f1: ${connection}`],
      [200, null],
    ]);
    const access = logs.lines().filter((line) => line.path === "/adv/v1/balance");
    expect(access.map((line) => [line.status, line.fault, line.operation])).toEqual([
      [null, `f1: ${connection}`, "getBalance"],
      [200, null, "getBalance"],
    ]);
  });
});

describe("where faults apply", () => {
  it("the control plane is never faulted, whatever the path", async () => {
    const { app } = sandbox();
    await addFault(app, { path: "*", respond: { status: 503 } }).expect(201);
    const clock = await request(app).get("/__sandbox/clock").set("Authorization", AUTH);
    expect(clock.status).toBe(200);
    expect(clock.body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: false });
    expect((await balance(app)).status).toBe(503);
  });

  it("an unknown path is not faulted (its 404 as usual), and another tenant's calls are not", async () => {
    const { app } = sandbox();
    await addFault(app, { path: "*", respond: { status: 503 } }).expect(201);
    expect((await request(app).get("/adv/v1/nothing").set("Authorization", AUTH)).status).toBe(404);
    expect((await balance(app, "Bearer bob")).status).toBe(200);
  });

  it("the journal carries the fault, and an event with cause fault records it", async () => {
    const { app } = sandbox();
    await addFault(app, { operation: "getBalance", respond: { status: 503 }, times: 2 }).expect(201);
    await balance(app).expect(503);
    const journal = await request(app).get("/__sandbox/requests").set("Authorization", AUTH).expect(200);
    expect(journal.body.requests).toHaveLength(1);
    expect(journal.body.requests[0]).toMatchObject({ status: 503, operation: "getBalance", fault: "f1: 503", responseBody: { title: "service unavailable" } });
    const events = await request(app).get("/__sandbox/events?entity=fault").set("Authorization", AUTH).expect(200);
    expect(events.body).toEqual({
      events: [
        {
          seq: 1,
          at: "2026-01-15T09:00:00.000Z",
          provider: "wildberries",
          entity: "fault",
          id: "f1",
          from: 2,
          to: 1,
          cause: "fault",
          detail: { operation: "getBalance", method: "GET", path: "/adv/v1/balance", applied: 1, status: 503 },
        },
      ],
    });
  });
});

describe("faults are tenant state", () => {
  it("export -> import keeps them, and a seeded fault continues its sequence", async () => {
    const { app } = sandbox();
    await noRateLimits(app);
    await addFault(app, { path: "/adv/v1/balance", respond: { status: 503 }, probability: 0.5, seed: "s", from: "PT1H" }).expect(201);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT2H" }).expect(200);
    for (let i = 0; i < 5; i++) await balance(app);
    const snapshot = (await request(app).get("/__sandbox/state").set("Authorization", AUTH).expect(200)).body;
    expect(snapshot.faults).toMatchObject({ nextId: 2, faults: [{ id: "f1", from: T0 + 3_600_000, remaining: null, rng: expect.any(Array) }] });
    const listed = (await request(app).get("/__sandbox/faults").set("Authorization", AUTH).expect(200)).body;

    let original = "";
    for (let i = 0; i < 12; i++) original += (await balance(app)).status === 503 ? "x" : ".";

    await request(app).put("/__sandbox/state").set("Authorization", "Bearer copy").send(snapshot).expect(200);
    expect((await request(app).get("/__sandbox/faults").set("Authorization", "Bearer copy").expect(200)).body).toEqual(listed);
    let copy = "";
    for (let i = 0; i < 12; i++) copy += (await balance(app, "Bearer copy")).status === 503 ? "x" : ".";
    expect(copy).toBe(original);
    expect(original).toMatch(/x.*\.|\..*x/);
  });

  it("a snapshot without faults still imports, and one with a broken faults part is refused", async () => {
    const { app } = sandbox();
    const snapshot = (await request(app).get("/__sandbox/state").set("Authorization", AUTH).expect(200)).body;
    expect(snapshot.faults).toBeUndefined();
    await request(app).put("/__sandbox/state").set("Authorization", AUTH).send(snapshot).expect(200);
    const broken = { ...snapshot, faults: { nextId: 1, faults: [{ id: "f1", remaining: null, applied: 0, rng: [1, 2, 3, 4] }] } };
    const refused = await request(app).put("/__sandbox/state").set("Authorization", AUTH).send(broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("faults.nextId: nextId 1 must be greater than every fault's number (found f1)");
  });

  it("reset clears them", async () => {
    const { app } = sandbox();
    await addFault(app, { path: "*", respond: { status: 503 } }).expect(201);
    await request(app).post("/__sandbox/reset").set("Authorization", AUTH).expect(200);
    expect((await request(app).get("/__sandbox/faults").set("Authorization", AUTH).expect(200)).body).toEqual({ faults: [] });
    expect((await balance(app)).status).toBe(200);
    expect((await addFault(app, { path: "*", delayMs: 1 }).expect(201)).body.id).toBe("f1");
  });

  it("DELETE removes one (404 for an unknown id) or all", async () => {
    const { app } = sandbox();
    await addFault(app, { path: "*", respond: { status: 503 } }).expect(201);
    await addFault(app, { path: "*", delayMs: 1 }).expect(201);
    await addFault(app, { path: "*", connection: "drop" }).expect(201);
    expect((await request(app).delete("/__sandbox/faults/f1").set("Authorization", AUTH).expect(200)).body).toEqual({ removed: 1 });
    const missing = await request(app).delete("/__sandbox/faults/f1").set("Authorization", AUTH);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: "unknown_fault", message: 'the tenant has no fault "f1" (its faults: f2, f3); GET /__sandbox/faults lists them' } });
    expect((await request(app).delete("/__sandbox/faults").set("Authorization", AUTH).expect(200)).body).toEqual({ removed: 2 });
    expect((await request(app).get("/__sandbox/faults").set("Authorization", AUTH).expect(200)).body).toEqual({ faults: [] });
    expect((await balance(app)).status).toBe(200);
  });
});

describe("bad faults are refused with what to do", () => {
  it.each<[string, unknown, string, string]>([
    ["an unknown operation (naming the nearest)", { operation: "getBalanse", respond: { status: 503 } }, "unknown_operation", 'there is no operation "getBalanse"; the nearest is "getBalance" (wildberries)'],
    ["an unknown provider", { provider: "wildberry", respond: { status: 503 } }, "unknown_provider", 'this sandbox serves no provider "wildberry" (the nearest is "wildberries"): the providers are yoomoney, wildberries, myshare'],
    ["an operation of another provider", { provider: "yoomoney", operation: "getBalance", respond: { status: 503 } }, "impossible_fault", `operation "getBalance" is wildberries's, not yoomoney's`],
    ["a method the operation does not take", { operation: "getBalance", method: "POST", respond: { status: 503 } }, "impossible_fault", 'operation "getBalance" is GET /adv/v1/balance; no POST call reaches it'],
    ["a path no operation has", { path: "/adv/v1/nothing", respond: { status: 503 } }, "impossible_fault", "no call to /adv/v1/nothing reaches an operation of wildberries"],
    ["a status out of range", { respond: { status: 700 } }, "invalid_fault", "respond.status: status must be 599 at most"],
    ["a 1xx status", { respond: { status: 100 } }, "invalid_fault", "respond.status: status must be 200 to 599"],
    ["respond and connection together", { respond: { status: 503 }, connection: "reset" }, "invalid_fault", "connection: respond and connection exclude each other"],
    ["nothing to do", { path: "*" }, "invalid_fault", "a fault must do something"],
    ["times 0", { delayMs: 5, times: 0 }, "invalid_fault", "times: times must be a whole number, 1 or more"],
    ["probability 0", { delayMs: 5, probability: 0 }, "invalid_fault", "probability: probability must be greater than 0 and at most 1"],
    ["probability above 1", { delayMs: 5, probability: 1.5 }, "invalid_fault", "probability: probability must be greater than 0 and at most 1"],
    ["a delay above the cap", { delayMs: 30_001 }, "invalid_fault", "delayMs: delayMs must be 30000 at most"],
    ["an unknown field", { delayMs: 5, status: 503 }, "invalid_fault", 'Unrecognized key: "status"'],
    ["a bad duration", { delayMs: 5, from: "P1X" }, "invalid_time", '"from" "P1X" is not a duration from now'],
    ["neither instant nor duration", { delayMs: 5, to: "tomorrow" }, "invalid_time", '"to" must be an ISO-8601 instant'],
    ["to before from", { delayMs: 5, from: "PT2H", to: "PT1H" }, "invalid_time", '"to" (2026-01-15T10:00:00.000Z) must be after "from" (2026-01-15T11:00:00.000Z)'],
    ["a header the sandbox writes", { respond: { status: 503, headers: { "Content-Type": "text/plain" } } }, "invalid_fault", "leave them out"],
  ])("%s", async (_what, fault, code, message) => {
    const { app } = sandbox();
    const res = await addFault(app, fault);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toContain(message);
    expect((await request(app).get("/__sandbox/faults").set("Authorization", AUTH).expect(200)).body).toEqual({ faults: [] });
  });
});
