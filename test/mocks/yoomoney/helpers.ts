import type { App } from "../../support/app.js";
import request, { type Response, type Test } from "supertest";
import { expect } from "vitest";
import { z } from "zod";
import { SandboxAdvance, SandboxEvents, SandboxRequests } from "../../../src/contracts/sandbox/index.js";
import { YmOfferResponse } from "../../../src/contracts/yoomoney/control.js";
import { CampaignStateResponse, CampaignStatus, type ErrorCode } from "../../../src/contracts/yoomoney/index.js";
import type { JsonObject, JsonValue } from "../../../src/state/kernel/json.js";

export type { JsonObject, JsonValue };

/** The offer-program API root and the tenant most tests act as. */
export const API = "/api/offerwall/v1";
export const TOKEN = "partner-a";
export const OTHER_TOKEN = "partner-b";
/** T0 (test/support/fixed-time.ts) as the control plane prints it. */
export const T0_ISO = "2026-01-15T09:00:00.000Z";

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** An instant `ms` after T0, printed like the control plane prints instants. */
export const at = (ms: number): string => new Date(Date.UTC(2026, 0, 15, 9, 0, 0) + ms).toISOString();

/** A valid campaigns/create body: a codeOnline campaign with one-off text codes, 10 % off. */
export function createBody(overrides: JsonObject = {}): JsonObject {
  return {
    partnerCampaignId: 501,
    categoryId: 39,
    campaignType: "codeOnline",
    pinType: "one-off",
    pinDisplayType: "text",
    acceptUrl: "https://shop.example.com/promo?utm=ym",
    merchantDomain: "shop.example.com",
    merchantLogoSvg: "https://shop.example.com/logo.svg",
    merchantLogoPng: "https://shop.example.com/logo.png",
    merchantName: "Солнышко",
    backgroundColor: "#1e1e1e",
    fontColor: "#fafafa",
    description: "Скидка на товары для детей в магазине «Солнышко»",
    conditions: "Скидка действует на весь ассортимент",
    discountType: "percent",
    discountAmount: "10",
    campaignFee: "150",
    feeType: "fix",
    ...overrides,
  };
}

/** A promo (tracking link, no code) campaign. */
export function promoBody(overrides: JsonObject = {}): JsonObject {
  return without(createBody({ campaignType: "promo", ...overrides }), "pinType", "pinDisplayType");
}

/** A codeOnline campaign with one reusable code for everyone. */
export function reusableBody(overrides: JsonObject = {}): JsonObject {
  return createBody({ pinType: "reusable", couponCode: "SUN10", ...overrides });
}

/** `body` without `keys`. */
export function without(body: JsonObject, ...keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) if (!keys.includes(key)) out[key] = value;
  return out;
}

/** What supertest can call: the sandbox's listener, or the base URL of a listening sandbox (faster for long bursts). */
export type Target = App | string;

/** `POST /api/offerwall/v1/<method>` as `token` (sent as `Authorization: Bearer <token>`), with a JSON body if given. */
export function call(app: Target, token: string, method: string, body?: JsonValue): Test {
  const req = request(app).post(`${API}/${method}`).set("Authorization", `Bearer ${token}`);
  return body === undefined ? req : req.set("Content-Type", "application/json").send(JSON.stringify(body));
}

/** A control-plane call as `token`. */
export function control(app: Target, token: string, verb: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: JsonValue): Test {
  const url = `/__sandbox${path}`;
  const base =
    verb === "GET" ? request(app).get(url) : verb === "POST" ? request(app).post(url) : verb === "PUT" ? request(app).put(url) : verb === "PATCH" ? request(app).patch(url) : request(app).delete(url);
  const req = base.set("Authorization", `Bearer ${token}`);
  return body === undefined ? req : req.set("Content-Type", "application/json").send(JSON.stringify(body));
}

// ---------------------------------------------------------------------------------------------------
// Expected bodies

export type Status = z.infer<typeof CampaignStatus>;
export type CampaignState = { ymCampaignId: number; campaignStatus: Status };

export const state = (ymCampaignId: number, campaignStatus: Status): CampaignState => ({ ymCampaignId, campaignStatus });

