import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { API_DOCS_ASSETS } from "../../../src/contracts/sandbox/api-docs.js";
import type { ProviderPlug } from "../../../src/mocks/plug.js";
import { OPENAPI_DOCUMENTS } from "../../../src/openapi-documents.js";
import { PROVIDERS } from "../../../src/providers.js";
import { createSandbox } from "../../../src/server.js";
import { fakePlug } from "../../support/fake-provider.js";
import { makeSandbox } from "../../support/sandbox.js";

const root = new URL("../../../", import.meta.url);
const committed = (file: string): string => readFileSync(new URL(file, root), "utf8");
const swaggerUi = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const DOCUMENT_NAMES = OPENAPI_DOCUMENTS.map((spec) => basename(spec.file, ".json"));

describe("GET /__sandbox/openapi/{document}.json", () => {
  it("lists the four documents, by their files' names", () => {
    expect(DOCUMENT_NAMES).toEqual(["yoomoney", "wildberries", "myshare", "sandbox"]);
  });

  it.each(OPENAPI_DOCUMENTS.map((spec) => [basename(spec.file, ".json"), spec.file]))(
    "%s: byte for byte the committed %s, as JSON, with no token",
    async (name, file) => {
      const { app } = makeSandbox();
      const res = await request(app).get(`/__sandbox/openapi/${name}.json`);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(res.text).toBe(committed(file));
    },
  );

  it("an unknown document is 404 not_found, naming the documents there are", async () => {
    const { app } = makeSandbox();
    const res = await request(app).get("/__sandbox/openapi/ozon.json");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: {
        code: "not_found",
        message: 'there is no OpenAPI document "ozon": the documents are yoomoney.json, wildberries.json, myshare.json, sandbox.json',
      },
    });
  });

  it("GET only: another method is 405 with Allow", async () => {
    const { app } = makeSandbox();
    const res = await request(app).post("/__sandbox/openapi/sandbox.json").send({});
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD");
  });

  it("stays out of the tenant's journal", async () => {
    const { app } = makeSandbox();
    await request(app).get("/__sandbox/openapi/yoomoney.json").set("Authorization", "Bearer alice").expect(200);
    const journal = await request(app).get("/__sandbox/requests").set("Authorization", "Bearer alice");
    expect(journal.status).toBe(200);
    expect(journal.body.requests).toEqual([]);
  });

  it("builds a document the first time it is asked for, once per sandbox, not at start", async () => {
    let builds = 0;
    const counted: ProviderPlug = { ...fakePlug, openapi: { file: fakePlug.openapi.file, build: () => ((builds += 1), fakePlug.openapi.build()) } };
    const sandbox = createSandbox({ providers: [...PROVIDERS, counted] });
    await request(sandbox.app).get("/__sandbox/health").expect(200);
    expect(builds).toBe(0);
    const first = await request(sandbox.app).get("/__sandbox/openapi/fake.json");
    const second = await request(sandbox.app).get("/__sandbox/openapi/fake.json");
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.text).toBe(first.text);
    expect(JSON.parse(first.text)).toMatchObject({ info: { title: "fake provider" } });
    expect(builds).toBe(1);
    const other = createSandbox({ providers: [...PROVIDERS, counted] });
    await request(other.app).get("/__sandbox/openapi/fake.json").expect(200);
    expect(builds).toBe(2);
  });
});

describe("GET /__sandbox/docs", () => {
  it("is an HTML page loading Swagger UI from the sandbox, with the four documents", async () => {
    const { app } = makeSandbox();
    const res = await request(app).get("/__sandbox/docs");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    for (const asset of Object.keys(API_DOCS_ASSETS)) expect(res.text).toContain(`"/__sandbox/docs/${asset}"`);
    for (const name of DOCUMENT_NAMES) expect(res.text).toContain(`{"name":"${name}","url":"/__sandbox/openapi/${name}.json"}`);
    // Offline: nothing is loaded from another host.
    expect(res.text).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it.each(Object.entries(API_DOCS_ASSETS))("serves %s from swagger-ui-dist as %s", async (asset, contentType) => {
    const { app } = makeSandbox();
    const res = await request(app).get(`/__sandbox/docs/${asset}`).buffer(true).parse((response, done) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => done(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe(contentType);
    expect(res.body).toBe(readFileSync(join(swaggerUi, asset), "utf8"));
  });

  it("an unknown file is 404 not_found, naming the files there are", async () => {
    const { app } = makeSandbox();
    const res = await request(app).get("/__sandbox/docs/index.html");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: {
        code: "not_found",
        message: 'there is no file "index.html" of the API reference page: the files are swagger-ui-bundle.js, swagger-ui-standalone-preset.js, swagger-ui.css',
      },
    });
  });

  it("the control plane's document describes the new calls, open to all", () => {
    const document = JSON.parse(committed("openapi/sandbox.json"));
    const calls: readonly (readonly [string, string])[] = [
      ["/__sandbox/openapi/{document}.json", "getOpenApiDocument"],
      ["/__sandbox/docs", "apiDocsPage"],
      ["/__sandbox/docs/{asset}", "apiDocsAsset"],
    ];
    for (const [path, id] of calls) {
      expect(document.paths[path].get).toMatchObject({ operationId: id, security: [] });
    }
    expect(Object.keys(document.paths["/__sandbox/docs"].get.responses[200].content)).toEqual(["text/html"]);
  });
});
