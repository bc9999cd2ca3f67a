import type { Tenant } from "../kernel/tenant.js";
import { WB_CONFIG } from "./config.js";
import { eligibleKeywords, type EligibilityMemo, type EligibleKeywords } from "./keywords-eligible.js";
import type { Campaign } from "./model.js";
import { DAY_MS, moscowDate } from "./moscow-time.js";
import type { WildberriesState } from "./state.js";
import { dayIndexStart, daySeed, firstHour, hourStart, HOUR_MS, moscowDayIndex, unit } from "./traffic-clock.js";
import type { CampaignTraffic, DayTraffic } from "./traffic-model.js";
import * as Layout from "./traffic-model.js";
import { pastWordsOf } from "./stats-retention.js";
import { addGroupWords } from "./traffic-math.js";
import { chargeUpd, skipDroppedUpd } from "./upd.js";

/**
 * The model behind every statistic of an active (9) promotion campaign, in closed form per Moscow day.
 *
 * Per nm and app type, the views accrued from the day's midnight to an instant t are
 * floor(rate × share of the app × W(t) + offset), where W(t) is the hours elapsed weighted by the
 * Moscow hour's factor (night is quiet, the evening peaks) and rate = base × √(bid / minimum bid) ×
 * the day's noise (search views further scaled by the share of keyword popularity the phrase lists
 * leave eligible). Clicks = views × ctr, add-to-basket = clicks × rate, orders = add-to-basket × rate,
 * shks = orders + ~15 %, each rounded with its own offset; spend = views / 1000 × bid (kopecks);
 * sum_price = shks × the nm's price. The day's noise and offsets are hashed from the campaign's seed
 * and the day (traffic-clock.ts), so value(t) depends on t only and accounting [a, b] adds
 * value(b) - value(a), wherever a stretch is cut. Only per-day cells are kept.
 */

// Local copies of the cell layout (traffic-model.ts): plain constants on the hot path.
const APP_COUNT = Layout.APP_COUNT;
const METRICS = Layout.METRICS;
const CELLS_PER_NM = APP_COUNT * METRICS;

/** Views per hour per nm at the minimum bid, at an hour factor of 1. */
const AUTO_BASE = 60;
const SEARCH_BASE = 45;
const CATALOG_BASE = 25;
/** Automatic campaigns: share of views in search/catalog (booster, keyword-attributed), carousel, recommendations. */
const AUTO_BOOSTER = 0.55;
const AUTO_CAROUSEL = 0.25;
const AUTO_RECOM = 0.2;
/** Share of views per app type (1 site, 32 Android, 64 iOS). */
const APP_SHARE = [0.25, 0.45, 0.3] as const;
/** Average search position at the minimum bid (type 8 boosterStats). */
const POSITION_BASE = 320;
/** Traffic by Moscow hour of day (night is quiet, the evening peaks). */
const HOUR_FACTOR = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.5, 0.8, 1.0, 1.1, 1.15, 1.2, 1.2, 1.15, 1.1, 1.1, 1.15, 1.25, 1.4, 1.5, 1.45, 1.1, 0.6,
] as const;
/** Factor-hours from midnight to the start of each hour (25 entries, the last one the whole day). */
const HOUR_CUMULATIVE: readonly number[] = HOUR_FACTOR.reduce<number[]>((sums, f) => [...sums, (sums[sums.length - 1] ?? 0) + f], [0]);

/** W(t): factor-weighted hours from the Moscow midnight `dayStart` to `at` (within that day). */
function factorHours(dayStart: number, at: number): number {
  const into = Math.min(24, Math.max(0, (at - dayStart) / HOUR_MS));
  const h = Math.min(23, Math.floor(into));
  return (HOUR_CUMULATIVE[h] ?? 0) + (HOUR_FACTOR[h] ?? 0) * (into - h);
}

/** An nm's shelf price in rubles, stable per nm (orders × price gives sum_price). */
export function nmPrice(nm: number): number {
  return 390 + ((Math.imul(nm, 0x9e3779b1) >>> 0) % 40) * 50;
}

