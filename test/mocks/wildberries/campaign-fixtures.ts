import { expect } from "vitest";
import type { JsonObject } from "../../../src/state/kernel/json.js";
import { control, TOKEN, wb, type Target } from "./helpers.js";

export interface SellerCatalogue {
  subjects: { id: number; name: string; count: number }[];
  nms: { nm: number; title: string; subjectId: number }[];
}

/**
 * The seller's catalogue as the API serves it (GET /adv/v1/supplier/subjects, then
 * POST /adv/v2/supplier/nms for all of them). Mind the rate limits (1 per 12 s burst 5, 5 per minute):
 * tests that create many campaigns should set rateLimits "off".
 */
export async function sellerCatalogue(app: Target, token: string = TOKEN): Promise<SellerCatalogue> {
  const subjects = await wb(app, "GET", "/adv/v1/supplier/subjects", undefined, token).expect(200);
  const list: SellerCatalogue["subjects"] = subjects.body;
  const nms = await wb(app, "POST", "/adv/v2/supplier/nms", list.map((s) => s.id), token).expect(200);
  return { subjects: list, nms: nms.body };
}

/** Adds `sum` rubles to the seller's account (`balance`) through the control plane. */
export async function fund(app: Target, sum: number, token: string = TOKEN): Promise<void> {
  await control(app, "POST", "/wildberries/balance", { balance: sum }, token).expect(200);
}

/**
 * Creates an automatic campaign (POST /adv/v1/save-ad) for the seller's first subject with its first
 * two nms, `sum` 1000 from the account (btype 0), launched at once (status 9), cpm 150; `overrides`
 * replace body fields. Does NOT add money: call fund(app, 1000) first. Returns the advertId.
 */
export async function createAuto(app: Target, overrides: JsonObject = {}, token: string = TOKEN): Promise<number> {
  const { subjects, nms } = await sellerCatalogue(app, token);
  const subject = subjects[0];
  if (subject === undefined) throw new Error("the seller has no subjects");
  const mine = nms.filter((n) => n.subjectId === subject.id).slice(0, 2).map((n) => n.nm);
  const body: JsonObject = { type: 8, name: "Автокампания", subjectId: subject.id, sum: 1000, btype: 0, on_pause: false, nms: mine, cpm: 150, ...overrides };
  const res = await wb(app, "POST", "/adv/v1/save-ad", body, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(typeof res.body).toBe("string");
  return Number(res.body);
}

/**
 * Creates an Auction campaign (POST /adv/v2/seacat/save-ad, status 4, budget 0) with the first two nms
 * of the seller's first subject; `overrides` replace body fields. Returns the advertId.
 */
export async function createAuction(app: Target, overrides: JsonObject = {}, token: string = TOKEN): Promise<number> {
  const { subjects, nms } = await sellerCatalogue(app, token);
  const subject = subjects[0];
  if (subject === undefined) throw new Error("the seller has no subjects");
  const mine = nms.filter((n) => n.subjectId === subject.id).slice(0, 2).map((n) => n.nm);
  const res = await wb(app, "POST", "/adv/v2/seacat/save-ad", { campaignName: "Аукцион", nms: mine, ...overrides }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(typeof res.body).toBe("number");
  return Number(res.body);
}

/** Moscow timestamp (as campaign info prints it) of an instant `ms` after T0 (2026-01-15T09:00:00Z). */
export function moscowAt(ms: number): string {
  const local = new Date(Date.UTC(2026, 0, 15, 12, 0, 0) + ms);
  return `${local.toISOString().slice(0, 23)}000+03:00`;
}

/** The campaign as POST /adv/v1/promotion/adverts shows it (by id list), or undefined on 204. */
export async function advertInfo(app: Target, advertId: number, token: string = TOKEN): Promise<Record<string, unknown> | undefined> {
  const res = await wb(app, "POST", "/adv/v1/promotion/adverts", [advertId], token);
  if (res.status === 204) return undefined;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const list: Record<string, unknown>[] = res.body;
  return list.find((c) => c["advertId"] === advertId);
}

/** The campaign's status as campaign info shows it (undefined: not listed). */
export async function statusOf(app: Target, advertId: number, token: string = TOKEN): Promise<unknown> {
  return (await advertInfo(app, advertId, token))?.["status"];
}

/** The campaign's status events: [from, to, cause, at (ISO, UTC)]. */
export async function transitions(app: Target, advertId: number, token: string = TOKEN): Promise<[unknown, unknown, unknown, unknown][]> {
  const res = await control(app, "GET", `/events?provider=wildberries&entity=campaign&id=${advertId}`, undefined, token).expect(200);
  const events: { from: unknown; to: unknown; cause: unknown; at: unknown }[] = res.body.events;
  return events.map((e) => [e.from, e.to, e.cause, e.at]);
}
