import request from "supertest";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../../src/version.js";
import { makeSandbox, T0 } from "../../support/sandbox.js";

/** The control plane as createSandbox wires it, with the real providers. */
const AUTH = "Bearer alice";

describe("control plane through createSandbox", () => {
  it("health names the version and the real providers", async () => {
    const { app, registry } = makeSandbox();
    const res = await request(app).get("/__sandbox/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", version: VERSION, providers: registry.options.providers.map((p) => p.name) });
    expect(res.body.providers).toContain("yoomoney");
  });

  it("strict mode: an issued token works on the control plane, a made-up one does not", async () => {
    const { app } = makeSandbox({ auth: "strict", adminToken: "admin-secret" });
    const issued = await request(app).post("/__sandbox/tokens").set("Authorization", "admin-secret").send({ tenant: "team", expiresIn: 60 });
    expect(issued.status).toBe(201);
    expect(issued.body).toEqual({ token: expect.any(String), tenant: "team", expiresAt: "2026-01-15T09:01:00.000Z" });
    const ok = await request(app).get("/__sandbox/clock").set("Authorization", `Bearer ${issued.body.token}`);
    expect(ok.body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: false });
    const refused = await request(app).get("/__sandbox/clock").set("Authorization", AUTH);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("unknown_token");
  });

  it("advance, freeze and resume move the tenant's clock", async () => {
    const { app, registry } = makeSandbox();
    const advanced = await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "P1DT0.25S" });
    expect(advanced.body).toEqual({ now: "2026-01-16T09:00:00.250Z", fired: [], firedTotal: 0 });
    const frozen = await request(app).post("/__sandbox/clock/freeze").set("Authorization", AUTH).send({ at: "2026-01-16T12:00:00Z" });
    expect(frozen.body).toEqual({ now: "2026-01-16T12:00:00.000Z", frozen: true, fired: [], firedTotal: 0 });
    const backwards = await request(app).post("/__sandbox/clock/freeze").set("Authorization", AUTH).send({ at: "2026-01-16T11:00:00Z" });
    expect(backwards.status).toBe(409);
    const resumed = await request(app).post("/__sandbox/clock/resume").set("Authorization", AUTH);
    expect(resumed.body).toEqual({ now: "2026-01-16T12:00:00.000Z", frozen: false });
    expect(registry.get("alice").now()).toBe(T0 + 27 * 3600_000);
  });

  it("settings are read and patched per tenant", async () => {
    const { app } = makeSandbox({ settings: { moderation: "auto" } });
    const read = await request(app).get("/__sandbox/settings").set("Authorization", AUTH);
    expect(read.body).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "auto" });
    const patched = await request(app).patch("/__sandbox/settings").set("Authorization", AUTH).send({ rateLimits: "off" });
    expect(patched.body).toEqual({ rateLimits: "off", consistency: "realistic", moderation: "auto" });
  });

  it("state export, reset and import round-trip with every real provider's state", async () => {
    const { app } = makeSandbox();
    await request(app).post("/__sandbox/clock/advance").set("Authorization", AUTH).send({ by: "PT2H" }).expect(200);
    await request(app).patch("/__sandbox/settings").set("Authorization", AUTH).send({ consistency: "immediate" }).expect(200);
    const exported = await request(app).get("/__sandbox/state").set("Authorization", AUTH);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      schemaVersion: 1,
      tenant: "alice",
      clock: { offsetMs: 7_200_000, frozenAt: null },
      settings: { rateLimits: "enforce", consistency: "immediate", moderation: "manual" },
    });
    expect(Object.keys(exported.body.providers)).toContain("yoomoney");

    const reset = await request(app).post("/__sandbox/reset").set("Authorization", AUTH);
    expect(reset.body).toEqual({ tenant: "alice", reset: true });
    const imported = await request(app).put("/__sandbox/state").set("Authorization", AUTH).send(exported.body);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ tenant: "alice", imported: true });
    const again = await request(app).get("/__sandbox/state").set("Authorization", AUTH);
    expect(again.body).toEqual(exported.body);
  });

  it("control-plane calls are not journaled; the journal and event log start empty", async () => {
    const { app } = makeSandbox();
    await request(app).get("/__sandbox/clock").set("Authorization", AUTH).expect(200);
    const requests = await request(app).get("/__sandbox/requests").set("Authorization", AUTH);
    expect(requests.body).toEqual({ requests: [], dropped: 0 });
    const events = await request(app).get("/__sandbox/events").set("Authorization", AUTH);
    expect(events.body).toEqual({ events: [] });
    await request(app).delete("/__sandbox/requests").set("Authorization", AUTH).expect(204);
  });

  it("unknown paths are 404 and wrong methods 405", async () => {
    const { app } = makeSandbox();
    const missing = await request(app).get("/__sandbox/no-such-call").set("Authorization", AUTH);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const wrong = await request(app).put("/__sandbox/clock").set("Authorization", AUTH);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("GET, HEAD");
  });
});