// Draw numbers of a day (k of unit(daySeed, k)): per (nm, app) cell 8 of them, then these.
const K_NOISE = 0x7fff0000;
const K_SEARCH_CLICKS = 0x7fff0001;
const K_POSITION = 0x7ffe0000;
const cellK = (nm: number, app: number) => (((nm % 0x100000) * APP_COUNT + app) * 8) | 0;

/** What one nm earns per factor-hour on a day (before the app split), at which bids. */
interface NmPlan {
  nm: number;
  search: number;
  other: number;
  searchCpm: number;
  otherCpm: number;
  position: number;
  price: number;
}

/** A campaign's day under its current settings: enough to compute value(t) for any t of the day. */
interface DayPlan {
  seed: number;
  dayStart: number;
  nms: NmPlan[];
  regime: number;
  ctr: number;
  atbRate: number;
  orderRate: number;
  /**
   * Scratch space of pieceOf, sized for the plan's cells (valueAt) on first use: value(from), then the
   * piece value(to) - value(from). Empty in a plan that never cuts a piece (daySpendBound).
   */
  start: number[];
  piece: number[];
}

const NOISE_MIN = 0.75;
const NOISE_SPREAD = 0.5;

/** An nm's part of the plan before a day's draws: search = searchBase × noise × searchFactor, other likewise. */
interface NmBase {
  nm: number;
  searchBase: number;
  searchFactor: number;
  otherBase: number;
  otherFactor: number;
  searchCpm: number;
  otherCpm: number;
  /** The average search position before the day's spread (automatic campaigns; 0 for the others). */
  positionBase: number;
  price: number;
}

/** A campaign's plan under its current settings, before a day's draws (planOn adds them). */
interface BasePlan {
  campaignSeed: number;
  nms: NmBase[];
  /** The plan of the day planOn drew last (one at a time: a long move draws a day per campaign). */
  day: DayPlan;
}

function basePlan(campaign: Campaign, traffic: CampaignTraffic, eligible: EligibleKeywords): BasePlan {
  const nms: NmBase[] = [];
  if (campaign.autoParams !== null) {
    const p = campaign.autoParams;
    const booster = p.active.booster ? AUTO_BOOSTER * eligible.reach : 0;
    const other = (p.active.carousel ? AUTO_CAROUSEL : 0) + (p.active.recom ? AUTO_RECOM : 0);
    for (const nm of p.nms) {
      let cpm = p.cpm;
      for (const x of p.nmCpm) if (x.nm === nm) cpm = x.cpm;
      const rate = AUTO_BASE * Math.sqrt(Math.max(cpm, 1) / WB_CONFIG.cpmMinBooster);
      const positionBase = POSITION_BASE * Math.sqrt(WB_CONFIG.cpmMinBooster / Math.max(cpm, 1));
      nms.push({ nm, searchBase: rate, searchFactor: booster, otherBase: rate, otherFactor: other, searchCpm: cpm, otherCpm: cpm, positionBase, price: nmPrice(nm) });
    }
  } else {
    for (const param of campaign.unitedParams ?? []) {
      const s = param.searchCPM;
      const c = param.catalogCPM;
      const searchBase = s > 0 ? SEARCH_BASE * Math.sqrt(s / WB_CONFIG.cpmMinSearchCatalog) : 0;
      const otherBase = c > 0 ? CATALOG_BASE * Math.sqrt(c / WB_CONFIG.cpmMinSearchCatalog) : 0;
      for (const nm of param.nms) {
        nms.push({ nm, searchBase, searchFactor: eligible.reach, otherBase, otherFactor: 1, searchCpm: s, otherCpm: c, positionBase: 0, price: nmPrice(nm) });
      }
    }
  }
  const dayNms = nms.map((b): NmPlan => ({ nm: b.nm, search: 0, other: 0, searchCpm: b.searchCpm, otherCpm: b.otherCpm, position: 0, price: b.price }));
  const day: DayPlan = {
    seed: 0,
    dayStart: 0,
    nms: dayNms,
    regime: eligible.regime,
    ctr: traffic.ctr,
    atbRate: traffic.atbRate,
    orderRate: traffic.orderRate,
    start: [],
    piece: [],
  };
  return { campaignSeed: traffic.seed, nms, day };
}

