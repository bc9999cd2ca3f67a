import { expect } from "vitest";
import type { JsonValue } from "../../../src/state/kernel/json.js";
import { control, wb, TOKEN, type Target } from "./helpers.js";

export interface Block {
  views: number;
  clicks: number;
  ctr: number;
  cpc: number;
  sum: number;
  atbs: number;
  orders: number;
  cr: number;
  shks: number;
  sum_price: number;
}
export interface NmBlock extends Block {
  nmId: number;
  name: string;
}
export interface AppBlock extends Block {
  appType: number;
  nm: NmBlock[];
}
export interface DayBlock extends Block {
  date: string;
  apps: AppBlock[];
}
export interface CampaignBlock extends Block {
  advertId: number;
  days: DayBlock[];
  boosterStats?: { date: string; nm: number; avg_position: number }[];
  dates?: string[];
  interval?: { begin: string; end: string };
}

/** POST /adv/v2/fullstats, expecting 200. */
export async function fullstatsOf(app: Target, items: JsonValue, token: string = TOKEN): Promise<CampaignBlock[]> {
  const res = await wb(app, "POST", "/adv/v2/fullstats", items, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const kop = (rubles: number) => Math.round(rubles * 100);
const r2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

/** The documented ratios of a block, from its own counts. */
export function expectRatios(b: Block): void {
  expect(b.ctr).toBe(b.views === 0 ? 0 : r2((b.clicks / b.views) * 100));
  expect(b.cpc).toBe(b.clicks === 0 ? 0 : r2(b.sum / b.clicks));
  expect(b.cr).toBe(b.clicks === 0 ? 0 : r2((b.orders / b.clicks) * 100));
}

/** A block's integer metrics summed over its parts (sum in kopecks). */
function summed(parts: readonly Block[]): number[] {
  const out: [number, number, number, number, number, number, number] = [0, 0, 0, 0, 0, 0, 0];
  for (const p of parts) {
    out[0] += p.views;
    out[1] += p.clicks;
    out[2] += p.atbs;
    out[3] += p.orders;
    out[4] += p.shks;
    out[5] += kop(p.sum);
    out[6] += p.sum_price;
  }
  return out;
}
const own = (b: Block) => [b.views, b.clicks, b.atbs, b.orders, b.shks, kop(b.sum), b.sum_price];

/** Every level of a fullstats campaign is the exact sum of the level below, with consistent ratios. */
export function expectConsistent(c: CampaignBlock): void {
  expect(own(c)).toEqual(summed(c.days));
  expectRatios(c);
  for (const day of c.days) {
    expect(own(day)).toEqual(summed(day.apps));
    expectRatios(day);
    for (const app of day.apps) {
      expect([1, 32, 64]).toContain(app.appType);
      expect(own(app)).toEqual(summed(app.nm));
      expectRatios(app);
      for (const nm of app.nm) expectRatios(nm);
    }
  }
}

/** The campaign's status events: [from, to, cause, at]. */
export async function statusEvents(app: Target, advertId: number, token: string = TOKEN): Promise<[unknown, unknown, unknown, unknown][]> {
  const res = await control(app, "GET", `/events?provider=wildberries&entity=campaign&id=${advertId}`, undefined, token).expect(200);
  const events: { from: unknown; to: unknown; cause: unknown; at: unknown }[] = res.body.events;
  return events.map((e) => [e.from, e.to, e.cause, e.at]);
}

/** The campaign's budget (GET /adv/v1/budget total). */
export async function budgetTotal(app: Target, advertId: number, token: string = TOKEN): Promise<number> {
  const res = await wb(app, "GET", `/adv/v1/budget?id=${advertId}`, undefined, token).expect(200);
  return res.body.total;
}

/** Σ updSum of a campaign's rows over from..to. */
export async function updSum(app: Target, advertId: number, from: string, to: string, token: string = TOKEN): Promise<number> {
  const res = await wb(app, "GET", `/adv/v1/upd?from=${from}&to=${to}`, undefined, token).expect(200);
  const rows: { advertId: number; updSum: number }[] = res.body;
  return rows.filter((r) => r.advertId === advertId).reduce((a, r) => a + r.updSum, 0);
}

/** Total spend of a campaign over from..to in kopecks (fullstats). */
export async function spentKop(app: Target, advertId: number, begin: string, end: string, token: string = TOKEN): Promise<number> {
  const [c] = await fullstatsOf(app, [{ id: advertId, interval: { begin, end } }], token);
  return kop(c?.sum ?? 0);
}
