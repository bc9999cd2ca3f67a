import request from "supertest";
import { describe, expect, it } from "vitest";
import { jsonResponse } from "../../../src/contracts/http/responses.js";
import { buildSandboxDocument } from "../../../src/contracts/openapi/sandbox.js";
import { controlTable } from "../../../src/contracts/sandbox/control-table.js";
import { SandboxError } from "../../../src/contracts/sandbox/error.js";
import { defineControl } from "../../../src/mocks/sandbox/control-plug.js";
import { createSandbox } from "../../../src/server.js";
import { makeControlApp } from "../../support/control-app.js";
import { FAKE_CONTROL, fakePlug } from "../../support/fake-provider.js";
import { T0 } from "../../support/fixed-time.js";
import { collectLogs } from "../../support/log-lines.js";

const AUTH = "Bearer alice";
const NOT_FOUND_HINT = 'the calls are listed in README.md ("Control plane") and openapi/sandbox.json';

describe("unknown paths and methods", () => {
  it("an unknown path is 404 not_found, saying where the reference is", async () => {
    const { app } = makeControlApp();
    const res = await request(app).get("/__sandbox/nope?x=1").set("Authorization", AUTH);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: "not_found", message: `there is no control-plane call GET /__sandbox/nope; ${NOT_FOUND_HINT}` },
    });
  });

  it("faults are part of the control plane: an empty fault is refused as such, not as an unknown path", async () => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/faults").set("Authorization", AUTH).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_fault");
  });

  it.each([
    ["post", "/__sandbox/health", "GET, HEAD"],
    ["get", "/__sandbox/tokens", "POST"],
    ["delete", "/__sandbox/clock", "GET, HEAD"],
    ["get", "/__sandbox/clock/advance", "POST"],
    ["put", "/__sandbox/settings", "GET, HEAD, PATCH"],
    ["post", "/__sandbox/state", "GET, HEAD, PUT"],
    ["post", "/__sandbox/requests", "GET, HEAD, DELETE"],
    ["delete", "/__sandbox/events", "GET, HEAD"],
    ["get", "/__sandbox/reset", "POST"],
    ["get", "/__sandbox/fake/things/x/poke", "POST"],
  ] as const)("%s %s is 405 method_not_allowed with Allow: %s", async (method, path, allow) => {
    const { app } = makeControlApp();
    const res = await request(app)[method](path).set("Authorization", AUTH);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.body).toEqual({
      error: { code: "method_not_allowed", message: `${method.toUpperCase()} is not allowed on ${path}; use ${allow}` },
    });
  });
});

describe("bodies", () => {
  it("a body that is not JSON is 400 malformed_json", async () => {
    const { app } = makeControlApp();
    const res = await request(app)
      .post("/__sandbox/clock/advance")
      .set("Authorization", AUTH)
      .set("Content-Type", "application/json")
      .send('{"by": PT1M}');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "malformed_json",
        message: `the body of POST /__sandbox/clock/advance is not JSON (Unexpected token 'P', "{"by": PT1M}" is not valid JSON); send a JSON object`,
      },
    });
  });

  it("a bare JSON string is not accepted either (bodies are objects)", async () => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/tokens").set("Content-Type", "application/json").send('"PT1M"');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("malformed_json");
  });

  it("a body over 1mb is 413 payload_too_large outside PUT /state", async () => {
    const { app } = makeControlApp();
    const res = await request(app)
      .patch("/__sandbox/settings")
      .set("Authorization", AUTH)
      .send({ padding: "x".repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: {
        code: "payload_too_large",
        message:
          "the body of PATCH /__sandbox/settings is larger than 1048576 bytes; control-plane bodies are small, only PUT /__sandbox/state takes up to 256mb",
      },
    });
  });

  it("a body in an unsupported charset is 400 malformed_json too", async () => {
    const { app } = makeControlApp();
    const res = await request(app)
      .post("/__sandbox/clock/advance")
      .set("Authorization", AUTH)
      .set("Content-Type", "application/json; charset=klingon")
      .send('{"by":1}');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "malformed_json",
        message: 'the body of POST /__sandbox/clock/advance is not JSON (unsupported charset "KLINGON"); send a JSON object',
      },
    });
  });
});

