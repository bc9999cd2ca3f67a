import type { Tenant } from "../kernel/tenant.js";
import { WB_CONFIG } from "./config.js";
import { eligibleKeywords, type EligibilityMemo } from "./keywords-eligible.js";
import type { Campaign } from "./model.js";
import { DAY_MS, MOSCOW_OFFSET_MS, moscowDate, moscowMidnight } from "./moscow-time.js";
import type { WildberriesState } from "./state.js";
import type { CampaignTraffic, DayTraffic } from "./traffic-model.js";
import * as Layout from "./traffic-model.js";
import { chargeUpd } from "./upd.js";

/**
 * One slice of an active campaign's traffic: the model behind every statistic.
 *
 * Per nm, the expected views of the slice are base × √(bid / minimum bid) × the Moscow hour's factor
 * × a seeded noise (one draw per campaign and slice) × the slice's length in hours; search views are
 * further scaled by the share of the campaign's keyword popularity its phrase lists leave eligible.
 * Integers come from rounding with offsets hashed from one more draw, so a slice costs
 * two draws of the tenant's generator however many nms and keywords the campaign has.
 * Spend = views / 1000 × bid, in kopecks. Clicks = views × ctr, add-to-basket = clicks × rate,
 * orders = add-to-basket × rate, shks = orders + ~15 %, sum_price = shks × the nm's price.
 */

export const SLOT_MS = 3_600_000;

// Local copies of the cell layout (traffic-model.ts): plain constants on the hot path.
const APP_COUNT = Layout.APP_COUNT;
const METRICS = Layout.METRICS;
const VIEWS = Layout.VIEWS;
const CLICKS = Layout.CLICKS;
const ATBS = Layout.ATBS;
const ORDERS = Layout.ORDERS;
const SHKS = Layout.SHKS;
const SPEND_KOP = Layout.SPEND_KOP;
const SUM_PRICE = Layout.SUM_PRICE;
const POSITION_SUM = Layout.POSITION_SUM;
const SEARCH_GROUP = Layout.SEARCH_GROUP;
const CELLS_PER_NM = APP_COUNT * METRICS;

/** moscowDate of the last slice's day (slices of a tick share it): the Date formatting is costly. */
let lastDayIndex = Number.NaN;
let lastDay = "";
function dayKey(at: number): string {
  const index = Math.floor((at + MOSCOW_OFFSET_MS) / DAY_MS);
  if (index !== lastDayIndex) {
    lastDayIndex = index;
    lastDay = moscowDate(at);
  }
  return lastDay;
}

/** Views per hour per nm at the minimum bid, at an hour factor of 1. */
const AUTO_BASE = 60;
const SEARCH_BASE = 45;
const CATALOG_BASE = 25;
/** Automatic campaigns: share of views in search/catalog (booster, keyword-attributed), carousel, recommendations. */
const AUTO_BOOSTER = 0.55;
const AUTO_CAROUSEL = 0.25;
const AUTO_RECOM = 0.2;
/** Share of views per app type (1 site, 32 Android, 64 iOS), cumulative. */
const APP_CUMULATIVE = [0.25, 0.7, 1] as const;
/** Average search position at the minimum bid (type 8 boosterStats). */
const POSITION_BASE = 320;
/** Traffic by Moscow hour of day (night is quiet, the evening peaks). */
const HOUR_FACTOR = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.5, 0.8, 1.0, 1.1, 1.15, 1.2, 1.2, 1.15, 1.1, 1.1, 1.15, 1.25, 1.4, 1.5, 1.45, 1.1, 0.6,
] as const;
/** The k-th rounding offset of a slice, in [0, 1): an integer hash of the slice's one 32-bit draw and k. */
function offset(seed: number, k: number): number {
  return hash(seed, k) / 4294967296;
}

