import request from "supertest";
import { describe, expect, it } from "vitest";
import type { KernelOptions } from "../../../src/state/kernel/tenants.js";
import { makeControlApp } from "../../support/control-app.js";

/** The rules for naming a tenant (POST /__sandbox/tokens {"tenant"}) and the admin token on tenant calls. */
const ADMIN = "admin-secret";
const SEND_ADMIN = "send `Authorization: Bearer <admin token>` with the token the sandbox was started with (--admin-token or PROMO_SANDBOX_ADMIN_TOKEN)";
const NAMING_TAIL = 'leave "tenant" out to get a new tenant of your own, or send a valid token of the tenant you name';
const NAMING_NO_TOKEN = `naming a tenant needs the admin token: ${SEND_ADMIN}; ${NAMING_TAIL}`;
const NAMING_WRONG_TOKEN = `naming a tenant needs the admin token, and the token sent is not it: ${SEND_ADMIN}; ${NAMING_TAIL}`;
const NAMING_NO_ADMIN = `naming a tenant needs the admin token, and this sandbox was started without one: restart it with --admin-token TEXT or PROMO_SANDBOX_ADMIN_TOKEN set; ${NAMING_TAIL}`;
const ADMIN_IS_NO_TENANT =
  'the admin token acts on no tenant of its own: mint a token for the tenant you mean with POST /__sandbox/tokens {"tenant": "<tenant id>"} (sending the admin token), then send that token';

function claims(token: string): unknown {
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
}

async function name(options: Partial<KernelOptions>, tenant: string, authorization?: string) {
  const control = makeControlApp(options);
  const req = request(control.app).post("/__sandbox/tokens");
  const res = await (authorization === undefined ? req : req.set("Authorization", authorization)).send({ tenant });
  return { res, registry: control.registry };
}

describe("POST /__sandbox/tokens for a named tenant", () => {
  it.each([
    ["strict with an admin token", { auth: "strict", adminToken: ADMIN }],
    ["open with an admin token", { auth: "open", adminToken: ADMIN }],
  ] as const)("%s: the admin token may name any tenant", async (_mode, options) => {
    const { res, registry } = await name(options, "team-a", `Bearer ${ADMIN}`);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ token: expect.any(String), tenant: "team-a", expiresAt: "2026-01-15T10:00:00.000Z" });
    expect(registry.tokens.lookup(res.body.token)?.tenantId).toBe("team-a");
  });

  it.each([
    ["strict with an admin token", { auth: "strict", adminToken: ADMIN }, NAMING_NO_TOKEN],
    ["open with an admin token", { auth: "open", adminToken: ADMIN }, NAMING_NO_TOKEN],
    ["strict without an admin token", { auth: "strict" }, NAMING_NO_ADMIN],
  ] as const)("%s: without a token it is 401 unauthorized, and no tenant is made", async (_mode, options, message) => {
    const { res, registry } = await name(options, "team-a");
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toBe("Bearer");
    expect(res.body).toEqual({ error: { code: "unauthorized", message } });
    expect(registry.peek("team-a")).toBeUndefined();
  });

  it.each([
    ["strict with an admin token", { auth: "strict", adminToken: ADMIN }, NAMING_WRONG_TOKEN],
    ["open with an admin token", { auth: "open", adminToken: ADMIN }, NAMING_WRONG_TOKEN],
    ["strict without an admin token", { auth: "strict" }, NAMING_NO_ADMIN],
  ] as const)("%s: another tenant's token is 403 forbidden, and the named tenant is untouched", async (_mode, options, message) => {
    const control = makeControlApp(options);
    const api = request(control.app);
    const mine = await api.post("/__sandbox/tokens").send({});
    const victim = control.registry.get("victim");
    const res = await api.post("/__sandbox/tokens").set("Authorization", `Bearer ${mine.body.token}`).send({ tenant: "victim" });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: "forbidden", message } });
    expect(control.registry.tokens.all().filter((t) => t.tenantId === "victim")).toEqual([]);
    expect(control.registry.peek("victim")).toBe(victim);
  });

  it("a made-up token is 403 too, in strict mode", async () => {
    const { res } = await name({ auth: "strict", adminToken: ADMIN }, "team-a", "Bearer made-up");
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { code: "forbidden", message: NAMING_WRONG_TOKEN } });
  });

  it("a valid token of the named tenant may take a fresh one for it; once expired it may not", async () => {
    const control = makeControlApp({ auth: "strict", adminToken: ADMIN });
    const api = request(control.app);
    const first = await api.post("/__sandbox/tokens").send({ expiresIn: 60 });
    const tenant = String(first.body.tenant);
    const fresh = await api.post("/__sandbox/tokens").set("Authorization", `Bearer ${first.body.token}`).send({ tenant, expiresIn: 3600 });
    expect(fresh.status).toBe(201);
    expect(fresh.body.tenant).toBe(tenant);
    await api.post("/__sandbox/clock/advance").set("Authorization", `Bearer ${fresh.body.token}`).send({ by: "PT2M" }).expect(200);
    const late = await api.post("/__sandbox/tokens").set("Authorization", `Bearer ${first.body.token}`).send({ tenant });
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe("forbidden");
  });

  it("open mode with an admin token: a raw token names its own tenant, so it may name that one only", async () => {
    const own = await name({ auth: "open", adminToken: ADMIN }, "team-a", "team-a");
    expect(own.res.status).toBe(201);
    const other = await name({ auth: "open", adminToken: ADMIN }, "team-a", "team-b");
    expect(other.res.status).toBe(403);
  });

  it("open mode without an admin token names any tenant without a token, as before", async () => {
    const { res } = await name({ auth: "open" }, "team-a");
    expect(res.status).toBe(201);
    expect(res.body.tenant).toBe("team-a");
  });

  it("a new tenant needs no token, in strict mode with an admin token too", async () => {
    const control = makeControlApp({ auth: "strict", adminToken: ADMIN });
    const res = await request(control.app).post("/__sandbox/tokens").send({});
    expect(res.status).toBe(201);
    expect(res.body.tenant).toMatch(/^tenant-[A-Za-z0-9_-]{22}$/);
    const clock = await request(control.app).get("/__sandbox/clock").set("Authorization", `Bearer ${res.body.token}`);
    expect(clock.status).toBe(200);
  });

  it("every token carries a 128-bit random nonce, so two tokens for the same tenant and instant differ unpredictably", async () => {
    const control = makeControlApp({ auth: "strict", adminToken: ADMIN });
    const api = request(control.app);
    const a = await api.post("/__sandbox/tokens").set("Authorization", ADMIN).send({ tenant: "team-a" });
    const b = await api.post("/__sandbox/tokens").set("Authorization", ADMIN).send({ tenant: "team-a" });
    expect(claims(a.body.token)).toEqual({ sub: "sandbox", tenant: "team-a", exp: expect.any(Number), jti: 1, nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    expect(claims(a.body.token)).not.toEqual(claims(b.body.token));
  });
});

