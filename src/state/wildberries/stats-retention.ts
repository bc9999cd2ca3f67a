import type { Tenant } from "../kernel/tenant.js";
import { cellKey, MEDIA_APPS } from "./media-traffic.js";
import type { MediaCampaign } from "./model.js";
import { DAY_MS, moscowDate, moscowDayStart } from "./moscow-time.js";
import type { WildberriesState } from "./state.js";
import { addDayWords } from "./traffic-math.js";
import type { WildberriesMemo } from "./traffic-memo.js";
import { dayIndexStart, moscowDayIndex } from "./traffic-clock.js";
import { WORD_METRICS, type CampaignTraffic } from "./traffic-model.js";

const moscowDayIndexOf = (day: string): number => moscowDayIndex(moscowDayStart(day) ?? 0);

/**
 * How many Moscow days of per-day statistics the sandbox keeps: fullstats days, keyword statistics,
 * upd rows, media statistics. Wildberries' documents name no depth (only 31 days per fullstats or upd
 * request, 7 per keyword request); without a bound a century of simulated traffic would be a state of
 * tens of megabytes. Figures over a campaign's whole life (stat-words clusters, stat/words totals,
 * media `expenses`, budgets) still count the dropped days.
 */
export const STATS_RETENTION_DAYS = 366;

/** The first Moscow day still kept at `now`, and its day number (traffic-clock.ts moscowDayIndex). */
export const oldestKeptDay = (now: number): string => moscowDate(now - (STATS_RETENTION_DAYS - 1) * DAY_MS);
export const oldestKeptIndex = (now: number): number => moscowDayIndex(now) - (STATS_RETENTION_DAYS - 1);

/**
 * The days a traffic tick may account without writing their per-day statistics: those numbered below
 * the returned day number, which retention is sure to drop before anything reads them. `until` is how
 * long the ticks are sure to go on (traffic-clock.ts surelyTicksUntil); their last tick, at most an
 * hour before it, drops every day before oldestKeptIndex of its instant (a day's margin is kept).
 * Such days still feed the whole-life figures: budgets, media `expenses`, `pastWords`, upd numbers.
 */
export const surelyDroppedBefore = (until: number): number => oldestKeptIndex(until - DAY_MS);

/** The campaign's pastWords, grown to hold every keyword (as dropping a day leaves them). */
export function pastWordsOf(traffic: CampaignTraffic): number[] {
  const past = traffic.pastWords;
  for (let i = past.length; i < traffic.keywords.length * WORD_METRICS; i++) past.push(0);
  return past;
}

/** Adds one day's keyword figures (its search groups, traffic-model.ts DayTraffic) to the campaign's pastWords. */
export function foldPastWords(traffic: CampaignTraffic, search: readonly number[]): void {
  addDayWords(traffic, search, pastWordsOf(traffic));
}

/** Drops a promotion campaign's days before `oldest`, folding their keyword figures into pastWords. */
function dropCampaignDays(traffic: CampaignTraffic, oldest: string): void {
  let count = 0;
  while (count < traffic.days.length && (traffic.days[count]?.day ?? oldest) < oldest) count++;
  if (count === 0) return;
  for (const day of traffic.days.slice(0, count)) foldPastWords(traffic, day.search);
  traffic.days.splice(0, count);
}

/**
 * Drops a media campaign's cells of days before `oldest` (keys "YYYY-MM-DD|itemId|appType"), remembering
 * in `memo` the first day that may still have cells.
 */
export function dropMediaDays(memo: WildberriesMemo, campaign: MediaCampaign, oldest: string): void {
  const last = moscowDayIndexOf(oldest);
  let first = memo.mediaFirstDay.get(campaign);
  if (first === undefined) {
    // Cells are added day after day, so the first key holds the oldest day kept.
    first = last;
    for (const key in campaign.traffic) {
      first = moscowDayIndexOf(key.slice(0, 10));
      break;
    }
  }
  if (last - first > PROBE_DAYS) dropMediaCells(campaign, moscowDate(dayIndexStart(first)), oldest);
  else {
    for (let index = first; index < last; index++) {
      const day = moscowDate(dayIndexStart(index));
      for (const item of campaign.items) for (const [app] of MEDIA_APPS) delete campaign.traffic[cellKey(day, item.id, app)];
    }
  }
  memo.mediaFirstDay.set(campaign, Math.max(first, last));
}

/**
 * Beyond this many days dropMediaDays reads the cells there are instead of naming every cell of every
 * day: during a long clock move most days have none (stats-retention is sure to drop them, so they
 * are never written), and the cells kept are at most a year's.
 */
const PROBE_DAYS = 2;

/** Deletes the cells of the campaign's banners on days from `from` to before `until` ("YYYY-MM-DD", which sort as days do). */
function dropMediaCells(campaign: MediaCampaign, from: string, until: string): void {
  const items = new Set(campaign.items.map((item) => String(item.id)));
  const apps = new Set(MEDIA_APPS.map(([app]) => String(app)));
  for (const key of Object.keys(campaign.traffic)) {
    // "YYYY-MM-DD|…" sorts before `until` exactly when its day does.
    if (key < from || key >= until) continue;
    const day = key.slice(0, 10);
    const [, item = "", app = ""] = key.split("|");
    if (items.has(item) && apps.has(app) && key === cellKey(day, Number(item), Number(app))) delete campaign.traffic[key];
  }
}

/** Drops upd rows of days before `oldest`, keeping the campaigns' indexes of today's rows right. */
function dropUpdRows(state: WildberriesState, oldest: string): void {
  if (!state.upd.some((row) => row.day < oldest)) return;
  const moved = new Map<number, number>();
  const kept = state.upd.filter((row, index) => {
    if (row.day < oldest) return false;
    moved.set(index, moved.size);
    return true;
  });
  state.upd = kept;
  for (const traffic of state.traffic.byCampaign.values()) {
    for (const source of [0, 1, 3] as const) traffic.updRows[source] = moved.get(traffic.updRows[source]) ?? -1;
  }
}

/** Drops every per-day statistic of the tenant's promotion campaigns older than STATS_RETENTION_DAYS. */
export function dropOldStats(tenant: Tenant, state: WildberriesState): void {
  const oldest = oldestKeptDay(tenant.now());
  if (state.memo.lastDrop === oldest) return;
  state.memo.lastDrop = oldest;
  for (const traffic of state.traffic.byCampaign.values()) {
    const first = traffic.days[0];
    if (first !== undefined && first.day < oldest) dropCampaignDays(traffic, oldest);
  }
  const first = state.upd[0];
  if (first !== undefined) dropUpdRows(state, oldest);
}
