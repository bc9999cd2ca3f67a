import type { Tenant } from "../kernel/tenant.js";
import type { MediaCampaign, MediaCell, MediaItem } from "./model.js";
import { DAY_MS, moscowDate } from "./moscow-time.js";
import { dayIndexStart, daySeed, firstHour, hourStart, HOUR_MS, moscowDayIndex, unit } from "./traffic-clock.js";

export { HOUR_MS };

/** App types (1 site, 32 Android, 64 iOS) and their share of a banner's views. */
export const MEDIA_APPS: readonly (readonly [number, number])[] = [
  [1, 0.3],
  [32, 0.45],
  [64, 0.25],
];

/** What the simulation found after accounting a running stretch. */
export type AccrueOutcome = "running" | "budget" | "daily";

/**
 * Rubles on a grid of a millionth: every amount the simulation adds is snapped to it, so sums come out
 * the same whatever order they are added in (an advance cut in two leaves the same state as one).
 */
const snap = (rubles: number): number => Math.round(rubles * 1e6) / 1e6;

export const cellKey = (day: string, itemId: number, app: number): string => `${day}|${itemId}|${app}`;

/** What a banner of a views-based (type 2) campaign has spent on a Moscow day. */
export function spentOn(campaign: MediaCampaign, item: MediaItem, day: string): number {
  let sum = 0;
  for (const [app] of MEDIA_APPS) sum += campaign.traffic[cellKey(day, item.id, app)]?.expenses ?? 0;
  return sum;
}

/** A banner with a daily limit that cannot afford one more view today. */
function itemAtDailyLimit(campaign: MediaCampaign, item: MediaItem, day: string): boolean {
  return item.dailyLimit > 0 && item.dailyLimit - spentOn(campaign, item, day) < item.cpm / 1000;
}

/** Type 2: every banner has a daily limit and all of them are used up on `day`. */
export function dailyLimitReached(campaign: MediaCampaign, day: string): boolean {
  if (campaign.type !== 2 || campaign.items.length === 0) return false;
  return campaign.items.every((item) => itemAtDailyLimit(campaign, item, day));
}

/** The cheapest view of a type 2 campaign (rubles). */
const cheapestView = (campaign: MediaCampaign): number => Math.min(...campaign.items.map((item) => item.cpm)) / 1000;

/** Type 2: the budget cannot pay for one more view of any banner. */
export function budgetSpent(campaign: MediaCampaign): boolean {
  if (campaign.type !== 2) return false;
  if (campaign.items.length === 0) return campaign.budget <= 0;
  return campaign.budget < cheapestView(campaign);
}

/** Booked views of a banner's cell on the piece's day, before the piece (0 for a day not booked yet). */
type BookedViews = (item: MediaItem, app: number) => number;

const ZERO: Readonly<MediaCell> = { views: 0, clicks: 0, atbs: 0, orders: 0, expenses: 0 };

/** Orders per add-to-basket. */
const ORDER_RATE = 0.3;

/** A count that follows another at `rate` (clicks of views, ...), rounded with the cell's own draw, never above it. */
const derived = (of: number, rate: number, draw: number): number => Math.min(of, Math.floor(of * rate + draw));

// The pieces of the closed form, shared by piece() and foldDroppedDay().
/** Where a banner's draws start among the day's (unit(seed, k + ...)). */
const itemK = (item: MediaItem): number => (item.id % 0x100000) * 16;
/** A banner's hourly rate on a day: 300-900 views. */
const dayRate = (seed: number, k: number): number => 300 + Math.floor(unit(seed, k) * 601);
/** The views a type 2 banner's daily limit pays for (infinite without one). */
const capViewsOf = (campaign: MediaCampaign, item: MediaItem): number =>
  campaign.type === 2 && item.dailyLimit > 0 ? Math.floor((item.dailyLimit * 1000) / item.cpm + 1e-9) : Number.POSITIVE_INFINITY;
/** App type a's part of those views: its share, rounded so the parts add up. */
const appCap = (capViews: number, shareBefore: number, share: number): number =>
  capViews === Number.POSITIVE_INFINITY ? capViews : Math.floor(capViews * (shareBefore + share) + 1e-9) - Math.floor(capViews * shareBefore + 1e-9);
