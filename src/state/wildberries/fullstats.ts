import { fail, ok, type Result } from "../kernel/result.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { WB_CONFIG } from "./config.js";
import type { CampaignStatus } from "./model.js";
import { DAY_MS, moscowDate, moscowDayStart } from "./moscow-time.js";
import { round2, type StatBlock } from "./traffic-math.js";
import { APP_TYPES, type CampaignTraffic } from "./traffic-model.js";
import * as Layout from "./traffic-model.js";

/** One item of the POST /adv/v2/fullstats body, its JSON types already checked. */
export interface FullstatsItem {
  id: number;
  dates?: string[];
  interval?: { begin?: string; end?: string };
}

export interface NmStats extends StatBlock {
  nmId: number;
  name: string;
}
export interface AppStats extends StatBlock {
  appType: number;
  nm: NmStats[];
}
export interface DayStats extends StatBlock {
  date: string;
  apps: AppStats[];
}
export interface BoosterStat {
  date: string;
  nm: number;
  avg_position: number;
}
export interface CampaignStats extends StatBlock {
  dates?: string[];
  interval?: { begin: string; end: string };
  days: DayStats[];
  boosterStats?: BoosterStat[];
  advertId: number;
}

/** "begin": Некорректная дата начала; "end": Некорректная дата конца; "notFound": no campaign in 7, 9, 11. */
export type FullstatsError = "begin" | "end" | "notFound";

/** fullstats reports campaigns in these statuses only (seed). */
const REPORTED: readonly CampaignStatus[] = [7, 9, 11];

interface Period {
  include: (day: string) => boolean;
  echo: Pick<CampaignStats, "dates" | "interval">;
}

const spanDays = (first: number, last: number) => (last - first) / DAY_MS + 1;

/**
 * The days an item asks for. `dates`: those days; `interval`: begin..end; neither: "the last 24
 * hours", which the day-level statistics answer with yesterday and today (Moscow), echoed as `dates`
 * so the caller sees which days they are. The period may
 * span at most api_fullstat_day_depth (31) days.
 */
function periodOf(item: FullstatsItem, now: number): Result<Period, "begin" | "end"> {
  if (item.dates !== undefined) {
    const starts = item.dates.map(moscowDayStart);
    if (starts.length === 0 || starts.some((s) => s === undefined)) return fail("begin");
    const valid = starts.filter((s): s is number => s !== undefined);
    if (spanDays(Math.min(...valid), Math.max(...valid)) > WB_CONFIG.fullstatDayDepth) return fail("begin");
    const set = new Set(item.dates);
    return ok({ include: (day) => set.has(day), echo: { dates: [...item.dates] } });
  }
  if (item.interval !== undefined) {
    const { begin, end } = item.interval;
    const first = begin === undefined ? undefined : moscowDayStart(begin);
    if (begin === undefined || first === undefined) return fail("begin");
    const last = end === undefined ? undefined : moscowDayStart(end);
    if (end === undefined || last === undefined || last < first) return fail("end");
    if (spanDays(first, last) > WB_CONFIG.fullstatDayDepth) return fail("begin");
    return ok({ include: (day) => day >= begin && day <= end, echo: { interval: { begin, end } } });
  }
  const today = moscowDate(now);
  const yesterday = moscowDate(now - DAY_MS);
  return ok({ include: (day) => day === yesterday || day === today, echo: { dates: [yesterday, today] } });
}

/**
 * POST /adv/v2/fullstats: per campaign the totals, then days[].apps[].nm[], each level the sum of
 * the one below (computed from the same integer cells), and boosterStats (average positions of
 * automatic campaigns' nms; always empty for Auctions, which have no booster zone).
 * Unknown ids and campaigns outside 7, 9 and 11 are left out; a repeated id answers once.
 */
export function fullstats(tenant: Tenant, items: readonly FullstatsItem[]): Result<CampaignStats[], FullstatsError> {
  const now = tenant.now();
  const periods: Period[] = [];
  for (const item of items) {
    const period = periodOf(item, now);
    if (!period.ok) return period;
    periods.push(period.value);
  }
  const state = peekState(tenant, "wildberries");
  if (state === undefined) return fail("notFound");
  const titles = new Map<number, string>();
  for (const card of state.catalogue.nms) titles.set(card.nm, card.title);
  const seen = new Set<number>();
  const out: CampaignStats[] = [];
  items.forEach((item, i) => {
    const campaign = state.campaigns.get(item.id);
    const period = periods[i];
    if (campaign === undefined || period === undefined || seen.has(item.id) || !REPORTED.includes(campaign.status)) return;
    seen.add(item.id);
    out.push(campaignStats(item.id, campaign.type === 8, state.traffic.byCampaign.get(item.id), period, titles));
  });
  return out.length === 0 ? fail("notFound") : ok(out);
}

