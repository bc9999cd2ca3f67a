import type { WildberriesSnapshot } from "../../contracts/wildberries/snapshot.js";
import { MEDIA_CELL_KEY } from "../../contracts/wildberries/snapshot.js";
import type { Timer } from "../kernel/scheduler.js";
import type { Tenant } from "../kernel/tenant.js";
import { TIMER_BIDS } from "./campaign-bids.js";
import { TIMER_ACTION, TIMER_PURGE, unlistedAt } from "./campaign-machine.js";
import { TIMER_MEDIA_DAY, TIMER_MEDIA_LAUNCH, TIMER_MEDIA_TRAFFIC } from "./media-machine.js";
import { ADVERT_ID } from "./timer-fields.js";
import { APP_COUNT, METRICS, SEARCH_GROUP } from "./traffic-model.js";
import { TRAFFIC_TIMER } from "./traffic-timers.js";

/**
 * The checks of a Wildberries snapshot that span several fields, made after the schema accepted its
 * shape: ids unique, id counters at or above every id handed out (each counter holds the last id
 * given), campaign parameters matching the type, traffic arrays of the right lengths, and every timer
 * the state holds pending in the tenant's (already restored) scheduler with the right kind and
 * campaign. Returns the first problem as "path: what is wrong; what to do", or undefined.
 */
export function snapshotProblem(tenant: Tenant, s: WildberriesSnapshot): string | undefined {
  const timers = new Map(tenant.scheduler.pending().map((t) => [t.id, t]));
  return (
    catalogueProblem(s) ??
    moneyRowsProblem(s) ??
    campaignsProblem(s, timers) ??
    mediaProblem(s, timers) ??
    trafficProblem(s, timers)
  );
}

/** The first value that appears twice, with the index of its second appearance. */
function duplicate<T>(values: readonly T[]): { value: T; index: number } | undefined {
  const seen = new Set<T>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) return { value, index };
    seen.add(value);
  }
  return undefined;
}

function uniqueProblem(path: string, field: string, values: readonly number[]): string | undefined {
  const twice = duplicate(values);
  return twice === undefined ? undefined : `${path}[${twice.index}].${field}: ${field} ${String(twice.value)} appears twice; every ${field} must be unique`;
}

function counterProblem(counter: string, value: number, path: string, field: string, ids: readonly number[]): string | undefined {
  const index = ids.findIndex((x) => x > value);
  if (index === -1) return undefined;
  return `${counter}: ${value} is the last id handed out, but ${path}[${index}].${field} is ${ids[index]}; set ${counter} to at least the largest ${field}`;
}

/** A timer id held by the state must be a pending timer of `kind` for `advertId`. */
function timerProblem(timers: ReadonlyMap<number, Timer>, path: string, id: number | null, kind: string, advertId: number): string | undefined {
  if (id === null) return undefined;
  const timer = timers.get(id);
  if (timer === undefined) return `${path}: timer ${id} is not pending in scheduler.timers; add it there or set ${path} to null`;
  if (timer.kind !== kind || ADVERT_ID.read(timer.payload) !== advertId) {
    return `${path}: timer ${id} is a "${timer.kind}" timer for ${JSON.stringify(timer.payload)}, not a "${kind}" timer for advertId ${advertId}`;
  }
  return undefined;
}

function catalogueProblem(s: WildberriesSnapshot): string | undefined {
  const { subjects, nms } = s.catalogue;
  const subjectIds = new Set(subjects.map((x) => x.id));
  const orphan = nms.findIndex((n) => !subjectIds.has(n.subjectId));
  return (
    uniqueProblem("catalogue.subjects", "id", subjects.map((x) => x.id)) ??
    uniqueProblem("catalogue.nms", "nm", nms.map((n) => n.nm)) ??
    (orphan === -1 ? undefined : `catalogue.nms[${orphan}].subjectId: subject ${nms[orphan]?.subjectId} is not in catalogue.subjects`)
  );
}

function moneyRowsProblem(s: WildberriesSnapshot): string | undefined {
  const paymentIds = s.payments.map((p) => p.id);
  const updNums = s.upd.map((r) => r.updNum);
  return (
    uniqueProblem("payments", "id", paymentIds) ??
    counterProblem("nextPaymentId", s.nextPaymentId, "payments", "id", paymentIds) ??
    uniqueProblem("upd", "updNum", updNums) ??
    counterProblem("nextUpdNum", s.nextUpdNum, "upd", "updNum", updNums)
  );
}

