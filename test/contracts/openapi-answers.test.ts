import { readFileSync } from "node:fs";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { OPENAPI_DOCUMENTS } from "../../src/openapi-documents.js";
import type { SentAnswer } from "../../src/mocks/http/context.js";
import { api, createDeal, dealPath, setup } from "../mocks/myshare/helpers.js";
import { checkAnswerAgainstOpenApi } from "../support/openapi-answers.js";
import { makeSandbox } from "../support/sandbox.js";

const TOKEN = "Bearer openapi-answers";
const YM = "/api/offerwall/v1";
const JSON_TYPE = "application/json; charset=utf-8";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A sandbox that keeps every answer it sends, to check chosen ones against the documents explicitly. */
function recordingSandbox() {
  const answers: SentAnswer[] = [];
  const sandbox = makeSandbox({ onAnswer: (answer) => answers.push(answer) });
  const last = (method: string, path: string): SentAnswer => {
    const found = answers.findLast((answer) => answer.method === method && answer.path === path);
    if (found === undefined) throw new Error(`no answer was sent for ${method} ${path}`);
    return found;
  };
  return { app: sandbox.app, last };
}

function readDocuments(): { file: string; doc: Json }[] {
  return OPENAPI_DOCUMENTS.map((spec) => {
    const doc: Json = JSON.parse(readFileSync(new URL(`../../${spec.file}`, import.meta.url), "utf8"));
    return { file: spec.file, doc };
  });
}

/** Every node of a JSON value with its JSON pointer. */
function* nodes(value: Json, pointer = ""): Generator<[string, Json]> {
  yield [pointer, value];
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* nodes(item, `${pointer}/${i}`);
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) yield* nodes(item, `${pointer}/${key}`);
}

const YM_CAMPAIGN = {
  partnerCampaignId: 7,
  categoryId: 39,
  campaignType: "promo",
  acceptUrl: "https://Shop.Example.com/promo",
  merchantDomain: "Shop.Example.com",
  merchantName: "Магазин",
  merchantLogoSvg: "https://shop.example.com/logo.svg",
  merchantLogoPng: "https://shop.example.com/logo.png",
  backgroundColor: "#1e1e1e",
  fontColor: "#ffffff",
  description: "Скидка 10%",
  conditions: "На один заказ",
  discountType: "percent",
  discountAmount: "10",
  campaignFee: "100",
  feeType: "fix",
};

describe("answers the sandbox gives validate against openapi/*.json", () => {
  it("an unpaid myshare deal: paid_at, approved_at and canceled_at are null", async () => {
    const { app, last } = recordingSandbox();
    await setup(app);
    await createDeal(app);
    const read = await api(app, "GET", dealPath("Custom Deal ID"));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: "Created", paid_at: null, approved_at: null, canceled_at: null });
    expect(checkAnswerAgainstOpenApi(last("GET", dealPath("Custom Deal ID")))).toBeUndefined();
  });

  it("a YooMoney campaign with a mixed-case merchantDomain, in the request and in campaigns/get", async () => {
    const { app, last } = recordingSandbox();
    const created = await request(app).post(`${YM}/campaigns/create`).set("Authorization", TOKEN).send(YM_CAMPAIGN);
    expect(created.body.status).toBe("success");
    const got = await request(app).post(`${YM}/campaigns/get`).set("Authorization", TOKEN).send({ ymCampaignId: created.body.result.ymCampaignId });
    expect(got.body.result.merchantDomain).toBe("Shop.Example.com");
    expect(checkAnswerAgainstOpenApi(last("POST", `${YM}/campaigns/get`))).toBeUndefined();
  });

  it("the Wildberries gateway's 400 for an unreadable body", async () => {
    const { app, last } = recordingSandbox();
    const res = await request(app)
      .post("/adv/v1/save-ad")
      .set("Authorization", TOKEN)
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "gzip")
      .send("{}");
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ title: "bad request", status: 400 });
    expect(checkAnswerAgainstOpenApi(last("POST", "/adv/v1/save-ad"))).toBeUndefined();
  });

  it("a control-plane 405, and a Wildberries 405 for a method the path does not take", async () => {
    const { app, last } = recordingSandbox();
    const clock = await request(app).put("/__sandbox/clock").set("Authorization", TOKEN);
    expect(clock.status).toBe(405);
    expect(clock.body.error.code).toBe("method_not_allowed");
    expect(checkAnswerAgainstOpenApi(last("PUT", "/__sandbox/clock"))).toBeUndefined();
    const wb = await request(app).get("/adv/v1/save-ad").set("Authorization", TOKEN);
    expect(wb.status).toBe(405);
    expect(checkAnswerAgainstOpenApi(last("GET", "/adv/v1/save-ad"))).toBeUndefined();
  });

  it("an empty 200 of budget/deposit (no return) matches its response, which may have no body", async () => {
    const { app, last } = recordingSandbox();
    await request(app).post("/__sandbox/wildberries/balance").set("Authorization", TOKEN).send({ balance: 10_000 });
    const subjects = await request(app).get("/adv/v1/supplier/subjects").set("Authorization", TOKEN);
    const nms = await request(app).post("/adv/v2/supplier/nms").set("Authorization", TOKEN).send([subjects.body[0].id]);
    const id = await request(app).post("/adv/v2/seacat/save-ad").set("Authorization", TOKEN).send({ campaignName: "A", nms: [nms.body[0].nm] });
    const res = await request(app).post(`/adv/v1/budget/deposit?id=${id.body}`).set("Authorization", TOKEN).send({ sum: 1000, type: 0 });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(checkAnswerAgainstOpenApi(last("POST", "/adv/v1/budget/deposit"))).toBeUndefined();
  });
});

