import { readFileSync } from "node:fs";
import { firstChunk } from "../../support/first-chunk.js";
import type { App } from "../../support/app.js";
import request, { type Test } from "supertest";
import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { catalogBody } from "../myshare/helpers.js";
import { createBody } from "../yoomoney/helpers.js";

/**
 * Strict mode with an admin token seals tenants: every control-plane operation of openapi/sandbox.json
 * (the committed document, not a hand list) is tried with no token, with another tenant's token and with
 * the admin token, aimed at a victim tenant's ids. None may read or change the victim.
 */
const ADMIN = "walk-admin-token";
const VICTIM = "victim-tenant";
/** Text only the victim's data holds: no answer to anyone else may contain it. */
const MARK = "VICTIM-MARK";

type Verb = "get" | "post" | "put" | "patch" | "delete";
type Access = "open" | "optional" | "admin" | "tenant";
interface Operation {
  verb: Verb;
  path: string;
  access: Access;
  schema: JsonValue | undefined;
  /** Its 200 is a stream that stays open (server-sent events): the walk reads its first chunk, then goes away. */
  streams: boolean;
}

const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const VERBS: readonly Verb[] = ["get", "post", "put", "patch", "delete"];

const document: JsonValue = JSON.parse(readFileSync(new URL("../../../openapi/sandbox.json", import.meta.url), "utf8"));

function at(value: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  let current = value;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return current;
}

/** Who may call an operation, from its `security`: [] anyone, [{}, ...] a token optional, adminToken, else a tenant. */
function accessOf(security: JsonValue | undefined): Access {
  if (!Array.isArray(security) || security.length === 0) return "open";
  if (security.some((entry) => isObject(entry) && Object.keys(entry).length === 0)) return "optional";
  if (security.every((entry) => isObject(entry) && "adminToken" in entry)) return "admin";
  return "tenant";
}

function operations(): Operation[] {
  const out: Operation[] = [];
  const paths = at(document, "paths");
  if (!isObject(paths)) throw new Error("openapi/sandbox.json has no paths");
  for (const [path, item] of Object.entries(paths)) {
    for (const verb of VERBS) {
      const op = at(item, verb);
      if (!isObject(op)) continue;
      out.push({
        verb,
        path,
        access: accessOf(op.security),
        schema: at(op, "requestBody", "content", "application/json", "schema"),
        streams: at(op, "responses", "200", "content", "text/event-stream") !== undefined,
      });
    }
  }
  return out;
}