/** `{"status":"success","result": result}` */
export const success = <T>(result: T) => ({ status: "success", result });

const VALUES: Record<ErrorCode, string> = {
  incorrectData: "Incorrect data",
  repeatCampaignData: "Repeated value",
  failPin: "No promo codes",
  failFinished: "Completed",
  failModerator: "On moderation",
  campaignNotFound: "Not found",
  failMerchant: "Not enough rights",
  unauthorized: "Unauthorized",
  methodNotFound: "Method not found",
  tooManyRequests: "Too many requests",
  internalError: "Internal error",
};

/** The error envelope a user sees, with the documented `value` for `code`. */
export function ymError(
  code: ErrorCode,
  description: string,
  options: { parameter?: string; result?: CampaignState; value?: string } = {},
): JsonObject {
  const errors: JsonObject = { code, value: options.value ?? VALUES[code], description };
  if (options.parameter !== undefined) errors.parameter = options.parameter;
  return options.result === undefined ? { status: "error", errors } : { status: "error", errors, result: options.result };
}

/** `incorrectData` naming the field that failed. */
export function incorrect(parameter: string, description: string, result?: CampaignState): JsonObject {
  return ymError("incorrectData", description, result === undefined ? { parameter } : { parameter, result });
}

/** A control-plane error body. */
export const controlError = (code: string, message: string) => ({ error: { code, message } });

export const UNAUTHORIZED_MISSING = ymError(
  "unauthorized",
  "No access token: send Authorization: Bearer <access token> (users/login issues one)",
);
export const UNAUTHORIZED_EXPIRED = ymError("unauthorized", "The access token has expired; get a new one with users/login");
export const UNAUTHORIZED_UNKNOWN = ymError(
  "unauthorized",
  "This access token was not issued by the sandbox (strict auth); get one with users/login or POST /__sandbox/tokens",
);

// ---------------------------------------------------------------------------------------------------
// Steps (each asserts its own outcome, so a broken step fails where it breaks)

/** campaigns/create; returns the new ymCampaignId (the campaign is in moderation). */
export async function create(app: App, overrides: JsonObject = {}, token = TOKEN, body = createBody(overrides)): Promise<number> {
  const res = await call(app, token, "campaigns/create", body);
  expect(res.status).toBe(200);
  const parsed = CampaignStateResponse.parse(res.body);
  expect(parsed.result.campaignStatus).toBe("moderation");
  return parsed.result.ymCampaignId;
}

/** The moderator's verdict through the control plane. */
export function moderate(app: App, id: number, decision: "approve" | "decline", token = TOKEN, comment?: string): Test {
  return control(app, token, "POST", `/yoomoney/campaigns/${id}/moderation`, comment === undefined ? { decision } : { decision, comment });
}

/** Approves a campaign in moderation; returns the status it moved to. */
export async function approve(app: App, id: number, token = TOKEN): Promise<Status> {
  const res = await moderate(app, id, "approve", token);
  expect(res.status).toBe(200);
  return CampaignStatus.parse(res.body.campaignStatus);
}

export async function decline(app: App, id: number, token = TOKEN): Promise<void> {
  const res = await moderate(app, id, "decline", token);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ ymCampaignId: id, campaignStatus: "declined", comment: null });
}

/** campaigns/add-pins; returns the response. */
export function addPins(app: App, id: number, pinList: JsonValue[], token = TOKEN): Test {
  return call(app, token, "campaigns/add-pins", { ymCampaignId: id, pinList });
}

export type Offer = z.infer<typeof YmOfferResponse>;

/** A user takes the offer (control plane); asserts 201 and returns the offer. */
export async function takeOffer(app: App, id: number, token = TOKEN): Promise<Offer> {
  const res = await control(app, token, "POST", `/yoomoney/campaigns/${id}/offers`);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return YmOfferResponse.parse(res.body);
}

/** Advances the tenant's virtual clock; returns `{now, fired}`. */
export async function advance(app: Target, by: string | number, token = TOKEN): Promise<z.infer<typeof SandboxAdvance>> {
  const res = await control(app, token, "POST", "/clock/advance", { by });
  expect(res.status).toBe(200);
  return SandboxAdvance.parse(res.body);
}

