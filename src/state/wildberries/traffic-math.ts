import { SEARCH_GROUP, WORD_METRICS, type CampaignTraffic } from "./traffic-model.js";

/**
 * The one rounding rule of every statistic: ratios are rounded half away from zero to 2 decimals
 * (after computing them from the summed integers), and a ratio with a zero divisor is 0.
 *   ctr = clicks / views × 100, cpc = sum / clicks (rubles), cr = orders / clicks × 100.
 * `sum` is exact: whole kopecks / 100.
 */
export function round2(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9) / 100;
}

export const ratio = (a: number, b: number) => (b === 0 ? 0 : round2(a / b));
export const rubles = (kopecks: number) => Math.round(kopecks) / 100;

/** A statistics block with Wildberries' field names (fullstats totals, days, apps and nms). */
export interface StatBlock {
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

/**
 * One day's traffic per keyword (views, clicks, spend kopecks; WORD_METRICS numbers per keyword of
 * CampaignTraffic.keywords): each search group split over its regime's keywords by their cumulative
 * weights, rounding the running total, so the parts add up to the group exactly.
 */
export function dayWords(traffic: CampaignTraffic, day: { readonly search: readonly number[] }): number[] {
  const out = new Array<number>(traffic.keywords.length * WORD_METRICS).fill(0);
  addDayWords(traffic, day.search, out);
  return out;
}

/** Adds dayWords of the search groups `search` to `out` (which holds at least WORD_METRICS numbers per keyword). */
export function addDayWords(traffic: CampaignTraffic, search: readonly number[], out: number[]): void {
  for (let at = 0; at + SEARCH_GROUP <= search.length; at += SEARCH_GROUP) {
    addGroupWords(traffic, search[at] ?? -1, search[at + 1] ?? 0, search[at + 2] ?? 0, search[at + 3] ?? 0, out);
  }
}

/** Adds one search group (its regime, views, clicks, spend kopecks) split over the regime's keywords to `out`. */
export function addGroupWords(traffic: CampaignTraffic, regimeIndex: number, views: number, clicks: number, spendKop: number, out: number[]): void {
  const regime = traffic.regimes[regimeIndex];
  if (regime === undefined) return;
  const size = traffic.keywords.length * WORD_METRICS;
  const last = regime.indexes.length - 1;
  for (let metric = 0; metric < WORD_METRICS; metric++) {
    const total = metric === 0 ? views : metric === 1 ? clicks : spendKop;
    let previous = 0;
    for (let j = 0; j <= last; j++) {
      const next = j === last ? total : Math.round(total * (regime.cumulative[j] ?? 1));
      const slot = (regime.indexes[j] ?? 0) * WORD_METRICS + metric;
      if (slot < size) out[slot] = (out[slot] ?? 0) + next - previous;
      previous = next;
    }
  }
}

const everyDay = (): boolean => true;

/**
 * Per-keyword totals (views, clicks, spend kopecks) over the days `include` accepts; without it, over
 * the campaign's whole life (the days dropped by stats-retention.ts included).
 */
export function keywordTotals(traffic: CampaignTraffic, include: (day: string) => boolean = everyDay): number[] {
  const totals = new Array<number>(traffic.keywords.length * WORD_METRICS).fill(0);
  if (include === everyDay) for (let i = 0; i < totals.length; i++) totals[i] = traffic.pastWords[i] ?? 0;
  for (const day of traffic.days) {
    if (!include(day.day)) continue;
    const words = dayWords(traffic, day);
    for (let i = 0; i < totals.length; i++) totals[i] = (totals[i] ?? 0) + (words[i] ?? 0);
  }
  return totals;
}
