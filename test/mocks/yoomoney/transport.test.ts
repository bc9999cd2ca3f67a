import request from "supertest";
import { describe, expect, it } from "vitest";
import { ADD_PINS_BODY_LIMIT_BYTES as BODY_LIMIT_BYTES } from "../../../src/mocks/yoomoney/limits.js";
import { makeSandbox, T0 } from "../../support/sandbox.js";
import {
  API,
  advance,
  call,
  control,
  create,
  createBody,
  incorrect,
  journal,
  state,
  success,
  TOKEN,
  UNAUTHORIZED_EXPIRED,
  UNAUTHORIZED_MISSING,
  UNAUTHORIZED_UNKNOWN,
  ymError,
} from "./helpers.js";

const CATEGORIES = [
  { categoryId: 1, name: "Одежда и обувь" },
  { categoryId: 2, name: "Электроника и техника" },
  { categoryId: 3, name: "Продукты и доставка еды" },
  { categoryId: 4, name: "Красота и здоровье" },
  { categoryId: 5, name: "Дом и сад" },
  { categoryId: 6, name: "Путешествия" },
  { categoryId: 7, name: "Развлечения и досуг" },
  { categoryId: 8, name: "Образование" },
  { categoryId: 9, name: "Авто и мото" },
  { categoryId: 10, name: "Спорт и отдых" },
  { categoryId: 11, name: "Финансовые услуги" },
  { categoryId: 12, name: "Связь и интернет" },
  { categoryId: 39, name: "Товары для детей" },
  { categoryId: 40, name: "Книги и канцелярия" },
  { categoryId: 41, name: "Зоотовары" },
];

const LOGIN_REFUSED = ymError("unauthorized", "Invalid login or password: both are required, non-empty strings");
const NOT_JSON = expect.stringMatching(/^The request body is not valid JSON \(.+\)$/);
const notJson = { status: "error", errors: { code: "incorrectData", value: "Incorrect data", description: NOT_JSON, parameter: "body" } };
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const post = (app: Parameters<typeof request>[0], path: string) => request(app).post(`${API}/${path}`);

async function login(app: Parameters<typeof request>[0], loginName: string): Promise<string> {
  const res = await post(app, "users/login").send({ login: loginName, password: "secret" });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ accessToken: expect.stringMatching(JWT), tokenType: "Bearer", expiresIn: 3600 });
  return String(res.body.accessToken);
}