/** Views of an app type from midnight to `hours` into the day, before any cap. */
const rawViews = (rate: number, share: number, hours: number, offset: number): number => (hours === 0 ? 0 : Math.floor(rate * share * hours + offset));
/** What a cell of `views` from `hoursFrom` to `hoursTo` costs: cpm per 1000 views (type 2) or the day rate pro rata (type 1). */
const cellExpenses = (campaign: MediaCampaign, item: MediaItem, views: number, share: number, hoursFrom: number, hoursTo: number): number =>
  campaign.type === 2 ? snap((views * item.cpm) / 1000) : snap(snap((item.cpm / 24) * hoursTo * share) - snap((item.cpm / 24) * hoursFrom * share));

/**
 * What one Moscow day's part [from, to] adds, per banner and app type, in closed form. Views: the
 * day's hourly rate (300-900) × the app's share × the hours, rounded with an offset, all hashed from
 * the campaign's seed and the day, so [a, b] adds value(b) - value(a) wherever a stretch is cut. A
 * type 2 banner with a daily limit stops at the views the limit pays for (split over the app types).
 * Clicks (0.8-2.5 % of views), add-to-basket (2-8 % of clicks) and orders (30 % of those) are functions
 * of the cell's views so far. Type 2 pays cpm per 1000 views; type 1 pays the banner's cpm as its day
 * rate, pro rata.
 */
function piece(campaign: MediaCampaign, from: number, to: number, booked: BookedViews): MediaCell[][] {
  const index = moscowDayIndex(from);
  const seed = daySeed(campaign.seed, index);
  const dayStart = dayIndexStart(index);
  const hoursFrom = Math.min(24, Math.max(0, (from - dayStart) / HOUR_MS));
  const hoursTo = Math.min(24, Math.max(0, (to - dayStart) / HOUR_MS));
  const cells: MediaCell[][] = [];
  for (const item of campaign.items) {
    const k = itemK(item);
    const rate = dayRate(seed, k);
    const capViews = capViewsOf(campaign, item);
    let shareBefore = 0;
    const row: MediaCell[] = [];
    for (let a = 0; a < MEDIA_APPS.length; a++) {
      const share = MEDIA_APPS[a]?.[1] ?? 0;
      const cap = appCap(capViews, shareBefore, share);
      shareBefore += share;
      const offset = unit(seed, k + 1 + a);
      const rawTo = rawViews(rate, share, hoursTo, offset);
      const rawFrom = rawViews(rate, share, hoursFrom, offset);
      const ctr = 0.008 + unit(seed, k + 4 + a) * 0.017;
      const atbRate = 0.02 + unit(seed, k + 10 + a) * 0.06;
      const clickDraw = unit(seed, k + 7 + a);
      const atbDraw = unit(seed, k + 13 + a);
      const orderDraw = unit(seed, k + 16 + a);
      const before = booked(item, a);
      const after = Math.max(before, Math.min(before + rawTo - rawFrom, cap));
      const clicksBefore = derived(before, ctr, clickDraw);
      const clicksAfter = derived(after, ctr, clickDraw);
      const atbsBefore = derived(clicksBefore, atbRate, atbDraw);
      const atbsAfter = derived(clicksAfter, atbRate, atbDraw);
      const views = after - before;
      const expenses = cellExpenses(campaign, item, views, share, hoursFrom, hoursTo);
      row.push({ views, clicks: clicksAfter - clicksBefore, atbs: atbsAfter - atbsBefore, orders: derived(atbsAfter, ORDER_RATE, orderDraw) - derived(atbsBefore, ORDER_RATE, orderDraw), expenses });
    }
    cells.push(row);
  }
  return cells;
}

/** The views booked so far on `day` in each cell of the campaign. */
const bookedOn =
  (campaign: MediaCampaign, day: string): BookedViews =>
  (item, a) =>
    campaign.traffic[cellKey(day, item.id, MEDIA_APPS[a]?.[0] ?? 1)]?.views ?? 0;