describe("checkAnswerAgainstOpenApi refuses what the documents do not say", () => {
  const answer = (method: string, path: string, status: number, body?: unknown) => ({
    method,
    path,
    status,
    contentType: body === undefined ? undefined : JSON_TYPE,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  it("a body that breaks the documented schema, naming document, operation, status and the error", () => {
    expect(checkAnswerAgainstOpenApi(answer("GET", "/__sandbox/clock", 200, { now: 1, frozen: false }))).toMatch(
      /^openapi\/sandbox\.json GET \/__sandbox\/clock 200: the body breaks the documented schema: body\/now must be string/,
    );
  });

  it("a status the operation does not document", () => {
    expect(checkAnswerAgainstOpenApi(answer("GET", "/__sandbox/clock", 418, { error: { code: "x", message: "y" } }))).toMatch(
      /GET \/__sandbox\/clock 418: status 418 is not documented/,
    );
  });

  it("a success at a path no document declares, or for a method the path does not take", () => {
    expect(checkAnswerAgainstOpenApi(answer("GET", "/adv/v9/nothing", 200, {}))).toMatch(/no OpenAPI document declares this path/);
    expect(checkAnswerAgainstOpenApi(answer("DELETE", "/__sandbox/clock", 200, { now: "x", frozen: false }))).toMatch(/the method is not declared/);
  });

  it("an unknown path's 404 in the owner's shape passes; in another provider's shape it does not", () => {
    expect(checkAnswerAgainstOpenApi(answer("GET", "/catalog/x/y/", 404, { detail: "Not found." }))).toBeUndefined();
    expect(checkAnswerAgainstOpenApi(answer("GET", "/nowhere", 404, { error: { code: "not_found", message: "no" } }))).toBeUndefined();
    expect(checkAnswerAgainstOpenApi(answer("POST", `${YM}/nothing/here`, 404, { detail: "Not found." }))).toMatch(/not as its pipeline's 404/);
  });

  it("myshare's redirect to the slashed path passes; a redirect elsewhere does not", () => {
    expect(checkAnswerAgainstOpenApi(answer("GET", "/catalog", 301))).toBeUndefined();
    expect(checkAnswerAgainstOpenApi(answer("GET", "/elsewhere", 301))).toMatch(/no OpenAPI document declares this path/);
  });

  it("an empty body where a body is promised, and a body where none is; HEAD may omit GET's body", () => {
    expect(checkAnswerAgainstOpenApi(answer("GET", "/__sandbox/clock", 200))).toMatch(/answered with no body/);
    expect(checkAnswerAgainstOpenApi(answer("DELETE", "/__sandbox/requests", 204, {}))).toMatch(/promises no body/);
    expect(checkAnswerAgainstOpenApi(answer("HEAD", "/__sandbox/clock", 200))).toBeUndefined();
    expect(checkAnswerAgainstOpenApi({ ...answer("GET", "/__sandbox/clock", 200), contentType: JSON_TYPE, body: "{" })).toMatch(/not JSON/);
  });
});

describe("the documents say what OpenAPI tools can read", () => {
  it("no nullable field is an allOf of a $ref and a nullable type (that refuses null)", () => {
    const offenders: string[] = [];
    for (const { file, doc } of readDocuments()) {
      for (const [pointer, node] of nodes(doc)) {
        if (!isObject(node) || !Array.isArray(node.allOf)) continue;
        const nullable = node.allOf.some((part) => isObject(part) && Array.isArray(part.type) && part.type.includes("null"));
        if (nullable) offenders.push(`${file}#${pointer}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("every pattern is a plain regular expression (no JavaScript flags pasted in) that compiles with the u flag", () => {
    const offenders: string[] = [];
    for (const { file, doc } of readDocuments()) {
      for (const [pointer, node] of nodes(doc)) {
        if (!isObject(node) || typeof node.pattern !== "string") continue;
        const pattern = node.pattern;
        let compiles = true;
        try {
          new RegExp(pattern, "u");
        } catch {
          compiles = false;
        }
        if (!compiles || /\$\/[dgimsuyv]+$/.test(pattern)) offenders.push(`${file}#${pointer}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("every operation documents its provider's pipeline answers", () => {
    const pipeline: Record<string, string[]> = {
      "openapi/yoomoney.json": ["400", "401", "404", "405", "408", "413", "429", "500"],
      "openapi/wildberries.json": ["400", "401", "404", "405", "408", "413", "429", "500"],
      "openapi/myshare.json": ["400", "401", "404", "405", "408", "415", "429", "500"],
      "openapi/sandbox.json": ["404", "405", "408", "500"],
    };
    const missing: string[] = [];
    for (const { file, doc } of readDocuments()) {
      const paths = isObject(doc) && isObject(doc.paths) ? doc.paths : {};
      for (const [path, item] of Object.entries(paths)) {
        if (!isObject(item)) continue;
        for (const [method, operation] of Object.entries(item)) {
          const responses = isObject(operation) && isObject(operation.responses) ? operation.responses : {};
          for (const status of pipeline[file] ?? []) if (!(status in responses)) missing.push(`${file} ${method} ${path} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
