import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeControlApp } from "../../support/control-app.js";

const AUTH = "Bearer alice";
const ALLOWED = "rateLimits: enforce|off, consistency: realistic|immediate, moderation: manual|auto";

describe("GET /__sandbox/settings", () => {
  it("shows the tenant's settings, the server defaults at first", async () => {
    const { app } = makeControlApp({ defaults: { rateLimits: "off", consistency: "realistic", moderation: "auto" } });
    const res = await request(app).get("/__sandbox/settings").set("Authorization", AUTH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rateLimits: "off", consistency: "realistic", moderation: "auto" });
  });
});

describe("PATCH /__sandbox/settings", () => {
  it("changes any subset and returns the whole new settings", async () => {
    const { app, registry } = makeControlApp();
    const res = await request(app).patch("/__sandbox/settings").set("Authorization", AUTH).send({ moderation: "auto" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "auto" });
    const both = await request(app)
      .patch("/__sandbox/settings")
      .set("Authorization", AUTH)
      .send({ rateLimits: "off", consistency: "immediate" });
    expect(both.body).toEqual({ rateLimits: "off", consistency: "immediate", moderation: "auto" });
    expect(registry.get("alice").settings).toEqual({ rateLimits: "off", consistency: "immediate", moderation: "auto" });
    const read = await request(app).get("/__sandbox/settings").set("Authorization", AUTH);
    expect(read.body).toEqual({ rateLimits: "off", consistency: "immediate", moderation: "auto" });
  });

  it("touches only the caller's tenant", async () => {
    const { app } = makeControlApp();
    await request(app).patch("/__sandbox/settings").set("Authorization", AUTH).send({ rateLimits: "off" }).expect(200);
    const bob = await request(app).get("/__sandbox/settings").set("Authorization", "Bearer bob");
    expect(bob.body).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "manual" });
  });

  it("an empty patch changes nothing", async () => {
    const { app } = makeControlApp();
    const res = await request(app).patch("/__sandbox/settings").set("Authorization", AUTH).send({});
    expect(res.body).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "manual" });
  });

  it.each([
    [{ moderation: "sometimes" }, 'moderation: Invalid option: expected one of "manual"|"auto"'],
    [{ rateLimit: "off" }, 'Unrecognized key: "rateLimit"'],
    [{ rateLimits: null }, 'rateLimits: Invalid option: expected one of "enforce"|"off"'],
    [["auto"], "Invalid input: expected object, received array"],
  ])("refuses %j with 400 invalid_settings and changes nothing", async (body, issue) => {
    const { app, registry } = makeControlApp();
    const res = await request(app).patch("/__sandbox/settings").set("Authorization", AUTH).send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: "invalid_settings", message: `send a JSON object with any of ${ALLOWED} (no other keys): ${issue}` },
    });
    expect(registry.get("alice").settings).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "manual" });
  });

  it("a valid key next to an invalid one is not applied either", async () => {
    const { app, registry } = makeControlApp();
    await request(app).patch("/__sandbox/settings").set("Authorization", AUTH).send({ moderation: "auto", typo: 1 }).expect(400);
    expect(registry.get("alice").settings.moderation).toBe("manual");
  });
});
