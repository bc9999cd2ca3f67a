import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { api, createDeal, createLanding, setup, TOKEN, type JsonValue } from "./helpers.js";

/** Values of every JSON type (and awkward strings), tried in every field of every body. */
const ODD: JsonValue[] = [null, true, 0, -1, 1.5, 1e300, "", " ", "NaN", "1e400", "x".repeat(300), [], ["a"], [[["deep"]]], {}, { a: 1 }];

const FIELDS: Record<string, string[]> = {
  "/catalog/": ["title", "catalog_code", "hold_duration", "canceled_duration", "is_published", "offer_geo", "localizations", "cookies_storage_days", "reward_percent", "icon", "min_promo_code_percent", "moderation_type"],
  "/offer/": ["name", "catalog_id", "prices", "reward_percent", "fix_remuneration", "is_active", "disable"],
  "/landing/": ["url", "catalog_id", "image_url", "adaptability", "title"],
  "/deal/": ["status", "offer", "cost", "currency", "deal_id", "catalog_code", "promo_code", "another_data", "is_returned"],
};

describe("no input makes the myshare API answer 5xx", () => {
  it("every odd value in every field of every create, update and patch body is a 2xx or a DRF 4xx", async () => {
    const { app } = makeSandbox({ settings: { rateLimits: "off" } });
    const { catalog, offer } = await setup(app);
    const landing = await createLanding(app, catalog.id);
    await createDeal(app);
    const targets: Array<["POST" | "PUT" | "PATCH", string, string]> = [
      ["POST", "/catalog/", "/catalog/"],
      ["PUT", `/catalog/${catalog.id}/`, "/catalog/"],
      ["POST", "/offer/", "/offer/"],
      ["PATCH", `/offer/${offer.id}/`, "/offer/"],
      ["POST", "/landing/", "/landing/"],
      ["PATCH", `/landing/${landing.id}/`, "/landing/"],
      ["POST", "/deal/", "/deal/"],
      ["PATCH", "/deal/Custom%20Deal%20ID/", "/deal/"],
    ];
    for (const [verb, path, kind] of targets) {
      for (const field of [...(FIELDS[kind] ?? []), "status", "comment", "cost"]) {
        for (const value of ODD) {
          const res = await api(app, verb, path, { [field]: value });
          expect(res.status, `${verb} ${path} ${field}=${JSON.stringify(value)}`).toBeLessThan(500);
          expect(res.headers["content-type"] ?? "application/json").toMatch(/^application\/json/);
        }
      }
    }
  });

  it("odd paths, queries and bodies", async () => {
    const { app } = makeSandbox({ settings: { rateLimits: "off" } });
    const raw = (method: "get" | "post", path: string) => request(app)[method](path).set("Authorization", TOKEN);
    for (const path of ["/deal/%E0%A4%A/", "/catalog/%00/", "/promo/check_promo/?code[a]=1&catalog_id=", "/promo/check_uuid/?code=%FF", "/catalog/?page=99999999999999999999", "/catalog/?page_size=-1"]) {
      expect((await raw("get", path)).status, path).toBeLessThan(500);
    }
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const res = await raw("post", "/catalog/").set("Content-Type", "application/json").send(deep);
    expect(res.status).toBe(400);
    const huge = await raw("post", "/catalog/").set("Content-Type", "application/json").send(`{"title":"${"x".repeat(3_000_000)}"}`);
    expect(huge.status).toBe(400);
    expect(huge.body).toEqual({ detail: "Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE." });
  });

  it("a JSON body that is not UTF-8: 400 with Python's UnicodeDecodeError text", async () => {
    const sandbox = makeSandbox();
    const base = await sandbox.listen(0);
    const bytes = async (data: number[]) => {
      const res = await fetch(`${base}/catalog/`, { method: "POST", headers: { Authorization: TOKEN, "Content-Type": "application/json" }, body: new Uint8Array(data) });
      return { status: res.status, body: await res.json() };
    };
    const binary = await bytes([0xff, 0xfe, 0x00]);
    expect(binary.status).toBe(400);
    expect(binary.body).toEqual({ detail: "JSON parse error - 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte" });
    const cut = await bytes([0x7b, 0x22, 0xd0]);
    expect(cut.body).toEqual({ detail: "JSON parse error - 'utf-8' codec can't decode byte 0xd0 in position 2: unexpected end of data" });
    await sandbox.close();
  });
});