/** A small body a JSON schema accepts (required fields only), with the victim's ids where a field names one. */
function sample(schema: JsonValue | undefined, overrides: Record<string, JsonValue>, depth = 0): JsonValue {
  if (!isObject(schema) || depth > 8) return null;
  const ref = schema.$ref;
  if (typeof ref === "string") return sample(at(document, ...ref.replace(/^#\//, "").split("/")), overrides, depth + 1);
  if ("const" in schema && schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0] ?? null;
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants)) {
    const preferred = variants.find((v) => isObject(v) && v.type !== "string" && v.type !== "null") ?? variants[0];
    return sample(preferred, overrides, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "object" || isObject(schema.properties)) {
    const body: JsonObject = {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const key of required) {
      if (typeof key !== "string") continue;
      body[key] = key in overrides ? (overrides[key] ?? null) : sample(at(schema, "properties", key), overrides, depth + 1);
    }
    for (const [key, value] of Object.entries(overrides)) if (isObject(schema.properties) && key in schema.properties) body[key] = value;
    return body;
  }
  if (type === "array") return typeof schema.minItems === "number" && schema.minItems > 0 ? [sample(schema.items, overrides, depth + 1)] : [];
  if (type === "integer" || type === "number") return typeof schema.minimum === "number" ? schema.minimum : 1;
  if (type === "boolean") return true;
  if (type === "string") return schema.format === "date-time" ? "2030-01-01T00:00:00.000Z" : "x";
  return null;
}

function send(app: App, op: Operation, path: string, authorization: string | undefined, body: JsonValue | undefined): Test {
  const req = request(app)[op.verb](path);
  if (op.streams) req.buffer(true).parse(firstChunk);
  if (authorization !== undefined) req.set("Authorization", authorization);
  return body === undefined ? req : req.set("Content-Type", "application/json").send(JSON.stringify(body));
}

/** The victim's whole observable state, as its own token reads it. */
async function victimView(app: App, token: string): Promise<string[]> {
  const views: string[] = [];
  for (const path of ["/state", "/clock", "/settings", "/events", "/requests"]) {
    const res = await request(app).get(`/__sandbox${path}`).set("Authorization", `Bearer ${token}`);
    expect(res.status, path).toBe(200);
    views.push(res.text);
  }
  return views;
}

/** A victim with a YooMoney campaign, a Wildberries Auction campaign, a myshare catalog, moved clock and settings. */
async function makeVictim(app: App): Promise<{ token: string; ids: Record<string, JsonValue> }> {
  const minted = await request(app).post("/__sandbox/tokens").set("Authorization", `Bearer ${ADMIN}`).send({ tenant: VICTIM, expiresIn: 86_400 });
  expect(minted.status).toBe(201);
  const token = String(minted.body.token);
  const auth = `Bearer ${token}`;
  const ym = await request(app).post("/api/offerwall/v1/campaigns/create").set("Authorization", auth).send(createBody({ merchantName: MARK }));
  const ymCampaignId: JsonValue = ym.body.result.ymCampaignId;
  const subjects = await request(app).get("/adv/v1/supplier/subjects").set("Authorization", auth);
  const nms = await request(app).post("/adv/v2/supplier/nms").set("Authorization", auth).send([subjects.body[0].id]);
  const wb = await request(app).post("/adv/v2/seacat/save-ad").set("Authorization", auth).send({ campaignName: MARK, nms: [nms.body[0].nm] });
  const advertId: JsonValue = wb.body;
  const catalog = await request(app).post("/catalog/").set("Authorization", auth).set("Content-Type", "application/json").send(catalogBody({ title: MARK }));
  const catalogId: JsonValue = catalog.body.id;
  expect([ym.status, wb.status, catalog.status]).toEqual([200, 200, 201]);
  expect([typeof ymCampaignId, typeof advertId, typeof catalogId]).toEqual(["number", "number", "string"]);
  await request(app).patch("/__sandbox/settings").set("Authorization", auth).send({ consistency: "immediate" }).expect(200);
  await request(app).post("/__sandbox/clock/advance").set("Authorization", auth).send({ by: "PT1H" }).expect(200);
  return { token, ids: { ymCampaignId, advertId, catalog_id: catalogId, tenant: VICTIM } };
}

/** Path parameters of the open calls that name something fixed (a served document, a file of the docs page). */
const OPEN_PARAMS: Readonly<Record<string, string>> = { document: "sandbox", asset: "swagger-ui.css", file: "app.js" };

/** The one optional-token call that acts on a tenant: the caller's own (POST /__sandbox/provider-states). */
const PROVIDER_STATES = "/__sandbox/provider-states";

describe("strict mode with an admin token: no control-plane call reaches another tenant", () => {
  const ops = operations();

  it("the document lists the calls the walk expects to find, in each access class", () => {
    const byAccess = (access: Access) => ops.filter((op) => op.access === access).map((op) => `${op.verb.toUpperCase()} ${op.path}`);
    expect(byAccess("open")).toEqual([
      "GET /__sandbox/health",
      "GET /__sandbox/openapi/{document}.json",
      "GET /__sandbox/docs",
      "GET /__sandbox/docs/{asset}",
      "GET /__sandbox/console",
      "GET /__sandbox/console/{file}",
    ]);
    expect(byAccess("optional")).toEqual(["POST /__sandbox/tokens", `POST ${PROVIDER_STATES}`]);
    expect(byAccess("admin")).toEqual(["GET /__sandbox/tenants"]);
    expect(byAccess("tenant").length).toBeGreaterThanOrEqual(17);
  });

  it("with no token, another tenant's token or the admin token, every call leaves the victim as it was", async () => {
    const { app } = makeSandbox({ auth: "strict", adminToken: ADMIN });
    const victim = await makeVictim(app);
    const before = await victimView(app, victim.token);
    const attacker = await request(app).post("/__sandbox/tokens").send({});
    const other = `Bearer ${attacker.body.token}`;

    for (const op of ops) {
      const name = `${op.verb.toUpperCase()} ${op.path}`;
      const path = op.path.replace(/\{(\w+)\}/g, (_whole, key: string) => String(victim.ids[key] ?? OPEN_PARAMS[key] ?? "1"));
      const body = op.schema === undefined ? undefined : sample(op.schema, victim.ids);

      const anonymous = await send(app, op, path, undefined, body);
      expect(anonymous.status, `${name} without a token`).toBe(op.access === "open" ? 200 : 401);

      const foreign = await send(app, op, path, other, body);
      // Provider states act on the caller's own tenant (the token's; open mode only: the tenant "pact" without one).
      if (op.access === "open") expect(foreign.status, `${name} with another tenant's token`).toBe(200);
      else if (op.path === PROVIDER_STATES) expect(foreign.status, `${name} with another tenant's token`).toBeLessThan(500);
      else if (op.access === "admin" || op.access === "optional") expect(foreign.status, `${name} with another tenant's token`).toBe(403);
      else if (path !== op.path) expect(foreign.status, `${name} with another tenant's token, the victim's id in the path`).toBe(404);
      else expect(foreign.status, `${name} with another tenant's token`).toBeLessThan(500);
      expect(foreign.text, `${name} answered another tenant with the victim's data`).not.toContain(MARK);
      expect(foreign.text, `${name} answered another tenant with the victim's name`).not.toContain(VICTIM);

      const admin = await send(app, op, path, `Bearer ${ADMIN}`, body);
      if (op.access === "tenant" || op.path === PROVIDER_STATES) expect(admin.status, `${name} with the admin token`).toBe(403);
      else expect(admin.status, `${name} with the admin token`).toBeLessThan(300);
    }

    expect(await victimView(app, victim.token)).toEqual(before);
  });
});
