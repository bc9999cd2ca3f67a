import type { App } from "../../support/app.js";
import request, { type Test } from "supertest";
import { expect } from "vitest";
import type { z } from "zod";
import { MsCatalogWriteResponse, MsDealCreateResponse, MsLanding, MsOffer } from "../../../src/contracts/myshare/index.js";
import { SandboxAdvance, SandboxEvents } from "../../../src/contracts/sandbox/index.js";
import { MsPartnerResponse } from "../../../src/contracts/myshare/control.js";
import type { JsonObject, JsonValue } from "../../../src/state/kernel/json.js";

export type { JsonObject, JsonValue };

/** myshare's raw token (no prefix), and a second tenant. */
export const TOKEN = "myshare-partner-a";
export const OTHER_TOKEN = "myshare-partner-b";

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const T0_MS = Date.UTC(2026, 0, 15, 9, 0, 0);
/** An instant `ms` after T0 as myshare prints it (naive ISO, microseconds only when not zero). */
export function msAt(ms: number): string {
  const iso = new Date(T0_MS + ms).toISOString();
  return iso.endsWith(".000Z") ? iso.slice(0, 19) : `${iso.slice(0, 23)}000`;
}
/** An instant `ms` after T0 as the control plane prints it. */
export const isoAt = (ms: number): string => new Date(T0_MS + ms).toISOString();

type Verb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A myshare call with `Authorization: <token>` (no prefix, as the docs say) and a JSON body if given. */
export function api(app: App, verb: Verb, path: string, body?: JsonValue, token: string | null = TOKEN): Test {
  const base =
    verb === "GET" ? request(app).get(path) : verb === "POST" ? request(app).post(path) : verb === "PUT" ? request(app).put(path) : verb === "PATCH" ? request(app).patch(path) : request(app).delete(path);
  const req = token === null ? base : base.set("Authorization", token);
  return body === undefined ? req : req.set("Content-Type", "application/json").send(JSON.stringify(body));
}

/** A control-plane call as `token`. */
export function control(app: App, verb: Verb, path: string, body?: JsonValue, token = TOKEN): Test {
  return api(app, verb, `/__sandbox${path}`, body, `Bearer ${token}`);
}

export const NOT_FOUND = { detail: "Not found." };
export const REQUIRED = ["This field is required."];

export function catalogBody(overrides: JsonObject = {}): JsonObject {
  return {
    title: "SuperCatalog",
    catalog_code: "super_catalog",
    description: "some_text",
    moderation_type: "FREE_ENTRY",
    hold_duration: "30 00:00:00",
    canceled_duration: "14 00:00:00",
    is_promocode_allowed: true,
    is_published: true,
    ...overrides,
  };
}

export function offerBody(catalogId: string, overrides: JsonObject = {}): JsonObject {
  return {
    name: "Offer name",
    catalog_id: catalogId,
    is_promocode_allowed: false,
    is_active: true,
    prices: [{ cost: 100, currency: "USD" }],
    description: "Offer description",
    reward_percent: 5,
    ...overrides,
  };
}

export type Catalog = z.infer<typeof MsCatalogWriteResponse>;
export type Offer = z.infer<typeof MsOffer>;

/** POST /catalog/; asserts 201. */
export async function createCatalog(app: App, overrides: JsonObject = {}, token = TOKEN): Promise<Catalog> {
  const res = await api(app, "POST", "/catalog/", catalogBody(overrides), token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return MsCatalogWriteResponse.parse(res.body);
}

/** POST /offer/; asserts 201. */
export async function createOffer(app: App, catalogId: string, overrides: JsonObject = {}, token = TOKEN): Promise<Offer> {
  const res = await api(app, "POST", "/offer/", offerBody(catalogId, overrides), token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return MsOffer.parse(res.body);
}

export async function createLanding(app: App, catalogId: string, overrides: JsonObject = {}, token = TOKEN): Promise<z.infer<typeof MsLanding>> {
  const res = await api(app, "POST", "/landing/", { url: "http://example.com", catalog_id: catalogId, ...overrides }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return MsLanding.parse(res.body);
}

/** A partner joins the catalog (control plane); asserts 201. */
export async function joinPartner(app: App, catalogId: string, promoPercent?: number, token = TOKEN): Promise<z.infer<typeof MsPartnerResponse>> {
  const body: JsonObject = promoPercent === undefined ? { catalog_id: catalogId } : { catalog_id: catalogId, promo_percent: promoPercent };
  const res = await control(app, "POST", "/myshare/partners", body, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return MsPartnerResponse.parse(res.body);
}

/** A catalog (hold 30 d, cancel 14 d unless overridden) with one 5 % offer "Offer name", and a partner. */
export async function setup(app: App, catalog: JsonObject = {}, offer: JsonObject = {}, token = TOKEN) {
  const cat = await createCatalog(app, catalog, token);
  const off = await createOffer(app, cat.id, offer, token);
  const partner = await joinPartner(app, cat.id, undefined, token);
  return { catalog: cat, offer: off, partner };
}

export function dealBody(overrides: JsonObject = {}): JsonObject {
  return {
    status: "Created",
    offer: "Offer name",
    cost: 100.0,
    currency: "USD",
    is_returned: false,
    promo_code: "Promo",
    deal_id: "Custom Deal ID",
    catalog_code: "super_catalog",
    ...overrides,
  };
}

/** POST /deal/; asserts 201. */
export async function createDeal(app: App, overrides: JsonObject = {}, token = TOKEN): Promise<z.infer<typeof MsDealCreateResponse>> {
  const res = await api(app, "POST", "/deal/", dealBody(overrides), token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return MsDealCreateResponse.parse(res.body);
}

export function dealPath(id: string): string {
  return `/deal/${encodeURIComponent(id)}/`;
}

/** Advances the tenant's virtual clock; returns `{now, fired}`. */
export async function advance(app: App, by: string | number, token = TOKEN): Promise<z.infer<typeof SandboxAdvance>> {
  const res = await control(app, "POST", "/clock/advance", { by }, token);
  expect(res.status).toBe(200);
  return SandboxAdvance.parse(res.body);
}

/** The tenant's myshare events of `entity`. */
export async function events(app: App, entity: string, token = TOKEN): Promise<z.infer<typeof SandboxEvents>["events"]> {
  const res = await control(app, "GET", `/events?provider=myshare&entity=${entity}`, undefined, token);
  expect(res.status).toBe(200);
  return SandboxEvents.parse(res.body).events;
}