describe("authentication", () => {
  it("a call without Authorization is 401 unauthorized, journaled for nobody", async () => {
    const { app } = makeSandbox();
    const res = await post(app, "categories/get").send({});
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED_MISSING);
    expect((await journal(app)).requests).toEqual([]);
  });

  it.each(["Bearer ", "Bearer", "Bearer: ", "bearer:", "   "])("an empty token (%j) is 401 unauthorized", async (header) => {
    const { app } = makeSandbox();
    const res = await post(app, "categories/get").set("Authorization", header).send({});
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED_MISSING);
  });

  it("Bearer tok, Bearer: tok, bearer tok and a raw tok reach the same tenant; another token does not", async () => {
    const { app } = makeSandbox();
    const created = await post(app, "campaigns/create").set("Authorization", "Bearer tok").send(createBody());
    const id: number = created.body.result.ymCampaignId;
    const seen = await post(app, "campaigns/get").set("Authorization", "Bearer tok").send({ ymCampaignId: id });
    expect(seen.body.result).toMatchObject(state(id, "moderation"));
    for (const header of ["Bearer: tok", "tok", "bearer tok", "BEARER:tok", "Bearer   tok  "]) {
      const res = await post(app, "campaigns/get").set("Authorization", header).send({ ymCampaignId: id });
      expect(res.body, header).toEqual(seen.body);
    }
    const other = await post(app, "campaigns/get").set("Authorization", "Bearer tok2").send({ ymCampaignId: id });
    expect(other.body).toEqual(ymError("campaignNotFound", `No campaign ${id} exists for this partner`));
  });

  it("an issued token expires 3600 s later on its tenant's virtual clock", async () => {
    const { app } = makeSandbox();
    const token = await login(app, "alice");
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
    expect(claims).toMatchObject({ sub: "alice", exp: T0 / 1000 + 3600 });
    expect((await call(app, token, "categories/get")).status).toBe(200);

    await advance(app, 3_599_999, token);
    expect((await call(app, token, "categories/get")).status).toBe(200);
    await advance(app, 1, token);
    const res = await call(app, token, "categories/get");
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED_EXPIRED);

    // Logging in again gives a working token for the same tenant (its clock stays advanced).
    const fresh = await login(app, "alice");
    expect((await call(app, fresh, "categories/get")).status).toBe(200);
    const clock = await control(app, fresh, "GET", "/clock");
    expect(clock.body).toEqual({ now: new Date(T0 + 3_600_000).toISOString(), frozen: false });
  });

  it("logging in again with the same login reaches the same campaigns; another login does not", async () => {
    const { app } = makeSandbox();
    const first = await login(app, "alice");
    const id = await create(app, {}, first);
    const second = await login(app, "alice");
    const res = await call(app, second, "campaigns/get", { ymCampaignId: id });
    expect(res.body.result).toMatchObject(state(id, "moderation"));
    const bob = await login(app, "bob");
    expect((await call(app, bob, "campaigns/get", { ymCampaignId: id })).body).toEqual(
      ymError("campaignNotFound", `No campaign ${id} exists for this partner`),
    );
  });

  it.each([
    { name: "a missing password", body: { login: "alice" } },
    { name: "an empty password", body: { login: "alice", password: "" } },
    { name: "an empty login", body: { login: "", password: "secret" } },
    { name: "a numeric password", body: { login: "alice", password: 1234 } },
    { name: "no body", body: undefined },
  ])("users/login with $name is 401 unauthorized", async ({ body }) => {
    const { app } = makeSandbox();
    const req = post(app, "users/login");
    const res = body === undefined ? await req : await req.send(body);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(LOGIN_REFUSED);
  });

  describe("strict mode", () => {
    it("refuses a token the sandbox did not issue", async () => {
      const { app } = makeSandbox({ auth: "strict" });
      const res = await call(app, "made-up", "categories/get");
      expect(res.status).toBe(401);
      expect(res.body).toEqual(UNAUTHORIZED_UNKNOWN);
    });

    it("accepts a users/login token, and refuses it once expired", async () => {
      const { app } = makeSandbox({ auth: "strict" });
      const token = await login(app, "alice");
      const id = await create(app, {}, token);
      expect((await call(app, token, "campaigns/get", { ymCampaignId: id })).body.result).toMatchObject(state(id, "moderation"));
      await advance(app, "PT1H", token);
      const res = await call(app, token, "campaigns/get", { ymCampaignId: id });
      expect(res.status).toBe(401);
      expect(res.body).toEqual(UNAUTHORIZED_EXPIRED);
    });

    it("accepts a POST /__sandbox/tokens token for the tenant it names", async () => {
      const { app } = makeSandbox({ auth: "strict", adminToken: "admin-secret" });
      const issued = await request(app).post("/__sandbox/tokens").set("Authorization", "Bearer admin-secret").send({ tenant: "acme" });
      expect(issued.status).toBe(201);
      expect(issued.body).toEqual({ token: expect.stringMatching(JWT), tenant: "acme", expiresAt: new Date(T0 + 3_600_000).toISOString() });
      const token = String(issued.body.token);
      const id = await create(app, {}, token);
      const again = await request(app).post("/__sandbox/tokens").set("Authorization", "Bearer admin-secret").send({ tenant: "acme" });
      const res = await call(app, String(again.body.token), "campaigns/get", { ymCampaignId: id });
      expect(res.body.result).toMatchObject(state(id, "moderation"));
      // The tenant name itself is not a token in strict mode.
      expect((await call(app, "acme", "categories/get")).status).toBe(401);
    });
  });
});

