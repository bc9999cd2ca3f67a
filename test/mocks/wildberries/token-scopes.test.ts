import { readFileSync } from "node:fs";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { WB_ROUTES, type WbOperationId } from "../../../src/contracts/wildberries/routes.js";
import { WB_READ_ONLY } from "../../../src/contracts/wildberries/token-scopes.js";
import { makeSandbox, T0 } from "../../support/sandbox.js";
import { SPEC_DIR, SPEC_FILES } from "../../contracts/wb-conformance-spec.js";
import { control, HOUR, SECOND, settings, wb } from "./helpers.js";

const PROMOTION = 2 ** 6;
const CONTENT = 2 ** 1;
const READ_ONLY = 2 ** 30;

/** A Wildberries-style token (research §2.3): an ES256 JWT whose signature the sandbox cannot check (so any will do). */
function wbToken(s: number, exp: number = Math.floor(T0 / 1000) + 180 * 24 * 3600, oid = 1_234_567): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = { acc: 1, ent: 1, exp, id: `0193c0de-${oid}`, iid: 45_678_901, oid, s, sid: "4c1b7f2e-55a0-4b5e-9d2a-0e6f0f1a2b3c", t: false, uid: 98_765_432 };
  return `${part({ alg: "ES256", kid: "20241201v1", typ: "JWT" })}.${part(claims)}.${Buffer.from(`sig-${s}-${exp}`).toString("base64url")}`;
}

/** The gateway's 401 object, with the sandbox's clock at T0 (the timestamp is the sandbox's time before auth). */
const unauthorized = (detail: string) => ({
  title: "unauthorized",
  detail,
  code: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{12}-\[UK-[0-9a-f]{11}\]$/),
  requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
  origin: "s2s-api-auth-adv",
  status: 401,
  statusText: "Unauthorized",
  timestamp: "2026-01-15T09:00:00Z",
});

const SCOPE = "token scope not allowed";
const EXPIRED = "token expired; Manage tokens at https://seller.wildberries.ru/supplier-settings/access-to-api";

