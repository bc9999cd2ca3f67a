import type { JsonObject } from "../kernel/json.js";
import type { TimerHandler } from "../kernel/provider.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { setCampaignStatus } from "./campaign-status.js";
import type { Campaign } from "./model.js";
import { DAY_MS } from "./moscow-time.js";
import { dropOldStats, surelyDroppedBefore } from "./stats-retention.js";
import { dayIndexStart, moscowDayIndex, surelyTicksUntil, TRAFFIC_TIMER } from "./traffic-clock.js";
import { accrueTraffic, surelyPaysUntil, type AccrualHints } from "./traffic-slice.js";
import type { Runner } from "./traffic-memo.js";
import { ensureTick, forgetRunners, runnersOf } from "./traffic-timers.js";

// The traffic tick (the timer handler), apart from starting and stopping traffic (traffic-timers.ts): the
// tick pauses campaigns whose budget ran out (campaign-status.ts), and a status change starts or stops
// traffic, so one module holding both would import itself round.

/**
 * What the tick may skip, per runner: the hour a budget runs out where it surely pays up to now, and
 * the cells of days retention surely drops. Ticks surely go on firing (and dropping old statistics,
 * stats-retention.ts) while one of their campaigns surely has the budget to stay active until the
 * clock move ends or another timer comes (traffic-clock.ts surelyTicksUntil); nothing is sure beyond
 * now otherwise.
 */
function hintsOf(tenant: Tenant, list: readonly Runner[]): AccrualHints[] {
  const now = tenant.now();
  const until = surelyTicksUntil(tenant);
  const paid = list.map((runner) => surelyPaysUntil(tenant, runner.campaign, runner.traffic, until, runner));
  const droppedBefore = surelyDroppedBefore(paid.includes(true) ? until : now);
  return paid.map((sure) => ({ droppedBefore, paidThrough: sure ? now : Number.NEGATIVE_INFINITY }));
}

/**
 * The tick: every active campaign gets its traffic up to now, a Moscow day at a time for all of them
 * (so upd rows open in the same order however the time is cut; days retention surely drops open none
 * and go first); those whose budget ran out go to 11.
 */
function tick(tenant: Tenant, timerId: number): JsonObject | void {
  const state = peekState(tenant, "wildberries");
  if (state === undefined) return;
  const traffic = state.traffic;
  traffic.timer = null;
  traffic.timerAt = null;
  const now = tenant.now();
  const exhausted: Campaign[] = [];
  let stale = false;
  const list = runnersOf(state).filter((runner) => {
    if (runner.campaign.status === 9) return true;
    stale = true;
    return false;
  });
  const hints = hintsOf(tenant, list);
  // Days retention surely drops keep no upd rows, so the order they are taken in changes nothing: each campaign takes them at once.
  const dropEnd = Math.min(now, dayIndexStart(hints[0]?.droppedBefore ?? Number.NEGATIVE_INFINITY));
  list.forEach((runner, i) => {
    if ((runner.traffic.accruedTo ?? now) >= dropEnd) return;
    if (accrueTraffic(tenant, state, runner.campaign, runner.traffic, dropEnd, runner, hints[i])) exhausted.push(runner.campaign);
  });
  let from = now;
  for (const runner of list) if (!exhausted.includes(runner.campaign)) from = Math.min(from, runner.traffic.accruedTo ?? now);
  for (let day = moscowDayIndex(from); dayIndexStart(day) < now; day++) {
    const until = Math.min(now, dayIndexStart(day) + DAY_MS);
    list.forEach((runner, i) => {
      if (exhausted.includes(runner.campaign)) return;
      if (accrueTraffic(tenant, state, runner.campaign, runner.traffic, until, runner, hints[i])) exhausted.push(runner.campaign);
    });
  }
  const campaigns = traffic.active.length;
  if (stale) {
    traffic.active = traffic.active.filter((id) => state.campaigns.get(id)?.status === 9);
    forgetRunners(state);
  }
  dropOldStats(tenant, state);
  for (const campaign of exhausted) setCampaignStatus(tenant, campaign, 11);
  if (traffic.active.length > 0) ensureTick(tenant, state, timerId);
  return exhausted.length === 0 ? { campaigns } : { campaigns, budgetSpent: exhausted.map((c) => c.advertId) };
}

/** Timers of the traffic simulation of active (9) campaigns. */
export const trafficTimers: Record<string, TimerHandler> = { [TRAFFIC_TIMER]: (tenant, timer) => tick(tenant, timer.id) };