const pieceExpenses = (cells: MediaCell[][]): number => snap(cells.reduce((sum, item) => sum + item.reduce((s, c) => s + c.expenses, 0), 0));

function addCell(campaign: MediaCampaign, key: string, add: MediaCell): void {
  const cell = campaign.traffic[key] ?? { views: 0, clicks: 0, atbs: 0, orders: 0, expenses: 0 };
  cell.views += add.views;
  cell.clicks += add.clicks;
  cell.atbs += add.atbs;
  cell.orders += add.orders;
  cell.expenses = snap(cell.expenses + add.expenses);
  campaign.traffic[key] = cell;
}

/**
 * Books a piece on its Moscow day; a type 2 piece the budget cannot pay for is cut to it (banners,
 * apps in order). A day retention is sure to drop (`keepCells` false) feeds the budget and expenses only.
 */
function book(campaign: MediaCampaign, day: string, cells: MediaCell[][], keepCells: boolean): void {
  const cut = campaign.type === 2 && pieceExpenses(cells) > campaign.budget;
  campaign.items.forEach((item, i) => {
    MEDIA_APPS.forEach(([app], a) => {
      // The piece's cells are fresh (piece()): cut in place.
      const cell = cells[i]?.[a] ?? { ...ZERO };
      if (cut) {
        const affordable = Math.max(0, Math.floor((campaign.budget * 1000) / item.cpm + 1e-9));
        if (cell.views > affordable) {
          const ratio = cell.views > 0 ? affordable / cell.views : 0;
          cell.views = affordable;
          cell.clicks = Math.floor(cell.clicks * ratio);
          cell.atbs = Math.min(cell.clicks, Math.floor(cell.atbs * ratio));
          cell.orders = Math.min(cell.atbs, Math.floor(cell.orders * ratio));
          cell.expenses = snap((affordable * item.cpm) / 1000);
        }
      }
      if (campaign.type === 2) campaign.budget = Math.max(0, snap(campaign.budget - cell.expenses));
      campaign.expenses = snap(campaign.expenses + cell.expenses);
      if (keepCells) addCell(campaign, cellKey(day, item.id, app), cell);
    });
  });
}

/**
 * A whole day retention is sure to drop (stats-retention.ts surelyDroppedBefore), as piece() and
 * book() account it but without its cells: only the budget and expenses move, and no click, basket
 * or order is drawn. False, with nothing changed, when the budget cannot pay the day (book() cuts it).
 */
function foldDroppedDay(campaign: MediaCampaign, index: number): boolean {
  const seed = daySeed(campaign.seed, index);
  const expenses: number[] = [];
  let total = 0;
  for (const item of campaign.items) {
    const k = itemK(item);
    const rate = campaign.type === 2 ? dayRate(seed, k) : 0;
    const capViews = capViewsOf(campaign, item);
    let shareBefore = 0;
    let itemTotal = 0;
    for (let a = 0; a < MEDIA_APPS.length; a++) {
      const share = MEDIA_APPS[a]?.[1] ?? 0;
      const cap = appCap(capViews, shareBefore, share);
      shareBefore += share;
      // Views only cost a views (type 2) campaign; a whole day starts with none booked.
      const views = campaign.type === 2 ? Math.max(0, Math.min(rawViews(rate, share, 24, unit(seed, k + 1 + a)), cap)) : 0;
      const cost = cellExpenses(campaign, item, views, share, 0, 24);
      expenses.push(cost);
      itemTotal += cost;
    }
    total += itemTotal;
  }
  if (campaign.type === 2 && snap(total) > campaign.budget) return false;
  for (const cost of expenses) {
    if (campaign.type === 2) campaign.budget = Math.max(0, snap(campaign.budget - cost));
    campaign.expenses = snap(campaign.expenses + cost);
  }
  return true;
}

/**
 * Accounts the traffic of a running (6) campaign from `runningSince` to `until`, a Moscow day at a
 * time, and says whether its budget (type 2) or all its banners' daily limits (type 2, today) are
 * used up. The stretch may be long: the closed form makes it one step per day. Whole days numbered
 * below `droppedBefore` (stats-retention.ts surelyDroppedBefore) keep no cells.
 */
