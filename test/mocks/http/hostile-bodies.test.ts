import { gzipSync } from "node:zlib";
import request from "supertest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_JSON_DEPTH } from "../../../src/mocks/http/json-depth.js";
import { collectLogs } from "../../support/log-lines.js";
import { makeSandbox } from "../../support/sandbox.js";

const TOKEN = "Bearer hostile";
const YM = "/api/offerwall/v1";
const deep = (levels: number): string => "[".repeat(levels) + "]".repeat(levels);
const deepObject = (levels: number): string => '{"a":'.repeat(levels) + "1" + "}".repeat(levels);

/** After every hostile call the sandbox must still answer, with the tenant's state intact. */
async function stillServing(app: ReturnType<typeof makeSandbox>["app"]): Promise<void> {
  const health = await request(app).get("/__sandbox/health");
  expect(health.status).toBe(200);
  const clock = await request(app).get("/__sandbox/clock").set("Authorization", TOKEN);
  expect(clock.status).toBe(200);
}

describe("a body nested deeper than the bound is each provider's own 400, before anything walks it", () => {
  it.each([5_000, 100_000])("YooMoney campaigns/get with %i levels: 400 incorrectData", async (levels) => {
    const { app } = makeSandbox();
    const res = await request(app).post(`${YM}/campaigns/get`).set("Authorization", TOKEN).set("Content-Type", "application/json").send(deep(levels));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      status: "error",
      errors: {
        code: "incorrectData",
        value: "Incorrect data",
        parameter: "body",
        description: `The request body nests deeper than ${MAX_JSON_DEPTH} levels; send the flat JSON object the method documents`,
      },
    });
    await stillServing(app);
  });

  it("a body exactly at the bound is read and judged by the method's contract", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post(`${YM}/campaigns/get`).set("Authorization", TOKEN).set("Content-Type", "application/json").send(deepObject(MAX_JSON_DEPTH));
    expect(res.status).toBe(200);
    expect(res.body.errors.code).toBe("incorrectData");
    expect(res.body.errors.description).not.toContain("nests deeper");
  });

  it("Wildberries: GET /ping with a deep body still answers; save-ad answers its own unreadable-body 400", async () => {
    const { app } = makeSandbox({ settings: { rateLimits: "off" } });
    const ping = await request(app).get("/ping").set("Authorization", TOKEN).set("Content-Type", "application/json").send(deep(5_000));
    expect(ping.status).toBe(200);
    const plain = await request(app).post("/adv/v1/save-ad").set("Authorization", TOKEN).set("Content-Type", "application/json").send("{not json");
    const nested = await request(app).post("/adv/v1/save-ad").set("Authorization", TOKEN).set("Content-Type", "application/json").send(deep(5_000));
    expect(nested.status).toBe(400);
    expect(nested.status).toBe(plain.status);
    expect(nested.body).toEqual(plain.body);
    await stillServing(app);
  });

  it("myshare POST /catalog/: DRF's JSON parse error", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post("/catalog/").set("Authorization", TOKEN).set("Content-Type", "application/json").send(deep(5_000));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: "JSON parse error - maximum recursion depth exceeded while decoding a JSON object from a unicode string" });
    await stillServing(app);
  });

  it.each([
    ["POST", "/__sandbox/clock/freeze"],
    ["PUT", "/__sandbox/state"],
    ["PATCH", "/__sandbox/settings"],
  ] as const)("control plane %s %s with 100,000 levels: 400 malformed_json", async (method, path) => {
    const { app } = makeSandbox();
    const res = await request(app)[method === "POST" ? "post" : method === "PUT" ? "put" : "patch"](path)
      .set("Authorization", TOKEN)
      .set("Content-Type", "application/json")
      .send(deep(100_000));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: "malformed_json", message: `the body of ${method} ${path} nests deeper than ${MAX_JSON_DEPTH} levels; control-plane bodies are flat JSON objects` },
    });
    await stillServing(app);
  });
});

