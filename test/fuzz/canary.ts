import { JSON_TYPE, type WireRequest } from "./request-draft.js";
import type { FuzzTarget } from "./target.js";
import { createBody } from "../mocks/yoomoney/helpers.js";

/** The tenant no fuzz request names: its exported state must be byte-identical before and after the run. */
export const CANARY_TOKEN = "fuzz-canary";

/** Ids a populated tenant holds, by the field names requests use for them. */
export type KnownIds = Map<string, (string | number)[]>;

async function call(target: FuzzTarget, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const wire: WireRequest = {
    method,
    path,
    target: path,
    headers: { Authorization: token, ...(body === undefined ? {} : { "Content-Type": JSON_TYPE }) },
    body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
  };
  const outcome = await target.send(wire);
  if (outcome.kind !== "answer") throw new Error(`populating ${token}: ${method} ${path} got no answer: ${outcome.detail}`);
  const text = outcome.body.toString("utf8");
  if (outcome.status >= 300) throw new Error(`populating ${token}: ${method} ${path} answered ${outcome.status} ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

function field(value: unknown, ...path: (string | number)[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = Object.entries(at).find(([k]) => k === String(key))?.[1];
  }
  return at;
}

function idAt(value: unknown, ...path: (string | number)[]): string | number {
  const id = field(value, ...path);
  if (typeof id !== "string" && typeof id !== "number") throw new Error(`populating: no id at ${path.join(".")} in ${JSON.stringify(value)}`);
  return id;
}

/**
 * Gives the tenant of `token` some state through the API: a started YooMoney campaign with pins, a
 * Wildberries automatic campaign, a myshare catalog with an offer, a partner and a deal.
 */
export async function populate(target: FuzzTarget, token: string): Promise<KnownIds> {
  const now = Date.parse(String(field(await call(target, token, "GET", "/__sandbox/clock"), "now")));
  const ym = (method: string, body: unknown) => call(target, token, "POST", `/api/offerwall/v1/${method}`, body);
  const created = await ym("campaigns/create", createBody({ partnerCampaignId: 20, campaignEnd: new Date(now + 30 * 86_400_000).toISOString() }));
  const ymCampaignId = idAt(created, "result", "ymCampaignId");
  await call(target, token, "POST", `/__sandbox/yoomoney/campaigns/${ymCampaignId}/moderation`, { decision: "approve" });
  await ym("campaigns/add-pins", { ymCampaignId, pinList: ["CANARY0001", "CANARY0002", "CANARY0003"] });
  await ym("campaigns/start", { ymCampaignId });

  await call(target, token, "POST", "/__sandbox/wildberries/balance", { balance: 100_000 });
  const subject = idAt(await call(target, token, "GET", "/adv/v1/supplier/subjects"), 0, "id");
  const nm = idAt(await call(target, token, "POST", "/adv/v2/supplier/nms", [subject]), 0, "nm");
  const advert = Number(await call(target, token, "POST", "/adv/v1/save-ad", { type: 8, name: "Canary", subjectId: subject, sum: 5000, btype: 0, on_pause: true, nms: [nm], cpm: 250 }));

  const catalog = await call(target, token, "POST", "/catalog/", {
    title: "Canary catalog",
    catalog_code: "canary_catalog",
    hold_duration: "30 00:00:00",
    canceled_duration: "14 00:00:00",
    is_promocode_allowed: true,
    is_published: true,
  });
  const catalogId = idAt(catalog, "id");
  const offer = await call(target, token, "POST", "/offer/", {
    name: "Basic",
    catalog_id: catalogId,
    is_promocode_allowed: true,
    is_active: true,
    prices: [{ cost: 100, currency: "USD" }],
    reward_percent: 5,
  });
  const partner = await call(target, token, "POST", "/__sandbox/myshare/partners", { catalog_id: catalogId });
  const promoCode = idAt(partner, "promo_code");
  await call(target, token, "POST", "/deal/", { status: "Created", offer: "Basic", cost: 100, currency: "USD", catalog_code: "canary_catalog", deal_id: "canary-1", promo_code: promoCode });

  return new Map<string, (string | number)[]>([
    ["ymCampaignId", [ymCampaignId]],
    ["advertId", [advert]],
    ["id", [advert, catalogId, idAt(offer, "id"), "canary-1"]],
    ["advert_id", [advert]],
    ["nm", [nm]],
    ["subjectId", [subject]],
    ["catalog_id", [catalogId]],
    ["catalog_code", ["canary_catalog"]],
    ["deal_id", ["canary-1"]],
    ["promo_code", [promoCode]],
    ["code", [promoCode, idAt(partner, "uid")]],
  ]);
}

/** Stops the tenant's clock, so nothing but a request can change its state. */
export async function freeze(target: FuzzTarget, token: string): Promise<void> {
  await call(target, token, "POST", "/__sandbox/clock/freeze", {});
}

/** The tenant's whole state as the control plane exports it, byte for byte. */
export async function exportState(target: FuzzTarget, token: string): Promise<string> {
  const outcome = await target.send({ method: "GET", path: "/__sandbox/state", target: "/__sandbox/state", headers: { Authorization: token }, body: undefined });
  if (outcome.kind !== "answer" || outcome.status !== 200) throw new Error(`exporting ${token}'s state failed: ${JSON.stringify(outcome.kind === "answer" ? outcome.body.toString("utf8") : outcome.detail).slice(0, 500)}`);
  return outcome.body.toString("utf8");
}
