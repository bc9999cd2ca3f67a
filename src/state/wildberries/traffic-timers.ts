import type { JsonObject } from "../kernel/json.js";
import type { TimerHandler } from "../kernel/provider.js";
import type { Tenant } from "../kernel/tenant.js";
import { setCampaignStatus } from "./campaign-status.js";
import { seedKeywords } from "./keywords-seed.js";
import type { Campaign } from "./model.js";
import { existingState, wildberriesState, type WildberriesState } from "./state.js";
import type { CampaignTraffic, TrafficState } from "./traffic-model.js";
import type { EligibilityMemo } from "./keywords-eligible.js";
import { accrueSlice, SLOT_MS } from "./traffic-slice.js";

/**
 * The simulation runs on one hourly tick per tenant, not one timer per campaign: at each whole hour
 * every active (9) campaign gets the traffic of the hour that just ended. A campaign that starts
 * mid-hour gets the rest of that hour at the next tick; one that leaves 9 mid-hour gets its part of
 * the hour at that instant. So traffic exists exactly while a campaign is in 9, and a month of a
 * thousand campaigns is 720 timer firings.
 */
export const TRAFFIC_TIMER = "wildberries.traffic";

const nextSlot = (at: number) => Math.floor(at / SLOT_MS) * SLOT_MS + SLOT_MS;

/** An active campaign as the tick walks it: resolved once, not looked up every hour. Not state. */
interface Runner extends EligibilityMemo {
  campaign: Campaign;
  traffic: CampaignTraffic;
}

/** The tick's list of runners per tenant state, dropped whenever the active set changes. */
const runners = new WeakMap<TrafficState, Runner[]>();

function runnersOf(state: WildberriesState): Runner[] {
  const known = runners.get(state.traffic);
  if (known !== undefined) return known;
  const list: Runner[] = [];
  for (const advertId of state.traffic.active) {
    const campaign = state.campaigns.get(advertId);
    const traffic = state.traffic.byCampaign.get(advertId);
    if (campaign !== undefined && traffic !== undefined) list.push({ campaign, traffic, cached: undefined });
  }
  runners.set(state.traffic, list);
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
    ctr: 0.02 + 0.04 * tenant.rng.next(),
    atbRate: 0.08 + 0.12 * tenant.rng.next(),
    orderRate: 0.2 + 0.25 * tenant.rng.next(),
    accruedTo: null,
    activeMs: 0,
    unbilledKop: 0,
    days: [],
    updDay: "",
    updRows: { 0: -1, 1: -1, 3: -1 },
  };
}

function ensureTick(tenant: Tenant, state: WildberriesState): void {
  const traffic = state.traffic;
  if (traffic.timer !== null) return;
  const at = nextSlot(tenant.now());
  traffic.timer = tenant.schedule(at, TRAFFIC_TIMER, {});
  traffic.timerAt = at;
}

/** Accounts a campaign's traffic up to `to`, slot by slot; true when its budget ran out on the way. */
function accrueUntil(tenant: Tenant, state: WildberriesState, campaign: Campaign, traffic: CampaignTraffic, to: number, memo?: EligibilityMemo): boolean {
  let from = traffic.accruedTo;
  if (from === null) return false;
  while (from < to) {
    const end = Math.min(to, nextSlot(from));
    const exhausted = accrueSlice(tenant, state, campaign, traffic, from, end, memo);
    traffic.accruedTo = end;
    from = end;
    if (exhausted) return true;
  }
  return false;
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
  runners.delete(state.traffic);
  ensureTick(tenant, state);
}

/** The campaign left 9: it gets the traffic of its part of the current hour, then none. */
export function stopTraffic(tenant: Tenant, campaign: Campaign): void {
  const state = existingState(tenant);
  if (state === undefined) return;
  const traffic = state.traffic.byCampaign.get(campaign.advertId);
  if (traffic !== undefined && traffic.accruedTo !== null) {
    accrueUntil(tenant, state, campaign, traffic, tenant.now());
    traffic.accruedTo = null;
  }
  const active = state.traffic.active;
  const at = active.indexOf(campaign.advertId);
  if (at !== -1) active.splice(at, 1);
  runners.delete(state.traffic);
  if (active.length === 0 && state.traffic.timer !== null) {
    tenant.cancel(state.traffic.timer);
    state.traffic.timer = null;
    state.traffic.timerAt = null;
  }
}

/** The hourly tick: every active campaign gets the hour's traffic; those whose budget ran out go to 11 now. */
function tick(tenant: Tenant): JsonObject | void {
  const state = existingState(tenant);
  if (state === undefined) return;
  const traffic = state.traffic;
  traffic.timer = null;
  traffic.timerAt = null;
  const now = tenant.now();
  const exhausted: Campaign[] = [];
  let stale = false;
  for (const runner of runnersOf(state)) {
    const campaign = runner.campaign;
    if (campaign.status !== 9) {
      stale = true;
      continue;
    }
    if (accrueUntil(tenant, state, campaign, runner.traffic, now, runner)) exhausted.push(campaign);
  }
  const campaigns = traffic.active.length;
  if (stale) {
    traffic.active = traffic.active.filter((id) => state.campaigns.get(id)?.status === 9);
    runners.delete(traffic);
  }
  for (const campaign of exhausted) setCampaignStatus(tenant, campaign, 11);
  if (traffic.active.length > 0) ensureTick(tenant, state);
  return exhausted.length === 0 ? { campaigns } : { campaigns, budgetSpent: exhausted.map((c) => c.advertId) };
}

/** Timers of the traffic simulation of active (9) campaigns. */
export const trafficTimers: Record<string, TimerHandler> = { [TRAFFIC_TIMER]: (tenant) => tick(tenant) };
