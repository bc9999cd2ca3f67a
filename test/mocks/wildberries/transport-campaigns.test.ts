import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, statusOf } from "./campaign-fixtures.js";
import { advance, OTHER_TOKEN, SECOND, settings, TOKEN, wb } from "./helpers.js";

const gateway = (status: number, title: string, statusText: string, detail: string | RegExp) => ({
  title,
  detail: typeof detail === "string" ? detail : expect.stringMatching(detail),
  code: expect.any(String),
  requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
  origin: expect.any(String),
  status,
  statusText,
  timestamp: expect.any(String),
});

describe("transport: auth, unknown paths and verbs", () => {
  it("no token is 401 with the gateway object, and costs the seller nothing", async () => {
    const { app } = makeSandbox();
    const res = await request(app).get("/adv/v0/config");
    expect(res.status).toBe(401);
    expect(res.body).toEqual(gateway(401, "unauthorized", "Unauthorized", "empty Authorization header"));
    expect(res.headers["x-ratelimit-remaining"]).toBeUndefined();
    // config allows 1 call a minute: the 401 did not use it.
    const ok = await wb(app, "GET", "/adv/v0/config");
    expect(ok.status).toBe(200);
    expect(ok.headers["x-ratelimit-remaining"]).toBe("0");
  });

  it("an unknown /adv path is 404 and a wrong verb 405, both as the gateway object", async () => {
    const { app } = makeSandbox();
    const missing = await wb(app, "GET", "/adv/v9/nothing");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(gateway(404, "path not found", "Not Found", "Please consult the https://dev.wildberries.ru/openapi/api-information"));
    const verb = await wb(app, "GET", "/adv/v1/save-ad");
    expect(verb.status).toBe(405);
    expect(verb.headers["allow"]).toBe("POST");
    expect(verb.body).toEqual(gateway(405, "method not allowed", "Method Not Allowed", /GET is not allowed on \/adv\/v1\/save-ad/));
    const verb2 = await wb(app, "POST", "/adv/v0/start?id=1");
    expect(verb2.status).toBe(405);
    expect(verb2.headers["allow"]).toBe("GET, HEAD");
  });

  it("GET /ping answers the Moscow time and OK", async () => {
    const { app } = makeSandbox();
    const res = await wb(app, "GET", "/ping").expect(200);
    expect(res.body).toEqual({ TS: "2026-01-15T12:00:00+03:00", Status: "OK" });
  });

  it("the raw token and `Bearer <token>` are the same seller; another seller's ids are unknown ids", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    const id = await createAuction(app);
    expect(await statusOf(app, id, `Bearer ${TOKEN}`)).toBe(4);
    expect((await wb(app, "POST", "/adv/v1/promotion/adverts", [id], OTHER_TOKEN)).status).toBe(204);
    expect((await wb(app, "GET", "/adv/v1/promotion/count", undefined, OTHER_TOKEN)).body).toEqual({ adverts: null, all: 0 });
    expect((await wb(app, "GET", `/adv/v0/stop?id=${id}`, undefined, OTHER_TOKEN)).body).toBe("Некорректный идентификатор РК");
    expect((await wb(app, "GET", `/adv/v0/delete?id=${id}`, undefined, OTHER_TOKEN)).body).toEqual({ error: "Некорректный ID кампании" });
    expect(await statusOf(app, id)).toBe(4);
  });
});

describe("transport: rate limits (enforced by default)", () => {
  it("X-Ratelimit-Remaining counts down the burst; the next call is 429 with Retry, Limit and Reset, lifted after Retry", async () => {
    const { app } = makeSandbox();
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await wb(app, "GET", "/adv/v1/promotion/count").expect(200);
      remaining.push(String(res.headers["x-ratelimit-remaining"]));
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const limited = await wb(app, "GET", "/adv/v1/promotion/count");
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(gateway(429, "too many requests", "Too Many Requests", /^limited by [0-9a-f-]{36}$/));
    expect(limited.headers["x-ratelimit-retry"]).toBe("1");
    expect(limited.headers["x-ratelimit-limit"]).toBe("5");
    expect(limited.headers["x-ratelimit-reset"]).toBe("1");
    expect(limited.headers["x-ratelimit-remaining"]).toBeUndefined();
    // Other methods have their own buckets.
    expect((await wb(app, "GET", "/adv/v0/config")).status).toBe(200);
    await advance(app, SECOND);
    expect((await wb(app, "GET", "/adv/v1/promotion/count")).status).toBe(200);
  });

  it("config allows 1 call a minute: 429 says retry in 60 s, and the call passes only then", async () => {
    const { app } = makeSandbox();
    await wb(app, "GET", "/adv/v0/config").expect(200);
    const limited = await wb(app, "GET", "/adv/v0/config");
    expect(limited.status).toBe(429);
    expect(limited.headers["x-ratelimit-retry"]).toBe("60");
    expect(limited.headers["x-ratelimit-limit"]).toBe("1");
    expect(limited.headers["x-ratelimit-reset"]).toBe("60");
    await advance(app, 59 * SECOND);
    const still = await wb(app, "GET", "/adv/v0/config");
    expect(still.status).toBe(429);
    await advance(app, SECOND);
    expect((await wb(app, "GET", "/adv/v0/config")).status).toBe(200);
  });

  it("seacat/save-ad allows 5 a minute per seller: the 6th is 429 and creates nothing; another seller is not affected", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate" });
    const nm: number = (await wb(app, "POST", "/adv/v2/supplier/nms", []).expect(200)).body[0].nm;
    for (let i = 0; i < 5; i++) await wb(app, "POST", "/adv/v2/seacat/save-ad", { campaignName: `К${i}`, nms: [nm] }).expect(200);
    const sixth = await wb(app, "POST", "/adv/v2/seacat/save-ad", { campaignName: "К5", nms: [nm] });
    expect(sixth.status).toBe(429);
    expect(sixth.headers["x-ratelimit-retry"]).toBe("12");
    expect((await wb(app, "GET", "/adv/v1/promotion/count")).body.all).toBe(5);
    const otherNm: number = (await wb(app, "POST", "/adv/v2/supplier/nms", [], OTHER_TOKEN).expect(200)).body[0].nm;
    expect((await wb(app, "POST", "/adv/v2/seacat/save-ad", { campaignName: "B", nms: [otherNm] }, OTHER_TOKEN)).status).toBe(200);
  });
});
