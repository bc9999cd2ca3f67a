import request from "supertest";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../../src/version.js";
import { makeControlApp } from "../../support/control-app.js";

describe("GET /__sandbox/health", () => {
  it("answers without a token, naming the version and the providers", async () => {
    const { app } = makeControlApp();
    const res = await request(app).get("/__sandbox/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", version: VERSION, providers: ["fake"] });
  });
});

describe("POST /__sandbox/tokens", () => {
  it("issues a token for a named tenant that expires after an hour by default", async () => {
    const { app, registry } = makeControlApp();
    const res = await request(app).post("/__sandbox/tokens").send({ tenant: "team-a" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ token: expect.any(String), tenant: "team-a", expiresAt: "2026-01-15T10:00:00.000Z" });
    expect(res.body.token.split(".")).toHaveLength(3);
    expect(registry.tokens.lookup(res.body.token)).toMatchObject({ tenantId: "team-a", subject: "sandbox" });
  });

  it("honours expiresIn in seconds, from the tenant's virtual now", async () => {
    const { app, registry } = makeControlApp();
    registry.get("team-a").advance(86_400_000);
    const res = await request(app).post("/__sandbox/tokens").send({ tenant: "team-a", expiresIn: 90 });
    expect(res.status).toBe(201);
    expect(res.body.expiresAt).toBe("2026-01-16T09:01:30.000Z");
  });

  it("without a tenant, creates a new one with a random 128-bit name, never a sequential one", async () => {
    const { app, registry } = makeControlApp();
    const first = await request(app).post("/__sandbox/tokens");
    const second = await request(app).post("/__sandbox/tokens").send({});
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.tenant).toMatch(/^tenant-[A-Za-z0-9_-]{22}$/);
    expect(second.body.tenant).toMatch(/^tenant-[A-Za-z0-9_-]{22}$/);
    expect(first.body.tenant).not.toBe(second.body.tenant);
    expect(first.body.token).not.toBe(second.body.token);
    expect(registry.peek(first.body.tenant)).toBeDefined();
    expect(registry.peek("tenant-1")).toBeUndefined();
  });

  it("the token chooses its tenant on the control plane, in strict mode too", async () => {
    const { app } = makeControlApp({ auth: "strict", adminToken: "admin-secret" });
    const issued = await request(app).post("/__sandbox/tokens").set("Authorization", "Bearer admin-secret").send({ tenant: "team-a" });
    await request(app).post("/__sandbox/clock/advance").set("Authorization", `Bearer ${issued.body.token}`).send({ by: 1000 }).expect(200);
    const clock = await request(app).get("/__sandbox/clock").set("Authorization", `Bearer ${issued.body.token}`);
    expect(clock.body).toEqual({ now: "2026-01-15T09:00:01.000Z", frozen: false });
  });

  it.each([
    [{ expiresIn: 0 }, "expiresIn: Too small: expected number to be >0"],
    [{ expiresIn: 1.5 }, "expiresIn: Invalid input: expected int, received number"],
    [{ expiresIn: "60" }, "expiresIn: Invalid input: expected number, received string"],
    [{ tenant: "" }, "tenant: Too small: expected string to have >=1 characters"],
    [[1], "Invalid input: expected object, received array"],
  ])("refuses %j with 400 invalid_request", async (body, issue) => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/tokens").send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "invalid_request",
        message: `POST /__sandbox/tokens takes {"tenant"?: a non-empty string, "expiresIn"?: seconds, a whole number > 0}: ${issue}`,
      },
    });
  });
});

describe("the control plane's auth step", () => {
  it("a missing token is 401 unauthorized, saying what to send", async () => {
    const { app } = makeControlApp();
    for (const header of [undefined, "", "Bearer "]) {
      const req = request(app).get("/__sandbox/clock");
      const res = await (header === undefined ? req : req.set("Authorization", header));
      expect(res.status).toBe(401);
      expect(res.headers["www-authenticate"]).toBe("Bearer");
      expect(res.body).toEqual({
        error: {
          code: "unauthorized",
          message:
            "the Authorization header is missing or empty: send `Authorization: Bearer <token>` (in open mode any token names a tenant; POST /__sandbox/tokens issues one)",
        },
      });
    }
  });

  it("strict mode: a token the sandbox did not issue is 401 unknown_token", async () => {
    const { app, registry } = makeControlApp({ auth: "strict" });
    const res = await request(app).get("/__sandbox/clock").set("Authorization", "Bearer made-up");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: {
        code: "unknown_token",
        message:
          "the sandbox runs with --auth strict and did not issue this token: get one from POST /__sandbox/tokens (or YooMoney users/login)",
      },
    });
    expect(registry.peek("made-up")).toBeUndefined();
  });

  it("an issued token expires on its tenant's clock: 401 token_expired", async () => {
    const { app } = makeControlApp({ auth: "strict" });
    const issued = await request(app).post("/__sandbox/tokens").send({ expiresIn: 60 });
    const auth = `Bearer ${issued.body.token}`;
    await request(app).post("/__sandbox/clock/advance").set("Authorization", auth).send({ by: "PT59.999S" }).expect(200);
    await request(app).get("/__sandbox/clock").set("Authorization", auth).expect(200);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", auth).send({ by: 1 }).expect(200);
    const res = await request(app).get("/__sandbox/clock").set("Authorization", auth);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: {
        code: "token_expired",
        message: "the token expired on its tenant's virtual clock: get a new one from POST /__sandbox/tokens",
      },
    });
  });

  it("accepts the header as `Bearer x`, `Bearer: x` or the raw token, all naming tenant x", async () => {
    const { app } = makeControlApp();
    await request(app).post("/__sandbox/clock/advance").set("Authorization", "Bearer x").send({ by: 1000 }).expect(200);
    await request(app).post("/__sandbox/clock/advance").set("Authorization", "Bearer: x").send({ by: 1000 }).expect(200);
    const res = await request(app).get("/__sandbox/clock").set("Authorization", "x");
    expect(res.body).toEqual({ now: "2026-01-15T09:00:02.000Z", frozen: false });
  });
});