const dayNoise = (seed: number): number => NOISE_MIN + NOISE_SPREAD * unit(seed, K_NOISE);

/**
 * The plan of a day: the base with the day's noise and position spread drawn (`noiseOf` fixes the
 * noise for bounds). It is the base's one day plan, redrawn: valid until the next planOn of that base.
 */
function planOn(base: BasePlan, dayIndex: number, noiseOf: (seed: number) => number = dayNoise): DayPlan {
  const seed = daySeed(base.campaignSeed, dayIndex);
  const noise = noiseOf(seed);
  const plan = base.day;
  plan.seed = seed;
  plan.dayStart = dayIndexStart(dayIndex);
  base.nms.forEach((b, i) => {
    const nm = plan.nms[i];
    if (nm === undefined) return;
    nm.search = b.searchBase * noise * b.searchFactor;
    nm.other = b.otherBase * noise * b.otherFactor;
    nm.position = b.positionBase > 0 ? Math.max(1, Math.round(b.positionBase * (0.85 + 0.3 * unit(seed, K_POSITION + (b.nm % 0x10000))))) : 0;
  });
  return plan;
}

// One (nm, app) cell of value(t), in this order; SLOTS numbers per cell.
const S_VIEWS = 0;
const O_VIEWS = 1;
const CLICKS = 2;
const ATBS = 3;
const ORDERS = 4;
const SHKS = 5;
const SPEND = 6;
const SEARCH_SPEND = 7;
const SLOTS = 8;

/**
 * value(t) of every (nm, app) cell of the plan into `out` (plan.nms.length × APP_COUNT × SLOTS
 * numbers), then the clicks attributed to search (one more number). Without `counts`, add-to-basket,
 * orders and shks are left as they were (a day retention surely drops needs only views, clicks and spend).
 */
function valueAt(plan: DayPlan, at: number, out: number[], counts: boolean): void {
  const w = factorHours(plan.dayStart, at);
  let o = 0;
  let searchViews = 0;
  let allClicks = 0;
  for (const nm of plan.nms) {
    for (let a = 0; a < APP_COUNT; a++) {
      const k = cellK(nm.nm, a);
      const share = (APP_SHARE[a] ?? 0) * w;
      const s = w === 0 ? 0 : Math.floor(nm.search * share + unit(plan.seed, k));
      const ov = w === 0 ? 0 : Math.floor(nm.other * share + unit(plan.seed, k + 1));
      const clicks = Math.floor((s + ov) * plan.ctr + unit(plan.seed, k + 2));
      const searchSpend = Math.round((s * nm.searchCpm) / 10);
      out[o + S_VIEWS] = s;
      out[o + O_VIEWS] = ov;
      out[o + CLICKS] = clicks;
      if (counts) {
        const atbs = Math.floor(clicks * plan.atbRate + unit(plan.seed, k + 3));
        const orders = Math.floor(atbs * plan.orderRate + unit(plan.seed, k + 4));
        out[o + ATBS] = atbs;
        out[o + ORDERS] = orders;
        out[o + SHKS] = orders + Math.floor(orders * 0.15 + unit(plan.seed, k + 5));
      }
      out[o + SPEND] = searchSpend + Math.round((ov * nm.otherCpm) / 10);
      out[o + SEARCH_SPEND] = searchSpend;
      searchViews += s;
      allClicks += clicks;
      o += SLOTS;
    }
  }
  out[o] = Math.min(allClicks, Math.floor(searchViews * plan.ctr + unit(plan.seed, K_SEARCH_CLICKS)));
}