function campaignsProblem(s: WildberriesSnapshot, timers: ReadonlyMap<number, Timer>): string | undefined {
  const ids = [...s.campaigns.map((c) => c.advertId), ...s.media.map((m) => m.advertId)];
  const twice = duplicate(ids);
  if (twice !== undefined) return `advertId ${twice.value} is used by two campaigns (promotion and media campaigns share one id sequence); every advertId must be unique`;
  const tooHigh = ids.find((x) => x > s.nextAdvertId);
  if (tooHigh !== undefined) return `nextAdvertId: ${s.nextAdvertId} is the last id handed out, but campaign ${tooHigh} exists; set nextAdvertId to at least the largest advertId`;
  const catalogue = new Set(s.catalogue.nms.map((n) => n.nm));
  const purges = new Set([...timers.values()].filter((t) => t.kind === TIMER_PURGE).map((t) => `${String(ADVERT_ID.read(t.payload))}@${t.at}`));
  for (const [i, c] of s.campaigns.entries()) {
    const path = `campaigns[${i}]`;
    if (c.type === 8 && (c.autoParams === null || c.unitedParams !== null)) return `${path}: an automatic (type 8) campaign has autoParams and unitedParams null`;
    if (c.type === 9 && (c.unitedParams === null || c.autoParams !== null)) return `${path}: an Auction (type 9) campaign has unitedParams and autoParams null`;
    const nms = [...(c.autoParams?.nms ?? []), ...(c.unitedParams ?? []).flatMap((u) => u.nms)];
    const unknownNm = nms.find((nm) => !catalogue.has(nm));
    if (unknownNm !== undefined) return `${path}: nm ${unknownNm} is not in catalogue.nms; campaigns advertise the seller's own nms only`;
    if (c.pendingAction !== null && c.pendingActionTimer === null) return `${path}.pendingActionTimer: a queued action "${c.pendingAction}" needs its timer`;
    if (c.pendingBids.length > 0 && c.pendingBidTimer === null) return `${path}.pendingBidTimer: queued bids need their timer`;
    const timer =
      timerProblem(timers, `${path}.pendingActionTimer`, c.pendingActionTimer, TIMER_ACTION, c.advertId) ??
      timerProblem(timers, `${path}.pendingBidTimer`, c.pendingBidTimer, TIMER_BIDS, c.advertId);
    if (timer !== undefined) return timer;
    if (c.status === -1) {
      if (c.purgeAt === null) return `${path}.purgeAt: a deleted (-1) campaign needs the instant it is purged`;
      // Its timer fires at purgeAt, then (realistic consistency) once more at the next sync, which unlists it.
      if (!purges.has(`${c.advertId}@${c.purgeAt}`) && !purges.has(`${c.advertId}@${unlistedAt(c.purgeAt)}`)) {
        return `${path}.purgeAt: no "${TIMER_PURGE}" timer for advertId ${c.advertId} at ${c.purgeAt} is pending in scheduler.timers`;
      }
    }
  }
  return undefined;
}

function mediaProblem(s: WildberriesSnapshot, timers: ReadonlyMap<number, Timer>): string | undefined {
  const items = s.media.flatMap((m, i) => m.items.map((item, j) => ({ id: item.id, path: `media[${i}].items[${j}]` })));
  const twice = duplicate(items.map((x) => x.id));
  if (twice !== undefined) return `${items[twice.index]?.path}.id: banner id ${twice.value} appears twice; every banner id must be unique`;
  const tooHigh = items.find((x) => x.id > s.nextMediaItemId);
  if (tooHigh !== undefined) return `nextMediaItemId: ${s.nextMediaItemId} is the last id handed out, but ${tooHigh.path}.id is ${tooHigh.id}; set it to at least the largest banner id`;
  for (const [i, m] of s.media.entries()) {
    const path = `media[${i}]`;
    const problem =
      timerProblem(timers, `${path}.launchTimer`, m.launchTimer, TIMER_MEDIA_LAUNCH, m.advertId) ??
      timerProblem(timers, `${path}.trafficTimer`, m.trafficTimer, TIMER_MEDIA_TRAFFIC, m.advertId) ??
      timerProblem(timers, `${path}.dayTimer`, m.dayTimer, TIMER_MEDIA_DAY, m.advertId);
    if (problem !== undefined) return problem;
    const own = new Set(m.items.map((item) => String(item.id)));
    for (const key of Object.keys(m.traffic)) {
      const itemId = MEDIA_CELL_KEY.exec(key)?.[2];
      if (itemId === undefined || !own.has(itemId)) return `${path}.traffic["${key}"]: banner ${itemId ?? "?"} is not one of this campaign's items`;
    }
  }
  return undefined;
}