describe("the admin token on a tenant's call", () => {
  it.each(["open", "strict"] as const)("%s mode: 403 forbidden, and it names no tenant", async (auth) => {
    const control = makeControlApp({ auth, adminToken: ADMIN });
    for (const [method, path] of [["get", "/__sandbox/clock"], ["post", "/__sandbox/reset"], ["get", "/__sandbox/state"]] as const) {
      const res = await request(control.app)[method](path).set("Authorization", `Bearer ${ADMIN}`);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body).toEqual({ error: { code: "forbidden", message: ADMIN_IS_NO_TENANT } });
    }
    expect(control.registry.peek(ADMIN)).toBeUndefined();
  });

  it("without an admin token configured, the same text is an ordinary tenant in open mode", async () => {
    const control = makeControlApp({ auth: "open" });
    const res = await request(control.app).get("/__sandbox/clock").set("Authorization", `Bearer ${ADMIN}`);
    expect(res.status).toBe(200);
  });
});

describe("GET /__sandbox/tenants", () => {
  const LISTING_NO_TOKEN = `listing tenants needs the admin token: ${SEND_ADMIN}`;
  const LISTING_WRONG_TOKEN = `listing tenants needs the admin token, and the token sent is not it: ${SEND_ADMIN}`;
  const LISTING_NO_ADMIN = "listing tenants needs the admin token, and this sandbox was started without one: restart it with --admin-token TEXT or PROMO_SANDBOX_ADMIN_TOKEN set";

  it("another HTTP method on a call that checks its own token names no tenant after the admin token (open mode)", async () => {
    const control = makeControlApp({ auth: "open", adminToken: ADMIN });
    const api = request(control.app);
    await api.post("/__sandbox/health").set("Authorization", `Bearer ${ADMIN}`).expect(405);
    await api.delete("/__sandbox/tokens").set("Authorization", `Bearer ${ADMIN}`).expect(405);
    const res = await api.get("/__sandbox/tenants").set("Authorization", `Bearer ${ADMIN}`);
    expect([res.status, res.body]).toEqual([200, { tenants: [] }]);
  });

  it("the admin token lists every tenant with its real creation and last-use times and its tokens", async () => {
    let real = Date.UTC(2026, 0, 15, 9, 0, 0);
    const control = makeControlApp({ auth: "strict", adminToken: ADMIN, realNow: () => real });
    const api = request(control.app);
    await api.post("/__sandbox/tokens").set("Authorization", ADMIN).send({ tenant: "team-a" });
    real += 60_000;
    const b = await api.post("/__sandbox/tokens").set("Authorization", ADMIN).send({ tenant: "team-b" });
    await api.post("/__sandbox/tokens").set("Authorization", ADMIN).send({ tenant: "team-b" });
    real += 60_000;
    await api.get("/__sandbox/clock").set("Authorization", `Bearer ${b.body.token}`).expect(200);
    const res = await api.get("/__sandbox/tenants").set("Authorization", `Bearer ${ADMIN}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      tenants: [
        { tenant: "team-a", createdAt: "2026-01-15T09:00:00.000Z", lastUsedAt: "2026-01-15T09:00:00.000Z", tokens: 1 },
        { tenant: "team-b", createdAt: "2026-01-15T09:01:00.000Z", lastUsedAt: "2026-01-15T09:02:00.000Z", tokens: 2 },
      ],
    });
  });

  it("without a token is 401, with a tenant's token 403, and without an admin token configured always refused", async () => {
    const control = makeControlApp({ auth: "strict", adminToken: ADMIN });
    const api = request(control.app);
    const mine = await api.post("/__sandbox/tokens").send({});
    const none = await api.get("/__sandbox/tenants");
    expect([none.status, none.body]).toEqual([401, { error: { code: "unauthorized", message: LISTING_NO_TOKEN } }]);
    const tenant = await api.get("/__sandbox/tenants").set("Authorization", `Bearer ${mine.body.token}`);
    expect([tenant.status, tenant.body]).toEqual([403, { error: { code: "forbidden", message: LISTING_WRONG_TOKEN } }]);

    const open = makeControlApp({ auth: "open" });
    const refused = await request(open.app).get("/__sandbox/tenants").set("Authorization", "Bearer anyone");
    expect([refused.status, refused.body]).toEqual([403, { error: { code: "forbidden", message: LISTING_NO_ADMIN } }]);
    expect(open.registry.peek("anyone")).toBeUndefined();
  });
});