/** The plan's cells accrued over [from, to] (one Moscow day) into `plan.piece` (`counts`: see valueAt); returns the spend in kopecks. */
function pieceOf(plan: DayPlan, from: number, to: number, counts = true): number {
  const size = plan.nms.length * APP_COUNT * SLOTS + 1;
  if (plan.piece.length < size) {
    plan.start = new Array<number>(size).fill(0);
    plan.piece = new Array<number>(size).fill(0);
  }
  const start = plan.start;
  const piece = plan.piece;
  valueAt(plan, to, piece, counts);
  if (from > plan.dayStart) valueAt(plan, from, start, counts);
  else start.fill(0, 0, size);
  let spend = 0;
  for (let i = 0; i < size; i++) {
    piece[i] = (piece[i] ?? 0) - (start[i] ?? 0);
    if (i % SLOTS === SPEND && i < size - 1) spend += piece[i] ?? 0;
  }
  return spend;
}

/** Cuts the piece in `plan.piece` to `availableKop`: counts shrink in proportion, spend is exactly what is left. */
function cutPiece(plan: DayPlan, totalKop: number, availableKop: number): void {
  const size = plan.nms.length * APP_COUNT * SLOTS;
  const piece = plan.piece;
  const left = Math.max(0, availableKop);
  const ratio = totalKop > 0 ? left / totalKop : 0;
  let cumulative = 0;
  let previous = 0;
  for (let o = 0; o < size; o += SLOTS) {
    cumulative += piece[o + SPEND] ?? 0;
    const next = totalKop > 0 ? Math.floor((left * cumulative) / totalKop) : 0;
    const spend = next - previous;
    previous = next;
    for (const slot of [S_VIEWS, O_VIEWS, CLICKS, ATBS, ORDERS, SHKS]) piece[o + slot] = Math.floor((piece[o + slot] ?? 0) * ratio);
    piece[o + SEARCH_SPEND] = Math.min(spend, Math.round((piece[o + SEARCH_SPEND] ?? 0) * ratio));
    piece[o + SPEND] = spend;
  }
  piece[size] = Math.floor((piece[size] ?? 0) * ratio);
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

/** Adds the piece in `plan.piece` to the day's cells and its keyword regime's search group; the spend in kopecks. */
function book(plan: DayPlan, day: DayTraffic): number {
  const cells = day.cells;
  const piece = plan.piece;
  let searchViews = 0;
  let searchSpend = 0;
  let spend = 0;
  let o = 0;
  plan.nms.forEach((nm, i) => {
    for (let a = 0; a < APP_COUNT; a++, o += SLOTS) {
      const views = (piece[o + S_VIEWS] ?? 0) + (piece[o + O_VIEWS] ?? 0);
      const kop = piece[o + SPEND] ?? 0;
      const clicks = piece[o + CLICKS] ?? 0;
      searchViews += piece[o + S_VIEWS] ?? 0;
      searchSpend += piece[o + SEARCH_SPEND] ?? 0;
      spend += kop;
      if (views === 0 && kop === 0 && clicks === 0) continue;
      const shks = piece[o + SHKS] ?? 0;
      const at = nmBase(day, nm.nm, i) + a * METRICS;
      add(cells, at + Layout.VIEWS, views);
      add(cells, at + Layout.CLICKS, clicks);
      add(cells, at + Layout.ATBS, piece[o + ATBS] ?? 0);
      add(cells, at + Layout.ORDERS, piece[o + ORDERS] ?? 0);
      add(cells, at + Layout.SHKS, shks);
      add(cells, at + Layout.SPEND_KOP, kop);
      add(cells, at + Layout.SUM_PRICE, shks * nm.price);
      add(cells, at + Layout.POSITION_SUM, views * nm.position);
    }
  });
  if (plan.regime !== -1 && searchViews > 0) addSearch(day, plan.regime, searchViews, piece[o] ?? 0, Math.min(searchSpend, spend));
  return spend;
}

/** Adds a piece's search traffic to the day's group of its keyword regime. */
function addSearch(day: DayTraffic, regime: number, views: number, clicks: number, spendKop: number): void {
  const search = day.search;
  let at = 0;
  while (at < search.length && search[at] !== regime) at += Layout.SEARCH_GROUP;
  if (at >= search.length) search.push(regime, 0, 0, 0);
  add(search, at + 1, views);
  add(search, at + 2, clicks);
  add(search, at + 3, spendKop);
}

/**
 * A whole day that retention is sure to drop (stats-retention.ts surelyDroppedBefore): what book()
 * and dropping the day would leave, without the day's cells. The piece is in `plan.piece`; returns its
 * spend in kopecks and folds its search group into pastWords.
 */
function foldDroppedDay(plan: DayPlan, traffic: CampaignTraffic): number {
  const size = plan.nms.length * APP_COUNT * SLOTS;
  const piece = plan.piece;
  let searchViews = 0;
  let searchSpend = 0;
  let spend = 0;
  for (let o = 0; o < size; o += SLOTS) {
    searchViews += piece[o + S_VIEWS] ?? 0;
    searchSpend += piece[o + SEARCH_SPEND] ?? 0;
    spend += piece[o + SPEND] ?? 0;
  }
  const past = pastWordsOf(traffic);
  if (plan.regime !== -1 && searchViews > 0) addGroupWords(traffic, plan.regime, searchViews, piece[size] ?? 0, Math.min(searchSpend, spend), past);
  return spend;
}

/** Charges spend to the budget in whole rubles, carrying the kopecks; returns the rubles. */
function charge(campaign: Campaign, traffic: CampaignTraffic, spendKop: number): number {
  traffic.unbilledKop += spendKop;
  const rubles = Math.floor(traffic.unbilledKop / 100);
  traffic.unbilledKop -= rubles * 100;
  campaign.budget -= rubles;
  return rubles;
}

const availableKop = (campaign: Campaign, traffic: CampaignTraffic) => campaign.budget * 100 - traffic.unbilledKop;

/**
 * Accounts [from, to] day by day; a piece the budget cannot pay for is cut to it. Whole days numbered
 * below `droppedBefore` keep no cells (retention drops them before anything reads them). True when
 * the budget is used up.
 */
function accrueSpan(state: WildberriesState, campaign: Campaign, traffic: CampaignTraffic, eligible: EligibleKeywords, from: number, to: number, droppedBefore: number): boolean {
  let start = from;
  const base = basePlan(campaign, traffic, eligible);
  // Dropped days not yet told to upd (skipDroppedUpd), and the last of them.
  let droppedDays = 0;
  let lastDropped = 0;
  const flushDropped = () => {
    if (droppedDays > 0) skipDroppedUpd(state, traffic, droppedDays, moscowDate(dayIndexStart(lastDropped)));
    droppedDays = 0;
  };
  let usedUp = false;
  while (start < to && !usedUp) {
    const index = moscowDayIndex(start);
    const end = Math.min(to, dayIndexStart(index + 1));
    const plan = planOn(base, index);
    const dropped = index < droppedBefore && start === plan.dayStart && end === plan.dayStart + DAY_MS;
    const total = pieceOf(plan, start, end, !dropped);
    const available = availableKop(campaign, traffic);
    const exhausted = total >= available;
    if (exhausted) cutPiece(plan, total, available);
    if (dropped) {
      charge(campaign, traffic, foldDroppedDay(plan, traffic));
      droppedDays += 1;
      lastDropped = index;
    } else {
      flushDropped();
      const day = moscowDate(start);
      const rubles = charge(campaign, traffic, book(plan, dayOf(traffic, day)));
      chargeUpd(state, campaign, traffic, day, rubles, Math.min(end, plan.dayStart + DAY_MS - 1));
    }
    traffic.activeMs += end - start;
    traffic.accruedTo = end;
    usedUp = exhausted || availableKop(campaign, traffic) <= 0;
    start = end;
  }
  flushDropped();
  return usedUp;
}

/** More than a whole day of the campaign can spend (kopecks) at its current settings, on any day. */
function daySpendBound(campaign: Campaign, traffic: CampaignTraffic, eligible: EligibleKeywords): number {
  const plan = planOn(basePlan(campaign, traffic, eligible), 0, () => NOISE_MIN + NOISE_SPREAD);
  const w = HOUR_CUMULATIVE[24] ?? 0;
  let bound = 0;
  for (const nm of plan.nms) {
    for (const share of APP_SHARE) bound += ((nm.search * share * w + 1) * nm.searchCpm + (nm.other * share * w + 1) * nm.otherCpm) / 10 + 1;
  }
  return bound;
}

/** Whether the campaign's budget surely pays for its traffic from `accruedTo` to `to`, whatever the days' draws. */
export function surelyPaysUntil(tenant: Tenant, campaign: Campaign, traffic: CampaignTraffic, to: number, memo?: EligibilityMemo): boolean {
  const from = traffic.accruedTo;
  return from !== null && surelyPaid(campaign, traffic, eligibleKeywords(tenant, campaign, traffic, memo), from, to);
}

/** Whether the budget surely pays for [from, to], whatever the days' draws (no need to look for the hour it runs out). */
function surelyPaid(campaign: Campaign, traffic: CampaignTraffic, eligible: EligibleKeywords, from: number, to: number): boolean {
  const days = moscowDayIndex(to) - moscowDayIndex(from) + 1;
  return daySpendBound(campaign, traffic, eligible) * days < availableKop(campaign, traffic);
}

/**
 * The first whole hour in (from, to] by which the campaign's spend since `from` reaches what its
 * budget can pay, or undefined (the hourly tick would have found its budget used up then).
 */
export function budgetRunsOut(tenant: Tenant, campaign: Campaign, traffic: CampaignTraffic, from: number, to: number, memo?: EligibilityMemo): number | undefined {
  const eligible = eligibleKeywords(tenant, campaign, traffic, memo);
  if (surelyPaid(campaign, traffic, eligible, from, to)) return undefined;
  const available = availableKop(campaign, traffic);
  const base = basePlan(campaign, traffic, eligible);
  let spent = 0;
  return firstHour(from, to, {
    reached: (start, at) => spent + pieceOf(planOn(base, moscowDayIndex(start)), start, at) >= available,
    commit: (start, end) => {
      spent += pieceOf(planOn(base, moscowDayIndex(start)), start, end);
    },
  });
}

/** What the tick knows of a long clock move (traffic-timers.ts), to save work that changes nothing. */
export interface AccrualHints {
  /** Whole days numbered below this keep no per-day cells (stats-retention.ts surelyDroppedBefore). */
  droppedBefore: number;
  /** Up to this instant the budget surely pays (surelyPaysUntil): no need to look for the hour it runs out. */
  paidThrough: number;
}

export const NO_HINTS: Readonly<AccrualHints> = { droppedBefore: Number.NEGATIVE_INFINITY, paidThrough: Number.NEGATIVE_INFINITY };

/**
 * Accounts the campaign's traffic from `accruedTo` to `to`, as hourly ticks would: when the budget
 * runs out at a whole hour on the way, the traffic stops there, that last hour cut to what the budget
 * could pay (it ends at exactly 0). Returns true when the budget is used up.
 */
export function accrueTraffic(tenant: Tenant, state: WildberriesState, campaign: Campaign, traffic: CampaignTraffic, to: number, memo?: EligibilityMemo, hints: AccrualHints = NO_HINTS): boolean {
  const { droppedBefore, paidThrough } = hints;
  const from = traffic.accruedTo;
  if (from === null || to <= from) return from !== null && availableKop(campaign, traffic) <= 0;
  const eligible = eligibleKeywords(tenant, campaign, traffic, memo);
  const lastHour = Math.max(from, hourStart(to));
  const runsOut = lastHour > from && lastHour > paidThrough ? budgetRunsOut(tenant, campaign, traffic, from, lastHour, memo) : undefined;
  const stop = runsOut ?? to;
  const cut = Math.max(from, runsOut === undefined ? lastHour : runsOut - HOUR_MS);
  if (accrueSpan(state, campaign, traffic, eligible, from, cut, droppedBefore)) return true;
  return accrueSpan(state, campaign, traffic, eligible, cut, stop, droppedBefore);
}