describe("provider control routers", () => {
  it("are mounted behind the auth step and see the caller's tenant", async () => {
    const { app } = makeControlApp();
    await request(app).post("/fake/things").set("Authorization", AUTH).send({ id: "t" }).expect(201);
    const res = await request(app).post("/__sandbox/fake/things/t/poke").set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: "t", status: "poked" });
    const bob = await request(app).post("/__sandbox/fake/things/t/poke").set("Authorization", "Bearer bob");
    expect(bob.status).toBe(404);
  });

  it("need a token like every control-plane call", async () => {
    const { app } = makeControlApp();
    const res = await request(app).post("/__sandbox/fake/things/t/poke");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
  });

  it("a handler that throws is answered as JSON without a stack trace", async () => {
    const broken = controlTable({
      tags: [{ name: "fake" }],
      routes: { boom: { method: "GET", path: "/boom", tag: "fake", summary: "Throws", responses: { 200: jsonResponse("never", SandboxError) } } },
    });
    const control = defineControl(
      broken,
      {
        boom: () => {
          throw new Error("kaboom");
        },
      },
      {},
    );
    const logs = await collectLogs("error");
    const sandbox = createSandbox({ seed: "s", realNow: () => T0, validateResponses: true, providers: [{ ...fakePlug, control }], logger: logs.logger });
    const res = await request(sandbox.app).get("/__sandbox/boom").set("Authorization", AUTH);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: {
        code: "internal_error",
        message: "the sandbox failed on GET /__sandbox/boom (kaboom); this is a sandbox bug, please report it with the request",
      },
    });
    expect(res.text).not.toContain("at ");
    expect(logs.lines()).toEqual([
      {
        level: 50,
        time: expect.any(Number),
        method: "GET",
        path: "/__sandbox/boom",
        err: { type: "Error", message: "kaboom", stack: expect.stringMatching(/^Error: kaboom\n\s+at /) },
        msg: "internal error on GET /__sandbox/boom: Error: kaboom",
      },
    ]);
    expect(sandbox.violations).toEqual([]);
  });
});

describe("a provider's control calls", () => {
  it("are documented in the control plane's OpenAPI document from the provider's own table", () => {
    const document = buildSandboxDocument([FAKE_CONTROL]);
    const poke = document.paths?.["/__sandbox/fake/things/{id}/poke"]?.post;
    expect(poke?.operationId).toBe("pokeFakeThing");
    expect(poke?.tags).toEqual(["fake"]);
    expect(poke?.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(poke?.responses ?? {})).toEqual(["200", "400", "401", "403", "404", "405", "408", "413", "431", "500"]);
    expect(document.tags?.at(-1)).toEqual({ name: "fake", description: "The fake provider's side" });
  });

  it("may not take a path and method the control plane already serves: the sandbox refuses to start", () => {
    const clash = controlTable({
      tags: [{ name: "fake" }],
      routes: { clock: { method: "GET", path: "/clock", tag: "fake", summary: "Clashes", responses: { 200: jsonResponse("never", SandboxError) } } },
    });
    const control = defineControl(clash, { clock: () => ({ status: 200 }) }, {});
    expect(() => createSandbox({ providers: [{ ...fakePlug, control }] })).toThrow(
      'control-plane calls "getClock" and "clock" are both GET /clock: give one of them another path',
    );
  });
});

describe("the auth step", () => {
  it("marks control-plane changes with cause control and settles due timers first", async () => {
    const { app, registry } = makeControlApp();
    const tenant = registry.get("alice");
    tenant.schedule(T0 + 10, "fake.expire", { thingId: "none" });
    tenant.clock.advance(10);
    expect(tenant.scheduler.size).toBe(1);
    await request(app).get("/__sandbox/clock").set("Authorization", AUTH).expect(200);
    expect(tenant.scheduler.size).toBe(0);
    expect(tenant.cause).toBe("control");
  });
});
