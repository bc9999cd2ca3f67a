import { readFile } from "node:fs/promises";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { renderDocument, type OpenApiDocument } from "../../../src/contracts/openapi/generate.js";
import { buildMyshareDocument } from "../../../src/contracts/myshare/openapi.js";
import { packageRoot } from "../../../src/contracts/openapi/package-root.js";
import { makeSandbox } from "../../support/sandbox.js";
import { TOKEN } from "./helpers.js";

const METHODS = ["get", "put", "post", "patch", "delete"] as const;

function operations(document: OpenApiDocument): Array<{ method: (typeof METHODS)[number]; path: string; statuses: string[] }> {
  const out: Array<{ method: (typeof METHODS)[number]; path: string; statuses: string[] }> = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation !== undefined) out.push({ method, path, statuses: Object.keys(operation.responses ?? {}) });
    }
  }
  return out;
}

describe("openapi/myshare.json", () => {
  const document = buildMyshareDocument();

  it("is committed as generated from the zod contracts (run `npm run openapi` when this fails)", async () => {
    const committed = await readFile(`${packageRoot()}/openapi/myshare.json`, "utf8");
    expect(committed === renderDocument(document)).toBe(true);
  });

  it("documents every myshare route and method", () => {
    expect(operations(document).map((op) => `${op.method.toUpperCase()} ${op.path}`)).toEqual([
      "GET /catalog/",
      "POST /catalog/",
      "GET /catalog/{id}/",
      "PUT /catalog/{id}/",
      "PATCH /catalog/{id}/",
      "POST /offer/",
      "GET /offer/{id}/",
      "PUT /offer/{id}/",
      "PATCH /offer/{id}/",
      "POST /landing/",
      "GET /landing/{id}/",
      "PUT /landing/{id}/",
      "PATCH /landing/{id}/",
      "DELETE /landing/{id}/",
      "GET /deal/",
      "POST /deal/",
      "GET /deal/get_count_deals/",
      "GET /deal/get_statistics_deals/",
      "GET /deal/get_general_statistics_deals/",
      "GET /deal/{id}/",
      "PATCH /deal/{id}/",
      "POST /promo/",
      "GET /promo/{id}/",
      "PUT /promo/{id}/",
      "PATCH /promo/{id}/",
      "GET /promo/check_promo/",
      "GET /promo/check_promo_by_code/",
      "GET /promo/check_uuid/",
    ]);
  });

  it.each(operations(document).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))("%s answers with a documented status", async (_name, op) => {
    const { app } = makeSandbox();
    const url = op.path.replace(/\{[^}]+\}/g, "1");
    const res = await request(app)[op.method](url).set("Authorization", TOKEN).set("Content-Type", "application/json").send("{}");
    expect(op.statuses).toContain(String(res.status));
    const anonymous = await request(app)[op.method](url);
    expect(anonymous.status).toBe(401);
    expect(op.statuses).toContain("401");
  });
});
