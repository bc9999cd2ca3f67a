import type { Tenant } from "../kernel/tenant.js";
import { DAY_MS, MOSCOW_OFFSET_MS } from "./moscow-time.js";

/**
 * The time base of both traffic simulations (promotion campaigns and media campaigns).
 *
 * Traffic is a closed form per campaign and Moscow day: what has accrued from the day's midnight to
 * an instant t is a function of t alone (the day's seeded draws come from a hash of the campaign's
 * seed and the day, not from the tenant's sequential generator). Accounting [a, b] adds value(b) -
 * value(a), so cutting a stretch into pieces anywhere gives the same cells: an advance split into
 * several smaller ones leaves the same state as one big one, and a century costs one step per day,
 * not one per hour.
 */
export const HOUR_MS = 3_600_000;

/**
 * Traffic timers tick every hour while the clock move in progress ends within this long; further
 * out they jump (to the next other timer, the hour a budget or limit runs out, or this long before
 * the move's end), which gives the same state since accounting does not depend on where it is cut.
 */
export const HOURLY_TAIL_MS = 7 * DAY_MS;
/** A jump accounts at most this long at once (the state it leaves behind stays small between jumps). */
export const MAX_JUMP_MS = 31 * DAY_MS;

/** The traffic timers: hourly ticks that only touch their own campaigns, so they may jump past each other. */
export const TRAFFIC_TIMER = "wildberries.traffic";
export const MEDIA_TRAFFIC_TIMER = "wildberries.mediaTraffic";
export const TRAFFIC_KINDS: ReadonlySet<string> = new Set([TRAFFIC_TIMER, MEDIA_TRAFFIC_TIMER]);

export const hourStart = (at: number): number => Math.floor(at / HOUR_MS) * HOUR_MS;
export const nextHour = (at: number): number => hourStart(at) + HOUR_MS;

/** The Moscow day number of an instant (days since 1970-01-01 Moscow) and that day's midnight. */
export const moscowDayIndex = (at: number): number => Math.floor((at + MOSCOW_OFFSET_MS) / DAY_MS);
export const dayIndexStart = (index: number): number => index * DAY_MS - MOSCOW_OFFSET_MS;

/** A 32-bit hash (murmur3 finaliser) of a seed and k, unsigned. */
export function hash(seed: number, k: number): number {
  let h = (seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The k-th uniform number in [0, 1) of a seed. */
export const unit = (seed: number, k: number): number => hash(seed, k) / 4294967296;

/** The seed of one campaign's day: every draw of that day derives from it. */
export const daySeed = (campaignSeed: number, dayIndex: number): number => hash(campaignSeed, dayIndex);

/**
 * Where the traffic timer that fires now should fire next: at the next hour, unless the clock move in
 * progress goes on for longer than HOURLY_TAIL_MS and no other timer (but the traffic timers, which
 * never touch each other's campaigns) is due before; then at the last whole hour before both.
 * `cap` (a campaign's end) bounds the jump too, and so does MAX_JUMP_MS: such a jump lands on a Moscow
 * midnight, so the days in between are accounted whole (days retention surely drops then keep no
 * cells, stats-retention.ts surelyDroppedBefore).
 */
export function nextTrafficTick(tenant: Tenant, cap = Number.POSITIVE_INFINITY): number {
  const now = tenant.now();
  const hourly = nextHour(now);
  const horizon = tenant.settleHorizon();
  if (horizon === null || horizon - HOURLY_TAIL_MS <= hourly) return hourly;
  const other = tenant.scheduler.nextAt((kind) => !TRAFFIC_KINDS.has(kind)) ?? Number.POSITIVE_INFINITY;
  const far = Math.min(hourStart(Math.min(horizon - HOURLY_TAIL_MS, other, cap)), dayIndexStart(moscowDayIndex(now + MAX_JUMP_MS)));
  return Math.max(hourly, far);
}

/**
 * How long traffic ticks are sure to go on, if the campaigns they account keep running: to the end of
 * the clock move in progress, the next other timer (which may change a campaign) or `cap`, whichever
 * comes first. Nothing is sure outside a clock move (the tenant's own calls may come): then `now`.
 */
export function surelyTicksUntil(tenant: Tenant, cap = Number.POSITIVE_INFINITY): number {
  const now = tenant.now();
  const horizon = tenant.settleHorizon();
  if (horizon === null) return now;
  const other = tenant.scheduler.nextAt((kind) => !TRAFFIC_KINDS.has(kind)) ?? Number.POSITIVE_INFINITY;
  return Math.max(now, Math.min(horizon, other, cap));
}

/** A running check over a stretch, day by day: whether a limit is reached by `at`, and the day's part to count. */
export interface HourCheck {
  /** Whether the limit is reached at `at` (> start, same Moscow day), given every earlier day committed. */
  reached(start: number, at: number): boolean;
  /** Counts [start, end] (one Moscow day's part) and moves on. */
  commit(start: number, end: number): void;
}

/**
 * The first whole hour h in (from, to] (`to` a whole hour) at which the check's limit is reached, or
 * undefined: each day is checked at its end, then the hours of the day where it is first reached by
 * binary search, so a century costs one check per day. `reached` must be monotone in `at`.
 */
export function firstHour(from: number, to: number, check: HourCheck): number | undefined {
  let dayEnd = dayIndexStart(moscowDayIndex(from) + 1);
  let start = from;
  while (start < to) {
    const end = Math.min(dayEnd, to);
    if (check.reached(start, end)) {
      let lo = hourStart(start);
      let hi = end;
      // Invariant: reached at hi; lo is no candidate (at or before start, or not reached).
      while (hi - lo > HOUR_MS) {
        const mid = lo + Math.floor((hi - lo) / HOUR_MS / 2) * HOUR_MS;
        if (mid > start && check.reached(start, mid)) hi = mid;
        else lo = mid;
      }
      return hi;
    }
    check.commit(start, end);
    start = end;
    dayEnd += DAY_MS;
  }
  return undefined;
}