describe("Content-Encoding", () => {
  const notGzip = (req: request.Test) => req.set("Authorization", TOKEN).set("Content-Type", "application/json").set("Content-Encoding", "gzip").send("{}");

  it("a gzip header over bytes that are not gzip is each provider's own 400", async () => {
    const { app } = makeSandbox();
    const ym = await notGzip(request(app).post(`${YM}/campaigns/get`));
    expect(ym.status).toBe(400);
    expect(ym.body.errors).toMatchObject({ code: "incorrectData", parameter: "body", description: "The request body could not be read (incorrect header check)" });
    const wb = await notGzip(request(app).post("/adv/v1/save-ad"));
    expect(wb.status).toBe(400);
    expect(wb.body).toMatchObject({ title: "bad request", detail: "The request body could not be read (incorrect header check)", status: 400, statusText: "Bad Request" });
    const ms = await notGzip(request(app).post("/catalog/"));
    expect(ms.status).toBe(400);
    expect(ms.body).toEqual({ detail: "JSON parse error - incorrect header check" });
    const cp = await notGzip(request(app).post("/__sandbox/clock/advance"));
    expect(cp.status).toBe(400);
    expect(cp.body.error.code).toBe("malformed_json");
  });

  it("an unknown encoding is a 400 too, never a 500", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post(`${YM}/campaigns/get`).set("Authorization", TOKEN).set("Content-Encoding", "zip-zap").send("{}");
    expect(res.status).toBe(400);
    expect(res.body.errors.description).toBe('The request body could not be read (unsupported content encoding "zip-zap")');
  });

  it("a real gzip body is inflated and answered as the plain one", async () => {
    const { app } = makeSandbox();
    const body = JSON.stringify({ ymCampaignId: 42 });
    const plain = await request(app).post(`${YM}/campaigns/get`).set("Authorization", TOKEN).set("Content-Type", "application/json").send(body);
    // YooMoney reads every body as JSON whatever its Content-Type (octet-stream keeps supertest from re-encoding it).
    const zipped = await request(app)
      .post(`${YM}/campaigns/get`)
      .set("Authorization", TOKEN)
      .set("Content-Type", "application/octet-stream")
      .set("Content-Encoding", "gzip")
      .send(gzipSync(body));
    expect(zipped.status).toBe(plain.status);
    expect(zipped.body).toEqual(plain.body);
  });

  it("a small gzip body that inflates past the limit stops at the limit: 413", async () => {
    const { app } = makeSandbox();
    const bomb = gzipSync(`{"padding":"${"0".repeat(8 * 1024 * 1024)}"}`);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const wb = await request(app).post("/adv/v1/save-ad").set("Authorization", TOKEN).set("Content-Encoding", "gzip").send(bomb);
    expect(wb.status).toBe(413);
    expect(wb.body).toMatchObject({ title: "request entity too large", detail: "The request body is larger than 1048576 bytes", status: 413 });
    const ym = await request(app).post(`${YM}/campaigns/create`).set("Authorization", TOKEN).set("Content-Encoding", "gzip").send(bomb);
    expect(ym.status).toBe(413);
    expect(ym.body.errors).toMatchObject({ code: "incorrectData", description: "The request body is larger than 1048576 bytes; split the upload into several calls" });
  });
});

describe("the token wins over the body's errors (the body is read first, its error kept for the step), and each operation reads at most its own limit", () => {
  const big = "x".repeat(2 * 1024 * 1024);

  it("a YooMoney call without a token is 401 even with a body over its limit (413 with a token)", async () => {
    const { app } = makeSandbox({ auth: "strict" });
    for (const method of ["campaigns/nothing", "campaigns/create"]) {
      const res = await request(app).post(`${YM}/${method}`).set("Content-Type", "text/plain").send(big);
      expect([method, res.status, res.body.errors.code]).toEqual([method, 401, "unauthorized"]);
    }
    const wrongVerb = await request(app).put(`${YM}/campaigns/create`).set("Content-Type", "text/plain").send(big);
    expect(wrongVerb.status).toBe(405);
  });

  it("users/login reads a small body only: 413 past 1 MiB", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post(`${YM}/users/login`).set("Content-Type", "application/json").send(JSON.stringify({ login: big, password: "p" }));
    expect(res.status).toBe(413);
    expect(res.body.errors.code).toBe("incorrectData");
  });

  it("a Wildberries call without a token is 401 whatever its body", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post("/adv/v1/save-ad").set("Content-Type", "application/json").send(big);
    expect(res.status).toBe(401);
  });

  it("a control-plane call without a token is 401 whatever its body (broken JSON would be 400)", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post("/__sandbox/clock/advance").set("Content-Type", "application/json").send("{not json");
    expect(res.status).toBe(401);
  });

  it("add-pins keeps its large limit: a 2 MiB upload is read", async () => {
    const { app } = makeSandbox();
    const pins = Array.from({ length: 150_000 }, (_, i) => `CODE${String(i).padStart(8, "0")}`);
    const res = await request(app).post(`${YM}/campaigns/add-pins`).set("Authorization", TOKEN).set("Content-Type", "application/json").send({ ymCampaignId: 1, pinList: pins });
    expect(res.status).toBe(200);
    expect(res.body.errors.code).toBe("campaignNotFound");
  });
});

