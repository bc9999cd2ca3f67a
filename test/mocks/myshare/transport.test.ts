import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { api, catalogBody, control, createCatalog, NOT_FOUND, TOKEN } from "./helpers.js";

describe("authentication", () => {
  it("no token: 401 with DRF's body and WWW-Authenticate: Token", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "GET", "/catalog/", undefined, null);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: "Authentication credentials were not provided." });
    expect(res.headers["www-authenticate"]).toBe("Token");
    expect((await api(app, "POST", "/deal/", {}, "")).status).toBe(401);
  });

  it("the raw token and a Bearer prefix name the same tenant", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    expect((await api(app, "GET", `/catalog/${catalog.id}/`, undefined, `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it("strict auth refuses a token the sandbox did not issue: 401 Invalid token.", async () => {
    const { app } = makeSandbox({ auth: "strict" });
    const res = await api(app, "GET", "/catalog/");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: "Invalid token." });
  });
});

describe("request bodies", () => {
  it("malformed JSON: 400 with Python's json message", async () => {
    const { app } = makeSandbox();
    const cases: Array<[string, string]> = [
      ["nope", "Expecting value: line 1 column 1 (char 0)"],
      ['{"title": }', "Expecting value: line 1 column 11 (char 10)"],
      ['{"title": "a",}', "Expecting property name enclosed in double quotes: line 1 column 15 (char 14)"],
      ['{"title" "a"}', "Expecting ':' delimiter: line 1 column 10 (char 9)"],
      ['{"a": 1\n "b": 2}', "Expecting ',' delimiter: line 2 column 2 (char 9)"],
      ['{"a": "x', "Unterminated string starting at: line 1 column 7 (char 6)"],
      ["{} []", "Extra data: line 1 column 4 (char 3)"],
    ];
    for (const [text, message] of cases) {
      const res = await request(app).post("/catalog/").set("Authorization", TOKEN).set("Content-Type", "application/json").send(text);
      expect(res.status, text).toBe(400);
      expect(res.body).toEqual({ detail: `JSON parse error - ${message}` });
    }
  });

  it("another media type: 415 naming it", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post("/catalog/").set("Authorization", TOKEN).set("Content-Type", "text/plain").send("title=x");
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ detail: 'Unsupported media type "text/plain" in request.' });
  });

  it("a form-encoded body is read like DRF's FormParser", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post("/catalog/").set("Authorization", TOKEN).type("form").send("title=Form&catalog_code=form&is_published=false");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: "Form", catalog_code: "form", is_published: false });
  });

  it("a body that is not an object: non_field_errors", async () => {
    const { app } = makeSandbox();
    expect((await api(app, "POST", "/catalog/", [1])).body).toEqual({ non_field_errors: ["Invalid data. Expected a dictionary, but got list."] });
    expect((await api(app, "POST", "/catalog/", null)).body).toEqual({ non_field_errors: ["No data provided"] });
  });

  it("__proto__ keys and unknown keys are ignored", async () => {
    const { app } = makeSandbox();
    const res = await request(app)
      .post("/catalog/")
      .set("Authorization", TOKEN)
      .set("Content-Type", "application/json")
      .send('{"title":"P","catalog_code":"p","__proto__":{"is_published":false},"unknown":1}');
    expect(res.status).toBe(201);
    expect(res.body.is_published).toBe(true);
    expect(res.body).not.toHaveProperty("unknown");
  });
});

describe("routing", () => {
  it("a path without its trailing slash is redirected (301) to the slashed one, query kept", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "GET", "/promo/check_uuid?code=X");
    expect(res.status).toBe(301);
    expect(res.headers["location"]).toBe("/promo/check_uuid/?code=X");
    expect((await api(app, "POST", "/catalog", catalogBody())).status).toBe(301);
  });

  it("an unknown path under the myshare prefixes is 404 Not found.; other paths fall through", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "GET", "/deal/x/y/");
    expect(res.status).toBe(404);
    expect(res.body).toEqual(NOT_FOUND);
    const elsewhere = await api(app, "GET", "/catalogue/");
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe("not_found");
  });

  it("a method the route lacks: 405 with Allow", async () => {
    const { app } = makeSandbox();
    const res = await api(app, "DELETE", "/catalog/");
    expect(res.status).toBe(405);
    expect(res.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
    expect(res.headers["allow"]).toBe("GET, POST, HEAD");
    expect((await api(app, "GET", "/offer/")).headers["allow"]).toBe("POST");
  });

  it("checks in DRF's order: 401 before 405, 405 before the object lookup, the lookup before the body", async () => {
    const { app } = makeSandbox();
    expect((await api(app, "PUT", "/deal/nope/", {}, null)).status).toBe(401);
    expect((await api(app, "PUT", "/deal/nope/", {})).status).toBe(405);
    const res = await request(app).patch("/deal/nope/").set("Authorization", TOKEN).set("Content-Type", "application/json").send("{bad");
    expect(res.status).toBe(404);
    expect(res.body).toEqual(NOT_FOUND);
    expect((await api(app, "GET", "/nothing/here/", undefined, null)).status).toBe(404);
    expect((await api(app, "GET", "/deal/x/y/", undefined, null)).body).toEqual(NOT_FOUND);
  });
});

describe("throttling", () => {
  it("past the generous default, 429 with DRF's message and Retry-After; rateLimits off lifts it", async () => {
    const { app } = makeSandbox();
    let last = await api(app, "GET", "/catalog/");
    for (let i = 0; i < 100; i++) last = await api(app, "GET", "/catalog/");
    expect(last.status).toBe(429);
    expect(last.body).toEqual({ detail: "Request was throttled. Expected available in 1 second." });
    expect(last.headers["retry-after"]).toBe("1");
    expect((await control(app, "PATCH", "/settings", { rateLimits: "off" })).status).toBe(200);
    expect((await api(app, "GET", "/catalog/")).status).toBe(200);
  });
});

describe("the request journal", () => {
  it("records myshare calls under provider myshare", async () => {
    const { app } = makeSandbox();
    await createCatalog(app);
    const res = await control(app, "GET", "/requests?provider=myshare");
    expect(res.body.requests).toMatchObject([{ provider: "myshare", method: "POST", path: "/catalog/", status: 201 }]);
  });
});