// Local copies of the cell layout (see traffic-slice.ts): the read of 100 campaigns × 31 days is hot too.
const APPS = Layout.APP_COUNT;
const M = Layout.METRICS;
const V = Layout.VIEWS;
const C = Layout.CLICKS;
const A = Layout.ATBS;
const O = Layout.ORDERS;
const S = Layout.SHKS;
const K = Layout.SPEND_KOP;
const P = Layout.SUM_PRICE;
const POS = Layout.POSITION_SUM;

const ctrOf = (views: number, clicks: number) => (views === 0 ? 0 : round2((clicks * 100) / views));
const cpcOf = (clicks: number, kop: number) => (clicks === 0 ? 0 : round2(kop / 100 / clicks));
const crOf = (clicks: number, orders: number) => (clicks === 0 ? 0 : round2((orders * 100) / clicks));

/** An nm's block in one literal (the most numerous object of the answer). */
function nmStat(v: number, c: number, a: number, o: number, sh: number, k: number, p: number, name: string, nmId: number): NmStats {
  return { views: v, clicks: c, ctr: ctrOf(v, c), cpc: cpcOf(c, k), sum: k / 100, atbs: a, orders: o, cr: crOf(c, o), shks: sh, sum_price: p, name, nmId };
}

function appStat(v: number, c: number, a: number, o: number, sh: number, k: number, p: number, nm: NmStats[], appType: number): AppStats {
  return { views: v, clicks: c, ctr: ctrOf(v, c), cpc: cpcOf(c, k), sum: k / 100, atbs: a, orders: o, cr: crOf(c, o), shks: sh, sum_price: p, nm, appType };
}

/** A block from summed integers (sum in kopecks), ratios as traffic-math.ts defines them. */
function stat(views: number, clicks: number, atbs: number, orders: number, shks: number, kop: number, sumPrice: number): StatBlock {
  return {
    views,
    clicks,
    ctr: ctrOf(views, clicks),
    cpc: cpcOf(clicks, kop),
    sum: kop / 100,
    atbs,
    orders,
    cr: crOf(clicks, orders),
    shks,
    sum_price: sumPrice,
  };
}

function campaignStats(advertId: number, booster: boolean, traffic: CampaignTraffic | undefined, period: Period, titles: ReadonlyMap<number, string>): CampaignStats {
  // Totals over days: views, clicks, atbs, orders, shks, kopecks, sum_price.
  let tv = 0, tc = 0, ta = 0, to = 0, ts = 0, tk = 0, tp = 0;
  const days: DayStats[] = [];
  const boosterStats: BoosterStat[] = [];
  for (const day of traffic?.days ?? []) {
    if (!period.include(day.day)) continue;
    const cells = day.cells;
    const nmCount = day.nms.length;
    let dv = 0, dc = 0, da = 0, dor = 0, ds = 0, dk = 0, dp = 0;
    const apps: AppStats[] = [];
    for (let a = 0; a < APPS; a++) {
      let av = 0, ac = 0, aa = 0, ao = 0, ash = 0, ak = 0, ap = 0;
      const nm: NmStats[] = [];
      for (let i = 0; i < nmCount; i++) {
        const at = (i * APPS + a) * M;
        const v = cells[at + V] ?? 0;
        const c = cells[at + C] ?? 0;
        const k = cells[at + K] ?? 0;
        if (v === 0 && c === 0 && k === 0) continue;
        const at2 = cells[at + A] ?? 0;
        const o = cells[at + O] ?? 0;
        const sh = cells[at + S] ?? 0;
        const p = cells[at + P] ?? 0;
        av += v; ac += c; aa += at2; ao += o; ash += sh; ak += k; ap += p;
        const nmId = day.nms[i] ?? 0;
        nm.push(nmStat(v, c, at2, o, sh, k, p, titles.get(nmId) ?? "", nmId));
      }
      if (nm.length === 0) continue;
      dv += av; dc += ac; da += aa; dor += ao; ds += ash; dk += ak; dp += ap;
      apps.push(appStat(av, ac, aa, ao, ash, ak, ap, nm, APP_TYPES[a] ?? 1));
    }
    if (booster) {
      for (let i = 0; i < nmCount; i++) {
        let views = 0;
        let positions = 0;
        for (let a = 0; a < APPS; a++) {
          views += cells[(i * APPS + a) * M + V] ?? 0;
          positions += cells[(i * APPS + a) * M + POS] ?? 0;
        }
        if (views > 0) boosterStats.push({ date: `${day.day}T00:00:00Z`, nm: day.nms[i] ?? 0, avg_position: Math.round(positions / views) });
      }
    }
    if (apps.length === 0) continue;
    tv += dv; tc += dc; ta += da; to += dor; ts += ds; tk += dk; tp += dp;
    days.push({ date: `${day.day}T03:00:00+03:00`, ...stat(dv, dc, da, dor, ds, dk, dp), apps });
  }
  return { ...period.echo, ...stat(tv, tc, ta, to, ts, tk, tp), days, boosterStats, advertId };
}