function trafficProblem(s: WildberriesSnapshot, timers: ReadonlyMap<number, Timer>): string | undefined {
  const t = s.traffic;
  const ids = t.campaigns.map((c) => c.advertId);
  const problem = uniqueProblem("traffic.campaigns", "advertId", ids) ?? counterProblem("nextAdvertId", s.nextAdvertId, "traffic.campaigns", "advertId", ids);
  if (problem !== undefined) return problem;
  for (const [i, c] of t.campaigns.entries()) {
    const path = `traffic.campaigns[${i}]`;
    if (c.clusters.length !== c.keywords.length || c.weights.length !== c.keywords.length) {
      return `${path}: keywords, clusters and weights must have one entry per keyword (${c.keywords.length}, ${c.clusters.length}, ${c.weights.length})`;
    }
    for (const [d, day] of c.days.entries()) {
      const previous = c.days[d - 1];
      if (previous !== undefined && previous.day >= day.day) return `${path}.days[${d}].day: days must be ascending and unique ("${previous.day}" then "${day.day}")`;
      if (day.cells.length !== day.nms.length * APP_COUNT * METRICS) {
        return `${path}.days[${d}].cells: ${day.nms.length} nms need ${day.nms.length * APP_COUNT * METRICS} numbers (${APP_COUNT} apps × ${METRICS} metrics each), found ${day.cells.length}`;
      }
      const search = searchProblem(day.search, c.regimes.length);
      if (search !== undefined) return `${path}.days[${d}].search: ${search}`;
    }
    for (const [r, regime] of c.regimes.entries()) {
      if (regime.cumulative.length !== regime.indexes.length) return `${path}.regimes[${r}]: indexes and cumulative must have the same length`;
      const outside = regime.indexes.find((k) => k >= c.keywords.length);
      if (outside !== undefined) return `${path}.regimes[${r}].indexes: keyword ${outside} is past the ${c.keywords.length} keywords`;
    }
    for (const source of ["0", "1", "3"] as const) {
      const index = c.updRows[source];
      if (index === -1) continue;
      if (s.upd[index]?.advertId !== c.advertId) return `${path}.updRows.${source}: upd[${index}] is not a row of campaign ${c.advertId}`;
    }
  }
  const byId = new Map(t.campaigns.map((c) => [c.advertId, c]));
  const statusOf = new Map(s.campaigns.map((c) => [c.advertId, c.status]));
  const activeIds = new Set(t.active);
  const active = uniqueProblem("traffic", "active", t.active);
  if (active !== undefined) return active;
  for (const [i, advertId] of t.active.entries()) {
    const accruedTo = byId.get(advertId)?.accruedTo;
    if (accruedTo === undefined || accruedTo === null) {
      return `traffic.active[${i}]: campaign ${advertId} has no traffic.campaigns entry with accruedTo set`;
    }
    if (statusOf.get(advertId) !== 9) return `traffic.active[${i}]: campaign ${advertId} is not an active (9) campaign`;
  }
  const running = s.campaigns.find((c) => c.status === 9 && !activeIds.has(c.advertId));
  if (running !== undefined) return `traffic.active: campaign ${running.advertId} is active (9) but missing from traffic.active, so it would get no traffic`;
  if ((t.timer === null) !== (t.timerAt === null)) return "traffic.timerAt: set both timer and timerAt, or neither";
  if (t.active.length > 0 && t.timer === null) return "traffic.timer: active campaigns need the hourly traffic timer";
  if (t.timer === null) return undefined;
  const tick = timers.get(t.timer);
  if (tick === undefined || tick.kind !== TRAFFIC_TIMER) return `traffic.timer: timer ${t.timer} is not a pending "${TRAFFIC_TIMER}" timer in scheduler.timers`;
  if (tick.at !== t.timerAt) return `traffic.timerAt: ${t.timerAt} is not when timer ${t.timer} is due (${tick.at})`;
  return undefined;
}

/** Search groups of a day: SEARCH_GROUP numbers each, the first a whole regime index. */
function searchProblem(search: readonly number[], regimes: number): string | undefined {
  if (search.length % SEARCH_GROUP !== 0) return `${SEARCH_GROUP} numbers per group (regime, views, clicks, spend kopecks), found ${search.length} numbers`;
  for (let at = 0; at < search.length; at += SEARCH_GROUP) {
    const regime = search[at] ?? -1;
    if (!Number.isInteger(regime) || regime >= regimes) return `group ${at / SEARCH_GROUP} names regime ${regime}, but the campaign has ${regimes} regimes`;
  }
  return undefined;
}