/** The campaign's status as campaigns/get reports it. */
export async function statusOf(app: App, id: number, token = TOKEN): Promise<Status> {
  const res = await call(app, token, "campaigns/get", { ymCampaignId: id });
  expect(res.status).toBe(200);
  return CampaignStatus.parse(res.body.result?.campaignStatus);
}

/** The tenant's domain events, optionally filtered (`entity=campaign`, ...). */
export async function events(app: App, query = "", token = TOKEN): Promise<z.infer<typeof SandboxEvents>["events"]> {
  const res = await control(app, token, "GET", `/events${query === "" ? "" : `?${query}`}`);
  expect(res.status).toBe(200);
  return SandboxEvents.parse(res.body).events;
}

/** Campaign transitions only, as `[from, to, cause, at]` tuples. */
export async function transitions(app: App, id: number, token = TOKEN): Promise<Array<[JsonValue, JsonValue, string, string]>> {
  const list = await events(app, `provider=yoomoney&entity=campaign&id=${id}`, token);
  return list.map((e) => [e.from, e.to, e.cause, e.at]);
}

/** The tenant's journal of provider calls. */
export async function journal(app: Target, query = "", token = TOKEN): Promise<z.infer<typeof SandboxRequests>> {
  const res = await control(app, token, "GET", `/requests${query === "" ? "" : `?${query}`}`);
  expect(res.status).toBe(200);
  return SandboxRequests.parse(res.body);
}

/** A one-off code campaign, approved and started with `pins` uploaded. */
export async function startedOneOff(app: App, pins: string[], overrides: JsonObject = {}, token = TOKEN): Promise<number> {
  const id = await create(app, overrides, token);
  expect(await approve(app, id, token)).toBe("verified");
  const uploaded = await addPins(app, id, pins, token);
  expect(uploaded.body.status).toBe("success");
  const started = await call(app, token, "campaigns/start", { ymCampaignId: id });
  expect(started.body).toEqual(success(state(id, "started")));
  return id;
}

/** A campaign without one-off codes (promo or reusable), approved and started. */
export async function startedCampaign(app: App, body: JsonObject, token = TOKEN): Promise<number> {
  const id = await create(app, {}, token, body);
  expect(await approve(app, id, token)).toBe("verified");
  const started = await call(app, token, "campaigns/start", { ymCampaignId: id });
  expect(started.body).toEqual(success(state(id, "started")));
  return id;
}

/** A campaign moved to `status` through the API and the control plane (one-off codes, no campaignEnd). */
export async function campaignIn(
  app: App,
  status: Exclude<Status, "created" | "finished">,
  token = TOKEN,
  overrides: JsonObject = {},
): Promise<number> {
  const id = await create(app, overrides, token);
  if (status === "moderation") return id;
  if (status === "declined") {
    await decline(app, id, token);
    return id;
  }
  await approve(app, id, token);
  if (status === "verified") return id;
  if (status === "pin-required") {
    const res = await call(app, token, "campaigns/start", { ymCampaignId: id });
    expect(res.body.result).toEqual(state(id, "pin-required"));
    return id;
  }
  await addPins(app, id, ["CODE1", "CODE2"], token);
  await call(app, token, "campaigns/start", { ymCampaignId: id });
  if (status === "paused") await call(app, token, "campaigns/stop", { ymCampaignId: id });
  expect(await statusOf(app, id, token)).toBe(status);
  return id;
}

/** A started campaign that finishes at T0 + 1 h, then the clock moved past it: finished. */
export async function finishedCampaign(app: App, token = TOKEN): Promise<number> {
  const id = await create(app, { campaignEnd: at(HOUR) }, token);
  await approve(app, id, token);
  await addPins(app, id, ["CODE1", "CODE2"], token);
  await call(app, token, "campaigns/start", { ymCampaignId: id });
  await advance(app, "PT1H", token);
  expect(await statusOf(app, id, token)).toBe("finished");
  return id;
}

export type { Response };