describe("bodies", () => {
  it("categories/get works without a body and lists the fixed reference guide", async () => {
    const { app } = makeSandbox();
    const res = await call(app, TOKEN, "categories/get");
    expect(res.status).toBe(200);
    expect(res.body).toEqual(success({ categories: CATEGORIES }));
  });

  it("an empty body is {}: a method with required fields names the first one", async () => {
    const { app } = makeSandbox();
    const res = await call(app, TOKEN, "campaigns/get");
    expect(res.status).toBe(200);
    expect(res.body).toEqual(incorrect("ymCampaignId", "ymCampaignId is required (the id campaigns/create returned)"));
    const list = await call(app, TOKEN, "campaigns/get-all-campaigns");
    expect(list.body).toEqual(incorrect("limit", "limit is required"));
  });

  it.each([
    { name: "broken JSON", raw: "{bad", type: "application/json" },
    { name: "curl -d form encoding", raw: "login=a&password=b", type: "application/x-www-form-urlencoded" },
    { name: "a truncated object", raw: '{"ymCampaignId": 1', type: "application/json" },
  ])("$name is HTTP 400 incorrectData with parameter body", async ({ raw, type }) => {
    const { app } = makeSandbox();
    const res = await call(app, TOKEN, "campaigns/get").set("Content-Type", type).send(raw);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(notJson);
  });

  it("a JSON body is read whatever its Content-Type (curl -d sends form encoding)", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    for (const type of ["application/x-www-form-urlencoded", "text/plain"]) {
      const res = await call(app, TOKEN, "campaigns/get").set("Content-Type", type).send(JSON.stringify({ ymCampaignId: id }));
      expect(res.body.result, type).toMatchObject(state(id, "moderation"));
    }
  });

  it("a JSON array body is HTTP 200 incorrectData with parameter body", async () => {
    const { app } = makeSandbox();
    const res = await call(app, TOKEN, "campaigns/get", [{ ymCampaignId: 1 }]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(incorrect("body", "The request body must be a JSON object"));
  });

  // docs/fidelity.md: "A JSON value that is not an object is incorrectData with HTTP 200."
  it.each(["42", '"text"', "null", "true"])("a JSON scalar body (%s) is HTTP 200 incorrectData with parameter body", async (raw) => {
    const { app } = makeSandbox();
    const res = await call(app, TOKEN, "campaigns/get").set("Content-Type", "application/json").send(raw);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(incorrect("body", "The request body must be a JSON object"));
  });

  it("a body over the limit is HTTP 413 incorrectData, journaled as a summary", async () => {
    const { app } = makeSandbox();
    const started = Date.now();
    const res = await call(app, TOKEN, "campaigns/add-pins").set("Content-Type", "application/octet-stream").send(Buffer.alloc(BODY_LIMIT_BYTES + 1));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      status: "error",
      errors: {
        code: "incorrectData",
        value: "Incorrect data",
        description: `The request body is larger than ${BODY_LIMIT_BYTES} bytes; split the upload into several calls`,
        parameter: "body",
      },
    });
    expect(Date.now() - started).toBeLessThan(5000);
    const logged = await journal(app);
    expect(logged.requests.map((r) => [r.path, r.status, r.requestBody])).toEqual([
      [`${API}/campaigns/add-pins`, 413, { truncated: true, bytes: BODY_LIMIT_BYTES + 1 }],
    ]);
  });
});

describe("methods", () => {
  it.each(["GET", "PUT", "DELETE", "PATCH"] as const)("%s on a known method is 405 with Allow: POST", async (verb) => {
    const { app } = makeSandbox();
    const url = `${API}/campaigns/get`;
    const base = verb === "GET" ? request(app).get(url) : verb === "PUT" ? request(app).put(url) : verb === "DELETE" ? request(app).delete(url) : request(app).patch(url);
    const res = await base.set("Authorization", `Bearer ${TOKEN}`);
    expect(res.status).toBe(405);
    expect(res.headers["allow"]).toBe("POST");
    expect(res.body).toEqual(ymError("methodNotFound", `campaigns/get takes POST with a JSON body, not ${verb}`));
  });

  it("GET users/login is 405 with Allow: POST", async () => {
    const { app } = makeSandbox();
    const res = await request(app).get(`${API}/users/login`).set("Authorization", `Bearer ${TOKEN}`);
    expect(res.status).toBe(405);
    expect(res.headers["allow"]).toBe("POST");
    expect(res.body).toEqual(ymError("methodNotFound", "users/login takes POST with a JSON body, not GET"));
  });

  // users/login needs no token, so a wrong HTTP method is reported as such, not as a missing token.
  it("GET users/login without a token is 405 with Allow: POST", async () => {
    const { app } = makeSandbox();
    const res = await request(app).get(`${API}/users/login`);
    expect(res.status).toBe(405);
    expect(res.headers["allow"]).toBe("POST");
    expect(res.body).toEqual(ymError("methodNotFound", "users/login takes POST with a JSON body, not GET"));
  });

  it.each(["campaigns/nope", "campaigns/create/extra", "campaign/add-pins", "offers"])("an unknown method (%s) is 404 methodNotFound", async (method) => {
    const { app } = makeSandbox();
    const res = await call(app, TOKEN, method, {});
    expect(res.status).toBe(404);
    expect(res.headers["allow"]).toBeUndefined();
    expect(res.body).toEqual(
      ymError(
        "methodNotFound",
        `There is no offer-program method ${method}; the methods are users/login, categories/get and campaigns/{create,update,start,stop,add-pins,redeem,get,info,get-all-campaigns,get-pins-by-status}`,
      ),
    );
  });
});
