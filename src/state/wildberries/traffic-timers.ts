import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { seedKeywords } from "./keywords-seed.js";
import type { Campaign } from "./model.js";
import { wildberriesState, type WildberriesState } from "./state.js";
import { nextHour, nextTrafficTick, TRAFFIC_TIMER } from "./traffic-clock.js";
import type { Runner } from "./traffic-memo.js";
import type { CampaignTraffic } from "./traffic-model.js";
import { accrueTraffic, budgetRunsOut } from "./traffic-slice.js";

/**
 * The simulation runs on one tick per tenant, not one timer per campaign: at each whole hour every
 * active (9) campaign gets the traffic of the time since the last tick, day by day, all campaigns in
 * step. A campaign that starts mid-hour gets the rest of that hour at the next tick; one that leaves 9
 * mid-hour gets its part of the hour at that instant. During a long clock move the tick jumps
 * (traffic-clock.ts nextTrafficTick), stopping at the hour a budget runs out, so a century costs one
 * step per day and campaign and leaves the same state as hourly ticks.
 */
export { TRAFFIC_TIMER };

/**
 * The tick's runners (traffic-memo.ts), rebuilt after the active set changed; a campaign still active
 * keeps its eligibility memo.
 */
export function runnersOf(state: WildberriesState): Runner[] {
  const memo = state.memo;
  if (!memo.runnersStale) return memo.runners;
  const previous = new Map(memo.runners.map((runner) => [runner.traffic, runner]));
  const list: Runner[] = [];
  for (const advertId of state.traffic.active) {
    const campaign = state.campaigns.get(advertId);
    const traffic = state.traffic.byCampaign.get(advertId);
    if (campaign !== undefined && traffic !== undefined) list.push({ campaign, traffic, cached: previous.get(traffic)?.cached });
  }
  memo.runners = list;
  memo.runnersStale = false;
  return list;
}

function newTraffic(tenant: Tenant, state: WildberriesState, campaign: Campaign): CampaignTraffic {
  const { keywords, clusters, weights } = seedKeywords(tenant, campaign, state.catalogue);
  return {
    advertId: campaign.advertId,
    keywords,
    clusters,
    weights,
    regimes: [],
    seed: tenant.rng.nextUint32(),
    ctr: 0.02 + 0.04 * tenant.rng.next(),
    atbRate: 0.08 + 0.12 * tenant.rng.next(),
    orderRate: 0.2 + 0.25 * tenant.rng.next(),
    accruedTo: null,
    activeMs: 0,
    unbilledKop: 0,
    days: [],
    pastWords: [],
    updDay: "",
    updRows: { 0: -1, 1: -1, 3: -1 },
  };
}

/**
 * Schedules the tick (under `reuse`, the id it fired with, when there is one): the next hour, or
 * during a long clock move the jump target, brought forward to the first hour a budget runs out.
 */
export function ensureTick(tenant: Tenant, state: WildberriesState, reuse?: number): void {
  const traffic = state.traffic;
  if (traffic.timer !== null) return;
  const now = tenant.now();
  let at = nextTrafficTick(tenant);
  if (at > nextHour(now)) {
    for (const runner of runnersOf(state)) {
      const from = runner.traffic.accruedTo;
      if (runner.campaign.status !== 9 || from === null) continue;
      const runsOut = budgetRunsOut(tenant, runner.campaign, runner.traffic, from, at, runner);
      if (runsOut !== undefined && runsOut < at) at = Math.max(runsOut, nextHour(now));
    }
  }
  traffic.timer = reuse === undefined ? tenant.schedule(at, TRAFFIC_TIMER, {}) : tenant.scheduler.reschedule(reuse, at, TRAFFIC_TIMER, {});
  traffic.timerAt = at;
}

/** The campaign entered 9: traffic accrues from now. */
export function startTraffic(tenant: Tenant, campaign: Campaign): void {
  const state = wildberriesState(tenant);
  let traffic = state.traffic.byCampaign.get(campaign.advertId);
  if (traffic === undefined) {
    traffic = newTraffic(tenant, state, campaign);
    state.traffic.byCampaign.set(campaign.advertId, traffic);
  }
  traffic.accruedTo = tenant.now();
  if (!state.traffic.active.includes(campaign.advertId)) state.traffic.active.push(campaign.advertId);
  forgetRunners(state);
  ensureTick(tenant, state);
}

/** The campaign left 9: it gets the traffic of its part of the current hour, then none. */
export function stopTraffic(tenant: Tenant, campaign: Campaign): void {
  const state = peekState(tenant, "wildberries");
  if (state === undefined) return;
  const traffic = state.traffic.byCampaign.get(campaign.advertId);
  if (traffic !== undefined && traffic.accruedTo !== null) {
    accrueTraffic(tenant, state, campaign, traffic, tenant.now(), state.memo.runners.find((runner) => runner.traffic === traffic));
    traffic.accruedTo = null;
  }
  const active = state.traffic.active;
  const at = active.indexOf(campaign.advertId);
  if (at !== -1) active.splice(at, 1);
  forgetRunners(state);
  if (active.length === 0 && state.traffic.timer !== null) {
    tenant.cancel(state.traffic.timer);
    state.traffic.timer = null;
    state.traffic.timerAt = null;
  }
}

/** The active set changed: the tick's runners are rebuilt at their next use. */
export function forgetRunners(state: WildberriesState): void {
  state.memo.runnersStale = true;
}
