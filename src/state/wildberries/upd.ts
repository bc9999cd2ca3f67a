import { fail, ok, type Result } from "../kernel/result.js";
import { PAYMENT_TYPE_NAME } from "./money.js";
import type { Campaign, UpdRow } from "./model.js";
import { DAY_MS, moscowDayStart } from "./moscow-time.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { type WildberriesState } from "./state.js";
import type { CampaignTraffic } from "./traffic-model.js";

/** GET /adv/v1/upd: from and to (inclusive) may span 1 to 31 days (research §5.10). */
export const UPD_MAX_DAYS = 31;

/**
 * Books `rubles` (0 or more) of a campaign's spend on `day`, accounted up to `at`, against its current
 * money source: one upd row per campaign, Moscow day and source, opened at the day's first accounting
 * (so rows are created in the same order however the day's accounting is cut) and growing through the
 * day; updTime is the instant the day is accounted to. Rows still at 0 ₽ are not listed.
 */
export function chargeUpd(state: WildberriesState, campaign: Campaign, traffic: CampaignTraffic, day: string, rubles: number, at: number): void {
  if (rubles < 0) return;
  if (traffic.updDay !== day) {
    traffic.updDay = day;
    traffic.updRows = { 0: -1, 1: -1, 3: -1 };
  }
  const source = campaign.budgetSource;
  let row = state.upd[traffic.updRows[source]];
  if (row === undefined || row.advertId !== campaign.advertId) {
    state.nextUpdNum += 1;
    row = {
      updNum: state.nextUpdNum,
      updTime: at,
      updSum: 0,
      advertId: campaign.advertId,
      campName: campaign.name,
      advertType: campaign.type,
      paymentType: PAYMENT_TYPE_NAME[source],
      advertStatus: campaign.status,
      day,
    };
    state.upd.push(row);
    traffic.updRows[source] = state.upd.length - 1;
  }
  row.updSum += rubles;
  row.updTime = at;
  row.campName = campaign.name;
  row.advertStatus = campaign.status;
}

/**
 * The first accountings of `days` whole days, the last of them `lastDay`, whose upd rows retention
 * drops before anything reads them (stats-retention.ts surelyDroppedBefore): their numbers are used
 * up as chargeUpd would, no row is kept.
 */
export function skipDroppedUpd(state: WildberriesState, traffic: CampaignTraffic, days: number, lastDay: string): void {
  state.nextUpdNum += days;
  traffic.updDay = lastDay;
  const rows = traffic.updRows;
  if (rows[0] !== -1 || rows[1] !== -1 || rows[3] !== -1) traffic.updRows = { 0: -1, 1: -1, 3: -1 };
}

export type UpdError = "interval";

/**
 * The expense rows of the Moscow days from..to (inclusive, 1-31 days), oldest first. A row shows the
 * campaign's current name and status while the campaign exists (its last known ones after a purge).
 */
export function updRows(tenant: Tenant, from: string | undefined, to: string | undefined): Result<UpdRow[], UpdError> {
  const begin = from === undefined ? undefined : moscowDayStart(from);
  const end = to === undefined ? undefined : moscowDayStart(to);
  if (begin === undefined || end === undefined || end < begin || (end - begin) / DAY_MS + 1 > UPD_MAX_DAYS) return fail("interval");
  const state = peekState(tenant, "wildberries");
  const rows: UpdRow[] = [];
  if (state === undefined) return ok(rows);
  for (const row of state.upd) {
    if (from === undefined || to === undefined || row.day < from || row.day > to || row.updSum === 0) continue;
    const campaign = state.campaigns.get(row.advertId);
    rows.push(campaign === undefined ? { ...row } : { ...row, campName: campaign.name, advertStatus: campaign.status });
  }
  return ok(rows);
}

/** Σ updSum of every row of a campaign (tests and the bench check it against the spend). */
export function chargedRubles(state: WildberriesState, advertId: number): number {
  let sum = 0;
  for (const row of state.upd) if (row.advertId === advertId) sum += row.updSum;
  return sum;
}