describe("the last resort", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("a sandbox bug is each provider's 500, its stack goes to the log only (level 50), and the process keeps serving", async () => {
    const logs = await collectLogs("error");
    const sandbox = makeSandbox({ logger: logs.logger });
    const { app } = sandbox;
    await request(app).get("/__sandbox/clock").set("Authorization", TOKEN).expect(200);
    const tenant = sandbox.registry.get("hostile");
    const settle = tenant.settle.bind(tenant);
    tenant.settle = () => {
      throw new Error("simulated sandbox bug");
    };
    const ym = await request(app).post(`${YM}/categories/get`).set("Authorization", TOKEN).send({});
    const wb = await request(app).get("/ping").set("Authorization", TOKEN);
    const ms = await request(app).get("/catalog/").set("Authorization", TOKEN);
    tenant.settle = settle;
    expect(ym.status).toBe(500);
    expect(ym.body).toEqual({
      status: "error",
      errors: {
        code: "internalError",
        value: "Internal error",
        description: "The sandbox failed to handle this call; please report it with the request journal (GET /__sandbox/requests)",
      },
    });
    expect(wb.status).toBe(500);
    expect(wb.body).toMatchObject({ title: "internal server error", status: 500, statusText: "Internal Server Error" });
    expect(ms.status).toBe(500);
    expect(ms.body).toEqual({ detail: "A server error occurred." });
    for (const res of [ym, wb, ms]) expect(res.text).not.toMatch(/simulated|\bat \w|\.ts:\d/);
    const errors = logs.lines();
    expect(errors.map((line) => [line.level, line.method, line.path, line.msg])).toEqual([
      [50, "POST", "/api/offerwall/v1/categories/get", "internal error on POST /api/offerwall/v1/categories/get: Error: simulated sandbox bug"],
      [50, "GET", "/ping", "internal error on GET /ping: Error: simulated sandbox bug"],
      [50, "GET", "/catalog/", "internal error on GET /catalog/: Error: simulated sandbox bug"],
    ]);
    for (const line of errors) expect(line.err).toMatchObject({ type: "Error", message: "simulated sandbox bug", stack: expect.stringMatching(/\n\s+at /) });
    await request(app).post(`${YM}/categories/get`).set("Authorization", TOKEN).send({}).expect(200);
  });

  it("%ZZ in a provider path is that provider's 404", async () => {
    const { app } = makeSandbox();
    const ym = await request(app).post(`${YM}/campaigns/%ZZ`).set("Authorization", TOKEN).send({});
    expect(ym.status).toBe(404);
    expect(ym.body.errors).toMatchObject({ code: "methodNotFound", description: expect.stringContaining("There is no offer-program method campaigns/%ZZ;") });
    expect((await request(app).get("/adv/v1/%ZZ").set("Authorization", TOKEN)).status).toBe(404);
    const ms = await request(app).get("/catalog/%ZZ/").set("Authorization", TOKEN);
    expect([ms.status, ms.body]).toEqual([404, { detail: "Not found." }]);
  });

  it("%ZZ in a control-plane path id is 400 invalid_path", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post("/__sandbox/yoomoney/campaigns/%ZZ/moderation").set("Authorization", TOKEN).send({ decision: "approve" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "invalid_path",
        message:
          "POST /__sandbox/yoomoney/campaigns/%ZZ/moderation: a path segment is not valid percent-encoding (a % must be followed by two hex digits); encode ids with encodeURIComponent",
      },
    });
  });
});

describe("HEAD and path case", () => {
  it("HEAD on a GET route answers as GET without a body, in every provider and the control plane", async () => {
    const { app } = makeSandbox();
    for (const path of ["/adv/v1/promotion/count", "/ping", "/catalog/", "/__sandbox/clock"]) {
      const get = await request(app).get(path).set("Authorization", TOKEN);
      const head = await request(app).head(path).set("Authorization", TOKEN);
      expect([path, head.status]).toEqual([path, get.status]);
      expect(head.headers["content-type"]).toBe(get.headers["content-type"]);
      expect(head.headers["content-length"]).toBe(get.headers["content-length"]);
      expect(head.text ?? "").toBe("");
    }
  });

  it("paths are case-sensitive everywhere: a wrong case is not served", async () => {
    const { app } = makeSandbox();
    for (const path of ["/__SANDBOX/clock", "/__sandbox/Clock", "/ADV/v1/promotion/count", "/Catalog/"]) {
      const res = await request(app).get(path).set("Authorization", TOKEN);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body.error.code).toBe("not_found");
    }
    const ym = await request(app).post("/API/offerwall/v1/categories/get").set("Authorization", TOKEN).send({});
    expect(ym.status).toBe(404);
    const method = await request(app).post(`${YM}/Categories/get`).set("Authorization", TOKEN).send({});
    expect(method.status).toBe(404);
    expect(method.body.errors.code).toBe("methodNotFound");
  });
});