describe("Wildberries-style tokens: the gateway reads their claims (research §2.2-§2.4)", () => {
  it("a token without the Promotion category (bit 6) is 401 token scope not allowed on every Promotion method; GET /ping takes any category", async () => {
    const { app } = makeSandbox();
    const token = wbToken(CONTENT);
    for (const [verb, path] of [
      ["GET", "/adv/v1/balance"],
      ["GET", "/adv/v1/promotion/count"],
      ["POST", "/adv/v2/seacat/save-ad"],
      ["GET", "/adv/v1/advert"],
    ] as const) {
      const res = await wb(app, verb, path, verb === "POST" ? { name: "x", nms: [1] } : undefined, token);
      expect(res.status, `${verb} ${path}`).toBe(401);
      expect(res.body).toEqual(unauthorized(SCOPE));
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(res.headers["x-ratelimit-remaining"]).toBeUndefined();
    }
    const ping = await wb(app, "GET", "/ping", undefined, token);
    expect(ping.status).toBe(200);
    expect(ping.body).toEqual({ TS: "2026-01-15T12:00:00+03:00", Status: "OK" });
  });

  it("a read-only token (bit 30) reads but does not write: GET and POST reads pass, writes (GET start included) are refused and change nothing", async () => {
    const { app } = makeSandbox();
    const writer = wbToken(PROMOTION);
    const reader = wbToken(PROMOTION | READ_ONLY);
    await settings(app, { consistency: "immediate", rateLimits: "off" }, reader);
    expect((await wb(app, "GET", "/adv/v1/balance", undefined, reader)).body).toEqual({ balance: 0, net: 0, bonus: 0 });
    expect((await wb(app, "POST", "/adv/v1/promotion/adverts", [], reader)).status).toBe(204);
    const subjects = await wb(app, "GET", "/adv/v1/supplier/subjects", undefined, reader).expect(200);
    const nms = await wb(app, "POST", "/adv/v2/supplier/nms", [subjects.body[0].id], reader).expect(200);

    const create = await wb(app, "POST", "/adv/v2/seacat/save-ad", { campaignName: "Только чтение", nms: [nms.body[0].nm] }, reader);
    expect(create.status).toBe(401);
    expect(create.body).toEqual(unauthorized(SCOPE));
    const start = await wb(app, "GET", "/adv/v0/start?id=1", undefined, reader);
    expect(start.status).toBe(401);
    expect(start.body).toEqual(unauthorized(SCOPE));
    // Nothing was created.
    expect((await wb(app, "GET", "/adv/v1/promotion/count", undefined, reader)).body).toEqual({ adverts: null, all: 0 });

    // The same category without the read-only flag writes (another token string: a tenant of its own, with its own catalogue).
    const own = await wb(app, "GET", "/adv/v1/supplier/subjects", undefined, writer).expect(200);
    const ownNms = await wb(app, "POST", "/adv/v2/supplier/nms", [own.body[0].id], writer).expect(200);
    const made = await wb(app, "POST", "/adv/v2/seacat/save-ad", { campaignName: "Запись", nms: [ownNms.body[0].nm] }, writer);
    expect(made.status).toBe(200);
    expect(typeof made.body).toBe("number");
  });

  it("an expired token (exp on the tenant's clock) is 401 token expired; a clock advance expires a valid one", async () => {
    const { app } = makeSandbox();
    const old = wbToken(PROMOTION, Math.floor(T0 / 1000) - 1);
    const res = await wb(app, "GET", "/adv/v1/balance", undefined, old);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(unauthorized(EXPIRED));

    const hour = wbToken(PROMOTION, Math.floor(T0 / 1000) + 3600);
    expect((await wb(app, "GET", "/adv/v1/balance", undefined, hour)).status).toBe(200);
    await control(app, "POST", "/clock/advance", { by: HOUR - SECOND }, hour).expect(200);
    expect((await wb(app, "GET", "/adv/v1/balance", undefined, hour)).status).toBe(200);
    await control(app, "POST", "/clock/advance", { by: SECOND }, hour).expect(200);
    const late = await wb(app, "GET", "/adv/v1/balance", undefined, hour);
    expect(late.status).toBe(401);
    expect(late.body).toEqual(unauthorized(EXPIRED));
    // Expiry comes first: an expired token without the category says expired.
    expect((await wb(app, "GET", "/adv/v1/balance", undefined, wbToken(CONTENT, 1))).body).toEqual(unauthorized(EXPIRED));
  });

  it("a refused token costs nothing: the method's rate limit is checked after the claims", async () => {
    const { app } = makeSandbox();
    const reader = wbToken(PROMOTION | READ_ONLY);
    await settings(app, { rateLimits: "enforce" }, reader);
    // save-ad allows one call per 20 s: three refusals in a row are all 401, never 429.
    for (let i = 0; i < 3; i++) {
      const res = await wb(app, "POST", "/adv/v1/save-ad", { type: 8 }, reader);
      expect(res.status).toBe(401);
      expect(res.body.detail).toBe(SCOPE);
    }
    // config allows one call a minute: the read passes once, then the limit answers.
    expect((await wb(app, "GET", "/adv/v0/config", undefined, reader)).status).toBe(200);
    expect((await wb(app, "GET", "/adv/v0/config", undefined, reader)).status).toBe(429);
  });

  it("tokens that are not Wildberries-style keep working as before: plain text, and JWTs without the `s` claim", async () => {
    const { app } = makeSandbox();
    expect((await wb(app, "POST", "/adv/v2/seacat/save-ad", { campaignName: "x", nms: [] }, "plain-token")).status).toBe(400);
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const other = `${part({ alg: "HS256" })}.${part({ sub: "someone", exp: 1 })}.c2ln`;
    const res = await wb(app, "GET", "/adv/v1/balance", undefined, other);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ balance: 0, net: 0, bonus: 0 });
    // Looks like a JWT but the payload is not JSON: a tenant of its own, as before.
    expect((await wb(app, "GET", "/adv/v1/balance", undefined, "eyJhbGciOiJFUzI1NiJ9.bm90LWpzb24.c2ln")).status).toBe(200);
  });

  it("with --auth strict, a Wildberries token the sandbox did not issue is refused as unknown (the claims are not reached)", async () => {
    const { app } = makeSandbox({ auth: "strict" });
    const res = await request(app).get("/adv/v1/balance").set("Authorization", wbToken(CONTENT));
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/^token problem; token is malformed: the sandbox did not issue this token/);
  });
});

describe("WB_READ_ONLY: which methods a read-only token may call", () => {
  type Spec = { paths: Record<string, Record<string, { "x-readonly-method"?: boolean }>> };
  const marks = new Map<string, boolean>();
  for (const name of ["2025-09", "2025-12"] as const) {
    const spec: Spec = parse(readFileSync(`${SPEC_DIR}${SPEC_FILES[name]}`, "utf8"));
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [verb, operation] of Object.entries(operations)) {
        const flag = operation["x-readonly-method"];
        if (typeof flag === "boolean") marks.set(`${verb.toUpperCase()} ${path}`, flag);
      }
    }
  }

  it("agrees with x-readonly-method of Wildberries' own files for every method they document; the rest are writes", () => {
    const differ: string[] = [];
    const ids = Object.keys(WB_ROUTES).filter((id): id is WbOperationId => Object.hasOwn(WB_READ_ONLY, id));
    expect(ids.length).toBe(Object.keys(WB_ROUTES).length);
    for (const id of ids) {
      const route = WB_ROUTES[id];
      const key = `${route.method} ${route.path}`;
      const documented = marks.get(key);
      const ours = WB_READ_ONLY[id];
      if (documented === undefined ? ours && id !== "ping" : documented !== ours) differ.push(`${id} (${key}): ours ${ours}, files ${documented ?? "absent"}`);
    }
    expect(differ).toEqual([]);
    // Not the HTTP method: GETs that write and POSTs that read.
    expect(WB_READ_ONLY.startCampaign).toBe(false);
    expect(WB_READ_ONLY.getCampaigns).toBe(true);
  });
});