/** A 32-bit hash (murmur3 finaliser) of the slice's draw and k, unsigned. */
function hash(seed: number, k: number): number {
  let h = (seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An nm's shelf price in rubles, stable per nm (orders × price gives sum_price). */
export function nmPrice(nm: number): number {
  return 390 + ((Math.imul(nm, 0x9e3779b1) >>> 0) % 40) * 50;
}

// Scratch space of one slice, reused (no allocation on the hot path).
let nmIds: number[] = [];
let searchViews: number[] = [];
let otherViews: number[] = [];
let spend: number[] = [];
let searchSpend: number[] = [];
let positions: number[] = [];

function ensureScratch(n: number): void {
  if (nmIds.length >= n) return;
  nmIds = new Array<number>(n).fill(0);
  searchViews = new Array<number>(n).fill(0);
  otherViews = new Array<number>(n).fill(0);
  spend = new Array<number>(n).fill(0);
  searchSpend = new Array<number>(n).fill(0);
  positions = new Array<number>(n).fill(0);
}

/** Fills the scratch arrays with the slice's per-nm views, spend and position; returns the nm count. */
function planNms(campaign: Campaign, scale: number, reach: number, u: number): number {
  let n = 0;
  if (campaign.autoParams !== null) {
    const p = campaign.autoParams;
    const booster = p.active.booster ? AUTO_BOOSTER * reach : 0;
    const other = (p.active.carousel ? AUTO_CAROUSEL : 0) + (p.active.recom ? AUTO_RECOM : 0);
    ensureScratch(p.nms.length);
    for (const nm of p.nms) {
      let cpm = p.cpm;
      for (const x of p.nmCpm) if (x.nm === nm) cpm = x.cpm;
      const expected = AUTO_BASE * Math.sqrt(Math.max(cpm, 1) / WB_CONFIG.cpmMinBooster) * scale;
      const sv = Math.floor(expected * booster + offset(u, 2 * n));
      const ov = Math.floor(expected * other + offset(u, 2 * n + 1));
      nmIds[n] = nm;
      searchViews[n] = sv;
      otherViews[n] = ov;
      searchSpend[n] = Math.round((sv * cpm) / 10);
      spend[n] = Math.round(((sv + ov) * cpm) / 10);
      positions[n] = Math.max(1, Math.round((POSITION_BASE * Math.sqrt(WB_CONFIG.cpmMinBooster / Math.max(cpm, 1))) * (0.85 + 0.3 * offset(u, 97 + n))));
      n++;
    }
    return n;
  }
  const params = campaign.unitedParams ?? [];
  let count = 0;
  for (const param of params) count += param.nms.length;
  ensureScratch(count);
  for (const param of params) {
    const s = param.searchCPM;
    const c = param.catalogCPM;
    const searchExp = s > 0 ? SEARCH_BASE * Math.sqrt(s / WB_CONFIG.cpmMinSearchCatalog) * scale * reach : 0;
    const catalogExp = c > 0 ? CATALOG_BASE * Math.sqrt(c / WB_CONFIG.cpmMinSearchCatalog) * scale : 0;
    for (const nm of param.nms) {
      const sv = Math.floor(searchExp + offset(u, 2 * n));
      const ov = Math.floor(catalogExp + offset(u, 2 * n + 1));
      nmIds[n] = nm;
      searchViews[n] = sv;
      otherViews[n] = ov;
      const searchKop = Math.round((sv * s) / 10);
      searchSpend[n] = searchKop;
      spend[n] = searchKop + Math.round((ov * c) / 10);
      positions[n] = 0;
      n++;
    }
  }
  return n;
}

/** The campaign's cells for `day` (the last day, or a new one: time only moves forward). */
function dayOf(traffic: CampaignTraffic, day: string): DayTraffic {
  const last = traffic.days[traffic.days.length - 1];
  if (last !== undefined && last.day === day) return last;
  const fresh: DayTraffic = { day, nms: [], cells: [], search: [] };
  traffic.days.push(fresh);
  return fresh;
}

/** Where nm's cells start in `day` (appending zeroed cells for an nm new that day). */
function nmBase(day: DayTraffic, nm: number, hint: number): number {
  let index = day.nms[hint] === nm ? hint : day.nms.indexOf(nm);
  if (index === -1) {
    index = day.nms.length;
    day.nms.push(nm);
    for (let i = 0; i < CELLS_PER_NM; i++) day.cells.push(0);
  }
  return index * CELLS_PER_NM;
}

const add = (cells: number[], at: number, value: number) => {
  cells[at] = (cells[at] ?? 0) + value;
};

/**
 * Accounts the campaign's traffic from `from` to `to` (one Moscow day, at most one slot): adds it to
 * the day's cells and keywords, charges the spend to the budget in whole rubles (kopecks carry over)
 * and to upd. When the budget cannot pay for the whole slice, the slice is cut to what it can pay for
 * and the budget ends at exactly 0. Returns true when the budget is used up.
 */
export function accrueSlice(
  tenant: Tenant,
  state: WildberriesState,
  campaign: Campaign,
  traffic: CampaignTraffic,
  from: number,
  to: number,
  memo?: EligibilityMemo,
): boolean {
  const hours = (to - from) / SLOT_MS;
  const availableKop = campaign.budget * 100 - traffic.unbilledKop;
  if (hours <= 0) return availableKop <= 0;
  traffic.activeMs += to - from;
  const hour = Math.floor(((from + MOSCOW_OFFSET_MS) % DAY_MS) / SLOT_MS);
  const noise = 0.75 + 0.5 * tenant.rng.next();
  const u = tenant.rng.nextUint32();
  const eligible = eligibleKeywords(tenant, campaign, traffic, memo);
  const n = planNms(campaign, (HOUR_FACTOR[hour] ?? 1) * noise * hours, eligible.reach, u);

  let total = 0;
  for (let i = 0; i < n; i++) total += spend[i] ?? 0;
  let exhausted = false;
  if (total >= availableKop) {
    // The budget pays for part of the slice: views shrink in proportion, spend is exactly what is left.
    exhausted = true;
    const ratio = total > 0 ? Math.max(0, availableKop) / total : 0;
    let cum = 0;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const share = spend[i] ?? 0;
      cum += share;
      const next = total > 0 ? Math.floor((Math.max(0, availableKop) * cum) / total) : 0;
      spend[i] = next - prev;
      prev = next;
      searchViews[i] = Math.floor((searchViews[i] ?? 0) * ratio);
      otherViews[i] = Math.floor((otherViews[i] ?? 0) * ratio);
      searchSpend[i] = Math.min(spend[i] ?? 0, Math.round((searchSpend[i] ?? 0) * ratio));
    }
    total = Math.max(0, availableKop);
  }

  const day = dayOf(traffic, dayKey(from));
  const cells = day.cells;
  let k = 200;
  let allClicks = 0;
  let kwViews = 0;
  let kwSpend = 0;
  for (let i = 0; i < n; i++) {
    const nm = nmIds[i] ?? 0;
    const views = (searchViews[i] ?? 0) + (otherViews[i] ?? 0);
    const nmSpend = spend[i] ?? 0;
    kwViews += searchViews[i] ?? 0;
    kwSpend += searchSpend[i] ?? 0;
    if (views === 0 && nmSpend === 0) continue;
    const base = nmBase(day, nm, i);
    const price = nmPrice(nm);
    const position = positions[i] ?? 0;
    let prevViews = 0;
    let prevSpend = 0;
    const g = offset(u, k++);
    for (let a = 0; a < APP_COUNT; a++) {
      const cumViews = Math.floor(views * (APP_CUMULATIVE[a] ?? 1) + g);
      const appViews = a === APP_COUNT - 1 ? views - prevViews : cumViews - prevViews;
      const cumSpend = views > 0 ? Math.floor((nmSpend * (prevViews + appViews)) / views + g) : a === 1 ? nmSpend : prevSpend;
      const appSpend = a === APP_COUNT - 1 ? nmSpend - prevSpend : Math.max(0, Math.min(cumSpend, nmSpend) - prevSpend);
      prevViews += appViews;
      prevSpend += appSpend;
      if (appViews === 0 && appSpend === 0) continue;
      // One hash, four byte-sized rounding offsets (1/256 resolution is plenty for rounding).
      const h = hash(u, k++);
      const clicks = Math.floor(appViews * traffic.ctr + (h & 255) / 256);
      const atbs = Math.floor(clicks * traffic.atbRate + ((h >>> 8) & 255) / 256);
      const orders = Math.floor(atbs * traffic.orderRate + ((h >>> 16) & 255) / 256);
      const shks = orders + Math.floor(orders * 0.15 + (h >>> 24) / 256);
      const at = base + a * METRICS;
      add(cells, at + VIEWS, appViews);
      add(cells, at + CLICKS, clicks);
      add(cells, at + ATBS, atbs);
      add(cells, at + ORDERS, orders);
      add(cells, at + SHKS, shks);
      add(cells, at + SPEND_KOP, appSpend);
      add(cells, at + SUM_PRICE, shks * price);
      add(cells, at + POSITION_SUM, appViews * position);
      allClicks += clicks;
    }
  }
  if (eligible.regime !== -1 && kwViews > 0) {
    addSearch(day, eligible.regime, kwViews, Math.min(allClicks, Math.floor(kwViews * traffic.ctr + offset(u, k))), Math.min(kwSpend, total));
  }
  bill(state, campaign, traffic, day.day, total, Math.min(to, moscowMidnight(from) + DAY_MS - 1));
  return exhausted || campaign.budget * 100 - traffic.unbilledKop <= 0;
}

/** Adds the slice's search traffic to the day's group of its keyword regime. */
function addSearch(day: DayTraffic, regime: number, views: number, clicks: number, spendKop: number): void {
  const search = day.search;
  let at = 0;
  while (at < search.length && search[at] !== regime) at += SEARCH_GROUP;
  if (at >= search.length) search.push(regime, 0, 0, 0);
  add(search, at + 1, views);
  add(search, at + 2, clicks);
  add(search, at + 3, spendKop);
}

/** Charges spend to the budget in whole rubles, carrying the kopecks, and books it in upd. */
function bill(state: WildberriesState, campaign: Campaign, traffic: CampaignTraffic, day: string, spendKop: number, at: number): void {
  traffic.unbilledKop += spendKop;
  const rubles = Math.floor(traffic.unbilledKop / 100);
  if (rubles <= 0) return;
  traffic.unbilledKop -= rubles * 100;
  campaign.budget -= rubles;
  chargeUpd(state, campaign, traffic, day, rubles, at);
}
