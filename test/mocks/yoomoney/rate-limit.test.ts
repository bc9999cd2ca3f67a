import request from "supertest";
import { describe, expect, it, onTestFinished } from "vitest";
import type { SandboxOptions } from "../../../src/server.js";
import { makeSandbox } from "../../support/sandbox.js";
import { API, advance, call, control, journal, OTHER_TOKEN, TOKEN, UNAUTHORIZED_EXPIRED, ymError, type Target } from "./helpers.js";

const TOO_MANY = (method: string) => ymError("tooManyRequests", `Too many requests to ${method}; retry in 1 s (virtual time)`);

/** `n` back-to-back calls of `method`; returns their HTTP statuses. */
async function burst(app: Target, n: number, method = "categories/get", token = TOKEN): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await call(app, token, method)).status);
  return statuses;
}

const times = (n: number, status: number) => Array.from({ length: n }, () => status);

/** A sandbox listening on a free port: hundreds of calls are cheaper over one server than one server per call. */
async function listening(options: SandboxOptions = {}): Promise<{ app: string }> {
  const sandbox = makeSandbox(options);
  const app = await sandbox.listen(0);
  onTestFinished(() => sandbox.close());
  return { app };
}

describe("rate limits", () => {
  it("100 back-to-back calls pass; the 101st is 429 tooManyRequests with Retry-After 1", async () => {
    const { app } = await listening();
    expect(await burst(app, 99)).toEqual(times(99, 200));
    const hundredth = await call(app, TOKEN, "categories/get");
    expect(hundredth.status).toBe(200);
    expect(hundredth.headers["retry-after"]).toBeUndefined();
    const res = await call(app, TOKEN, "categories/get");
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("1");
    expect(res.body).toEqual(TOO_MANY("categories/get"));
    const logged = await journal(app, "limit=1");
    expect(logged.requests.map((r) => [r.path, r.status])).toEqual([[`${API}/categories/get`, 429]]);
  });

  it("refills one call per 20 ms of virtual time; a 429 costs nothing", async () => {
    const { app } = await listening();
    await burst(app, 100);
    expect(await burst(app, 3)).toEqual(times(3, 429));
    await advance(app, 19);
    expect((await call(app, TOKEN, "categories/get")).status).toBe(429);
    await advance(app, 1);
    expect(await burst(app, 2)).toEqual([200, 429]);
    await advance(app, "PT1S");
    expect(await burst(app, 51)).toEqual([...times(50, 200), 429]);
    await advance(app, "PT10S");
    expect(await burst(app, 101)).toEqual([...times(100, 200), 429]);
  });

  it("buckets are per tenant and per method", async () => {
    const { app } = await listening();
    await burst(app, 100);
    expect((await call(app, TOKEN, "categories/get")).status).toBe(429);
    expect((await call(app, TOKEN, "campaigns/get-all-campaigns", { limit: 1, offset: 0 })).status).toBe(200);
    expect((await call(app, OTHER_TOKEN, "categories/get")).status).toBe(200);
  });

  // The router serves campaigns/get/ as campaigns/get, so it must draw from the same bucket.
  it("a trailing slash reaches the same method and the same bucket", async () => {
    const { app } = await listening();
    await burst(app, 100);
    const res = await request(app).post(`${API}/categories/get/`).set("Authorization", `Bearer ${TOKEN}`);
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("1");
    expect(res.body).toMatchObject({ status: "error", errors: { code: "tooManyRequests", value: "Too many requests" } });
  });

  it.each([
    { how: "PATCH /__sandbox/settings", sandbox: () => listening(), patch: true },
    { how: "the server default", sandbox: () => listening({ settings: { rateLimits: "off" } }), patch: false },
  ])("rateLimits off ($how) never answers 429", async ({ sandbox, patch }) => {
    const { app } = await sandbox();
    if (patch) {
      expect((await control(app, TOKEN, "PATCH", "/settings", { rateLimits: "off" })).body).toEqual({
        rateLimits: "off",
        consistency: "realistic",
        moderation: "manual",
      });
    }
    expect(await burst(app, 150)).toEqual(times(150, 200));
  });

  it("turning the limits back on enforces them again", async () => {
    const { app } = await listening({ settings: { rateLimits: "off" } });
    await burst(app, 150);
    await control(app, TOKEN, "PATCH", "/settings", { rateLimits: "enforce" });
    expect(await burst(app, 101)).toEqual([...times(100, 200), 429]);
  });

  it("401s consume nothing: not for an unknown caller, nor for the tenant of an expired token", async () => {
    const { app } = await listening();
    const loginAs = async () => {
      const res = await request(app).post(`${API}/users/login`).send({ login: "alice", password: "secret" });
      return String(res.body.accessToken);
    };
    const expired = await loginAs();
    await advance(app, "PT1H", expired);
    for (let i = 0; i < 120; i++) {
      const res = await call(app, expired, "categories/get");
      expect(res.status).toBe(401);
      expect(res.body).toEqual(UNAUTHORIZED_EXPIRED);
    }
    for (let i = 0; i < 30; i++) expect((await request(app).post(`${API}/categories/get`)).status).toBe(401);
    const fresh = await loginAs();
    expect(await burst(app, 101, "categories/get", fresh)).toEqual([...times(100, 200), 429]);
  });

  it("users/login is not limited", async () => {
    const { app } = await listening();
    for (let i = 0; i < 150; i++) {
      const res = await request(app).post(`${API}/users/login`).send({ login: "alice", password: "secret" });
      expect(res.status).toBe(200);
    }
  });
});
