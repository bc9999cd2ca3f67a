/**
 * A busy scripted session over HTTP (issue 12's replay and restart tests): all three providers, control
 * calls (clock moves, settings, faults, a reset, a state import), tokens (a login, a named token), rate
 * limits hit, faults applied. `tick` is called before each call (a test moves its real clock there).
 */

import { createBody } from "../mocks/yoomoney/helpers.js";

export interface Sent {
  status: number;
  body: unknown;
}

export const YM_TENANT = "busy-ym";
export const WB_TENANT = "busy-wb";
export const MS_TENANT = "busy-ms";
/** Every tenant the session touches by a raw token (the login's and the named token's come on top). */
export const SESSION_TENANTS = [YM_TENANT, WB_TENANT, MS_TENANT, "busy-reset", "yoomoney:busy"] as const;

export const YM_CAMPAIGN = createBody({
  partnerCampaignId: 20,
  acceptUrl: "https://shop.example.com/promo?code={{couponCode}}",
  merchantName: "Магазин",
  description: "Скидка 10% на всё",
});

function field(body: unknown, ...path: Array<string | number>): unknown {
  let at: unknown = body;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = Reflect.get(at, key);
  }
  return at;
}

export async function send(base: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<Sent> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== undefined) headers["Authorization"] = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

/** Runs the session against `base`; returns every answer in order. */
export async function busySession(base: string, tick: () => void = () => undefined): Promise<Sent[]> {
  const out: Sent[] = [];
  const call = async (method: string, path: string, token: string | undefined, body?: unknown): Promise<Sent> => {
    tick();
    const sent = await send(base, method, path, token, body);
    out.push(sent);
    return sent;
  };
  const ym = (method: string, body: unknown, token: string = YM_TENANT) => call("POST", `/api/offerwall/v1/${method}`, token, body);

  // YooMoney: a login (a token for yoomoney:busy), a campaign, moderation, pins, offers, a fault.
  const login = await call("POST", "/api/offerwall/v1/users/login", undefined, { login: "busy", password: "pw" });
  const loginToken = String(field(login.body, "accessToken"));
  await ym("campaigns/create", { ...YM_CAMPAIGN, partnerCampaignId: 99 }, loginToken);
  const created = await ym("campaigns/create", YM_CAMPAIGN);
  const id = Number(field(created.body, "result", "ymCampaignId"));
  await call("POST", `/__sandbox/yoomoney/campaigns/${id}/moderation`, YM_TENANT, { decision: "approve" });
  await ym("campaigns/start", { ymCampaignId: id });
  await ym("campaigns/add-pins", { ymCampaignId: id, pinList: ["SALE0001", "SALE0002", "SALE0003", "sale0001"] });
  await call("POST", `/__sandbox/yoomoney/campaigns/${id}/offers`, YM_TENANT);
  await call("POST", "/__sandbox/faults", YM_TENANT, { path: "*", respond: { status: 503 }, times: 1 });
  await ym("campaigns/info", { ymCampaignId: id });
  await ym("campaigns/info", { ymCampaignId: id });
  await ym("campaigns/add-pins", "{broken json");
  await call("POST", `/__sandbox/yoomoney/campaigns/${id}/offers`, YM_TENANT);
  await call("POST", "/__sandbox/clock/advance", YM_TENANT, { by: "P3D" });
  await ym("campaigns/info", { ymCampaignId: id });

  // Wildberries: balance, campaigns, a deposit, starts, clock moves with traffic, a rate limit hit.
  const wb = (method: string, path: string, body?: unknown) => call(method, path, WB_TENANT, body);
  await call("POST", "/__sandbox/wildberries/balance", WB_TENANT, { balance: 100000 });
  const subjects = await wb("GET", "/adv/v1/supplier/subjects");
  const subject = Number(field(subjects.body, 0, "id"));
  const nms = await wb("POST", "/adv/v2/supplier/nms", [subject]);
  const nm1 = Number(field(nms.body, 0, "nm"));
  const nm2 = Number(field(nms.body, 1, "nm"));
  const auto = Number((await wb("POST", "/adv/v1/save-ad", { type: 8, name: "Авто", subjectId: subject, sum: 5000, btype: 0, on_pause: true, nms: [nm1], cpm: 250 })).body);
  const auc = Number((await wb("POST", "/adv/v2/seacat/save-ad", { campaignName: "Аукцион", nms: [nm2] })).body);
  await wb("POST", `/adv/v1/budget/deposit?id=${auc}`, { sum: 3000, type: 0, return: true });
  await wb("GET", `/adv/v0/start?id=${auc}`);
  await call("POST", "/__sandbox/clock/advance", WB_TENANT, { by: "PT4M" });
  await wb("GET", `/adv/v0/start?id=${auto}`);
  await call("POST", "/__sandbox/faults", WB_TENANT, { path: "/adv/v1/balance", respond: { status: 500 }, times: 1, probability: 0.5 });
  for (let i = 0; i < 4; i++) await wb("GET", "/adv/v1/balance");
  for (let i = 0; i < 3; i++) await wb("GET", "/adv/v0/config");
  await call("POST", "/__sandbox/clock/advance", WB_TENANT, { by: "P2D" });
  await wb("POST", "/adv/v2/fullstats", [{ id: auc }]);
  await wb("GET", `/adv/v0/pause?id=${auc}`);

  // myshare: a catalogue, an offer, a partner, deals paid and left to cancel.
  const ms = (method: string, path: string, body?: unknown) => call(method, path, MS_TENANT, body);
  const catalog = await ms("POST", "/catalog/", { title: "Busy", catalog_code: "busy", hold_duration: "30 00:00:00", canceled_duration: "14 00:00:00", is_promocode_allowed: true, is_published: true });
  const catalogId = field(catalog.body, "id");
  await ms("POST", "/offer/", { name: "Basic", catalog_id: catalogId, is_promocode_allowed: true, is_active: true, prices: [{ cost: 100, currency: "USD" }], reward_percent: 5 });
  const partner = await ms("POST", "/__sandbox/myshare/partners", { catalog_id: catalogId });
  const uid = String(field(partner.body, "uid"));
  const deal = { status: "Created", offer: "Basic", cost: 100, currency: "USD", catalog_code: "busy" };
  for (let i = 1; i <= 5; i++) await ms("POST", "/deal/", { ...deal, deal_id: `order-${i}`, another_data: `myshare=${uid}` });
  await call("POST", "/__sandbox/clock/advance", MS_TENANT, { by: "PT2H" });
  await ms("PATCH", "/deal/order-1/", { status: "Paid" });
  await ms("PATCH", "/deal/order-2/", { status: "Paid" });
  await call("POST", "/__sandbox/clock/advance", MS_TENANT, { by: "P31D" });
  await ms("GET", "/deal/?page_size=2");

  // Tenants reset, imported, named by a token; settings changed.
  await call("PATCH", "/__sandbox/settings", "busy-reset", { rateLimits: "off" });
  await call("POST", "/__sandbox/clock/advance", "busy-reset", { by: "PT1H" });
  const exported = await call("GET", "/__sandbox/state", MS_TENANT);
  await call("PUT", "/__sandbox/state", "busy-reset", { ...(typeof exported.body === "object" && exported.body !== null ? exported.body : {}), tenant: "busy-reset" });
  await call("POST", "/__sandbox/reset", YM_TENANT);
  await ym("campaigns/create", YM_CAMPAIGN);
  const named = await call("POST", "/__sandbox/tokens", undefined, { tenant: WB_TENANT });
  await call("GET", "/adv/v1/balance", String(field(named.body, "token")));
  return out;
}
