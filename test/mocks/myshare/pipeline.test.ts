import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { api, catalogBody, control, createCatalog, NOT_FOUND, TOKEN } from "./helpers.js";

/** The tenant's myshare journal: method, path, status and the request body as journaled. */
async function journal(app: ReturnType<typeof makeSandbox>["app"]) {
  const res = await control(app, "GET", "/requests?provider=myshare");
  expect(res.status).toBe(200);
  return (res.body.requests as Array<{ method: string; path: string; status: number; requestBody: unknown }>).map(({ method, path, status, requestBody }) => ({
    method,
    path,
    status,
    requestBody,
  }));
}

describe("myshare on the pipeline: the body is read as DRF's request.data, when the view asks", () => {
  it("journals the body as parsed: a non-object JSON body and a form body; nothing for a refused media type", async () => {
    const { app } = makeSandbox();
    expect((await api(app, "POST", "/catalog/", [1])).status).toBe(400);
    expect((await request(app).post("/catalog/").set("Authorization", TOKEN).type("form").send("title=F&catalog_code=f")).status).toBe(201);
    expect((await request(app).post("/catalog/").set("Authorization", TOKEN).set("Content-Type", "text/plain").send("x")).status).toBe(415);
    expect(await journal(app)).toEqual([
      { method: "POST", path: "/catalog/", status: 400, requestBody: [1] },
      { method: "POST", path: "/catalog/", status: 201, requestBody: { title: "F", catalog_code: "f" } },
      { method: "POST", path: "/catalog/", status: 415, requestBody: null },
    ]);
  });

  it("a view that answers before reading the body never reads it: a missing object is 404 whatever the body", async () => {
    const { app } = makeSandbox();
    const missing = "/catalog/00000000-0000-4000-8000-000000000000/";
    const broken = await request(app).put(missing).set("Authorization", TOKEN).set("Content-Type", "application/json").send("{bad");
    expect(broken.status).toBe(404);
    expect(broken.body).toEqual(NOT_FOUND);
    const huge = await request(app).patch(missing).set("Authorization", TOKEN).set("Content-Type", "application/json").send(`{"title":"${"x".repeat(3_000_000)}"}`);
    expect(huge.status).toBe(404);
    const other = await request(app).patch(missing).set("Authorization", TOKEN).set("Content-Type", "text/plain").send("x");
    expect(other.status).toBe(404);
    expect((await journal(app)).map((entry) => entry.requestBody)).toEqual([null, { truncated: true, bytes: 3_000_012 }, null]);
  });

  it("a GET ignores its body, even one over Django's limit", async () => {
    const { app } = makeSandbox();
    const res = await request(app).get("/catalog/").set("Authorization", TOKEN).set("Content-Type", "application/json").send(`{"a":"${"x".repeat(3_000_000)}"}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });
});

describe("myshare on the pipeline: routing and throttling as DRF does", () => {
  it("HEAD answers the GET's status and headers without a body", async () => {
    const { app } = makeSandbox();
    const catalog = await createCatalog(app);
    const res = await request(app).head(`/catalog/${catalog.id}/`).set("Authorization", TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.text).toBeUndefined();
    expect((await request(app).head("/catalog/nope/").set("Authorization", TOKEN)).status).toBe(404);
  });

  it("the 301 keeps the query exactly as sent, and carries no body", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post("/deal?b=%20&a").set("Authorization", TOKEN).send(catalogBody());
    expect(res.status).toBe(301);
    expect(res.headers["location"]).toBe("/deal/?b=%20&a");
    expect(res.headers["content-type"]).toBeUndefined();
    expect(res.text).toBe("");
    expect((await request(app).get("/landing/abc").set("Authorization", TOKEN)).headers["location"]).toBe("/landing/abc/");
  });

  it("an id that is not valid percent-encoding is 404 Not found., after the method check", async () => {
    const { app } = makeSandbox();
    const res = await request(app).get("/deal/%E0%A4%A/").set("Authorization", TOKEN);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(NOT_FOUND);
    expect((await request(app).delete("/deal/%E0%A4%A/").set("Authorization", TOKEN)).status).toBe(405);
  });

  it("one bucket per HTTP method for every myshare path, 405 calls included; other methods keep theirs", async () => {
    const { app } = makeSandbox();
    for (let i = 0; i < 100; i++) expect((await api(app, "DELETE", "/catalog/")).status).toBe(405);
    const limited = await api(app, "DELETE", "/landing/abcdef/");
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ detail: "Request was throttled. Expected available in 1 second." });
    expect((await api(app, "GET", "/landing/abcdef/")).status).toBe(404);
    expect((await api(app, "POST", "/deal/", {})).status).toBe(400);
  });

  it("a token is checked before the throttle: a refused call costs nothing", async () => {
    const { app } = makeSandbox({ auth: "strict" });
    for (let i = 0; i < 3; i++) expect((await api(app, "GET", "/catalog/")).status).toBe(401);
    expect((await api(app, "GET", "/catalog/x", undefined, null)).status).toBe(301);
  });
});