export function accrueMedia(_tenant: Tenant, campaign: MediaCampaign, until: number, droppedBefore = Number.NEGATIVE_INFINITY): AccrueOutcome {
  const since = campaign.runningSince;
  if (since === null || until <= since) return "running";
  // The last hour is a piece of its own, as hourly ticks cut it: a budget that runs out cuts that hour only.
  const lastHour = Math.max(since, hourStart(until - 1));
  let start = since;
  while (start < until) {
    const index = moscowDayIndex(start);
    const dayEnd = dayIndexStart(index + 1);
    // A whole day retention surely drops, paid in full, is one piece (its amounts are on the grid: no cut, no difference).
    if (index < droppedBefore && start === dayIndexStart(index) && dayEnd <= until && foldDroppedDay(campaign, index)) {
      start = dayEnd;
      continue;
    }
    const end = Math.min(start < lastHour ? lastHour : until, dayEnd);
    const day = moscowDate(start);
    book(campaign, day, piece(campaign, start, end, bookedOn(campaign, day)), index >= droppedBefore || start !== dayIndexStart(index) || end !== dayEnd);
    start = end;
  }
  campaign.runningSince = until;
  if (budgetSpent(campaign)) return "budget";
  // The day `until` falls in: at midnight a new day begins, with every daily limit fresh.
  if (dailyLimitReached(campaign, moscowDate(until))) return "daily";
  return "running";
}

/** The most views a banner gets on one day (the hourly rate is at most 900; one more per app for rounding). */
const MAX_DAY_VIEWS = 900 * 24 + MEDIA_APPS.length;

/**
 * Whether the running campaign surely goes on running (no pause for its budget or daily limits) until
 * `to`: a day-rate (type 1) campaign always; a views (type 2) one when a banner has no daily limit and
 * the budget pays for the most views every banner could get by then.
 */
export function surelyRunsUntil(campaign: MediaCampaign, to: number): boolean {
  const since = campaign.runningSince;
  if (since === null) return false;
  if (campaign.type !== 2) return true;
  if (campaign.items.length === 0 || campaign.items.every((item) => item.dailyLimit > 0)) return false;
  const days = moscowDayIndex(to) - moscowDayIndex(since) + 1;
  const perDay = campaign.items.reduce((sum, item) => sum + (MAX_DAY_VIEWS * item.cpm) / 1000, 0);
  return campaign.budget - (perDay * days + 1) >= cheapestView(campaign);
}

/**
 * The first whole hour in (runningSince, to] at which the campaign would pause: its budget no longer
 * pays a view (type 2), or every banner reached its daily limit (type 2); undefined when neither.
 */
export function mediaPauseHour(campaign: MediaCampaign, to: number): number | undefined {
  const since = campaign.runningSince;
  if (since === null || campaign.type !== 2 || campaign.items.length === 0) return undefined;
  const limited = campaign.items.every((item) => item.dailyLimit > 0);
  const floor = campaign.budget - cheapestView(campaign);
  let spent = 0;
  const firstDay = moscowDate(since);
  const bookedBy = (start: number): BookedViews => (moscowDate(start) === firstDay ? bookedOn(campaign, firstDay) : () => 0);
  return firstHour(since, to, {
    reached: (start, at) => {
      const booked = bookedBy(start);
      const cells = piece(campaign, start, at, booked);
      if (spent + pieceExpenses(cells) > floor) return true;
      if (!limited) return false;
      // Whether the limits are used up just before `at` (at midnight the next day begins afresh).
      const before = Math.min(at, dayIndexStart(moscowDayIndex(start) + 1) - 1);
      const today = before === at ? cells : piece(campaign, start, before, booked);
      return campaign.items.every((item, i) => {
        let spentToday = 0;
        MEDIA_APPS.forEach((_, a) => {
          spentToday += ((booked(item, a) + (today[i]?.[a]?.views ?? 0)) * item.cpm) / 1000;
        });
        return item.dailyLimit - spentToday < item.cpm / 1000;
      });
    },
    commit: (start, end) => {
      spent += pieceExpenses(piece(campaign, start, end, bookedBy(start)));
    },
  });
}
