/**
 * The traffic simulation's store. Only per-day aggregates are kept (no per-slot history): for each
 * campaign that has ever been active, one `DayTraffic` per Moscow day it had traffic, holding flat
 * number arrays (cheap to add to, JSON-shaped for snapshots). Every statistic (fullstats, stat-words,
 * stat/words, stats/keywords) and every upd row is computed from these cells, so totals are always
 * the sums of their parts.
 */

/** App types in cell order: 1 site, 32 Android, 64 iOS. */
export const APP_TYPES = [1, 32, 64] as const;
export const APP_COUNT = APP_TYPES.length;

/** Metrics of one (nm, app) cell, in this order. */
export const VIEWS = 0;
export const CLICKS = 1;
export const ATBS = 2;
export const ORDERS = 3;
export const SHKS = 4;
/** Spend in kopecks (integer). */
export const SPEND_KOP = 5;
/** Orders amount in whole rubles. */
export const SUM_PRICE = 6;
/** Σ views × position (type 8 boosterStats: average position = this / views). */
export const POSITION_SUM = 7;
export const METRICS = 8;

/**
 * Search traffic is stored per day and keyword regime (which keywords were eligible, with which
 * weights), as groups of SEARCH_GROUP numbers: regime, views, clicks, spend kopecks. Reads split a
 * group over its regime's keywords (traffic-math.ts dayWords), so each slice adds three numbers
 * whatever the number of keywords.
 */
export const SEARCH_GROUP = 4;

/** Metrics of one keyword on one day, as reads derive them: views, clicks, spend kopecks. */
export const WORD_VIEWS = 0;
export const WORD_CLICKS = 1;
export const WORD_SPEND_KOP = 2;
export const WORD_METRICS = 3;

/** One campaign's traffic on one Moscow day. */
export interface DayTraffic {
  /** "YYYY-MM-DD", Moscow. */
  day: string;
  /** The nms with cells, in cell order (an nm added to the campaign mid-day is appended). */
  nms: number[];
  /** nms.length × APP_COUNT × METRICS numbers: cell (nm i, app a) starts at (i × APP_COUNT + a) × METRICS. */
  cells: number[];
  /** Search traffic groups: [regime, views, clicks, spend kopecks] per keyword regime used that day. */
  search: number[];
}

/** The simulation's memory of one campaign (created when it first enters 9). */
export interface CampaignTraffic {
  advertId: number;
  /** The seeded keyword set (phrases searched for), plus fixed phrases once they got traffic. */
  keywords: string[];
  /** The cluster each keyword belongs to (automatic campaigns' stat-words). */
  clusters: string[];
  /** Relative search popularity of each keyword. */
  weights: number[];
  /** Every keyword regime the campaign has had: eligible keyword indexes and their cumulative weights (ending at 1). */
  regimes: KeywordRegime[];
  /** Seeds the campaign's daily draws (traffic-clock.ts daySeed): drawn once, when it first enters 9. */
  seed: number;
  /** Seeded behaviour: click-through, add-to-basket per click, order per add-to-basket. */
  ctr: number;
  atbRate: number;
  orderRate: number;
  /** While in 9: traffic is accounted up to this instant; null when not active. */
  accruedTo: number | null;
  /** Total time spent active (ms), for stat/words `duration`. */
  activeMs: number;
  /** Spend not yet charged to the budget: the budget and upd move in whole rubles (0-99 kopecks). */
  unbilledKop: number;
  /** Days with traffic, ascending; only the last STATS_RETENTION_DAYS (stats-retention.ts). */
  days: DayTraffic[];
  /**
   * Per-keyword totals (views, clicks, spend kopecks; WORD_METRICS numbers per keyword) of the days
   * dropped from `days`, so that all-time keyword figures (stat-words, stat/words) stay whole.
   */
  pastWords: number[];
  /** Index in WildberriesState.upd of today's row per money source (0, 1, 3), and the day they are for. */
  updDay: string;
  updRows: { 0: number; 1: number; 3: number };
}

export interface KeywordRegime {
  indexes: number[];
  cumulative: number[];
}

export interface TrafficState {
  /** Every campaign that has ever been active, by advertId. */
  byCampaign: Map<number, CampaignTraffic>;
  /** advertIds of the campaigns in 9, in the order they became active. */
  active: number[];
  /** The one pending hourly tick that advances every active campaign (null when none is active). */
  timer: number | null;
  timerAt: number | null;
}

export function emptyTraffic(): TrafficState {
  return { byCampaign: new Map(), active: [], timer: null, timerAt: null };
}
