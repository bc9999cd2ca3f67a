import { WildberriesSnapshot } from "../../contracts/wildberries/snapshot.js";
import { describeIssues } from "../kernel/issues.js";
import type { JsonValue } from "../kernel/json.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { peekState, replaceState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import type { Campaign, Catalogue, MediaCampaign, Money, Payment, UpdRow } from "./model.js";
import { snapshotProblem } from "./snapshot-checks.js";
import type { WildberriesState } from "./state.js";
import { emptyMemo } from "./traffic-memo.js";
import type { CampaignTraffic, TrafficState } from "./traffic-model.js";

/**
 * The tenant's Wildberries state as plain JSON (GET /__sandbox/state): the state itself with its Maps
 * written as arrays, in their insertion order. A tenant that never used Wildberries exports null (and
 * the export does not create its seller).
 */
export function exportWildberries(tenant: Tenant): JsonValue {
  // A deep copy: the export shares nothing with the live state.
  return JSON.parse(JSON.stringify(viewWildberries(tenant)));
}

/** The export's data, sharing the live state's objects (ProviderModule.viewState). */
export function viewWildberries(tenant: Tenant): WildberriesSnapshot | null {
  const state = peekState(tenant, "wildberries");
  if (state === undefined) return null;
  // Typed as the schema's output: the compiler proves every model field has its place in the snapshot.
  const snapshot: WildberriesSnapshot = {
    money: state.money,
    payments: state.payments,
    upd: state.upd,
    catalogue: state.catalogue,
    campaigns: [...state.campaigns.values()],
    media: [...state.media.values()],
    traffic: {
      campaigns: [...state.traffic.byCampaign.values()],
      active: state.traffic.active,
      timer: state.traffic.timer,
      timerAt: state.traffic.timerAt,
    },
    nextAdvertId: state.nextAdvertId,
    nextPaymentId: state.nextPaymentId,
    nextUpdNum: state.nextUpdNum,
    nextMediaItemId: state.nextMediaItemId,
  };
  return snapshot;
}

/**
 * Replaces the tenant's Wildberries state from a snapshot (the kernel has restored the tenant's clock,
 * randomness and scheduler first). null leaves the seller fresh. Everything is checked before anything
 * is installed: the schema, then the cross checks of snapshot-checks.ts; a refusal names the path.
 */
export function importWildberries(tenant: Tenant, data: unknown): Result<void, string> {
  if (data === null) return ok(undefined);
  const parsed = WildberriesSnapshot.safeParse(data);
  if (!parsed.success) return fail(describeIssues(parsed.error));
  const s = parsed.data;
  const problem = snapshotProblem(tenant, s);
  if (problem !== undefined) return fail(problem);

  // Typed as the model: the compiler proves the schema yields every field the model needs.
  const money: Money = s.money;
  const payments: Payment[] = s.payments;
  const upd: UpdRow[] = s.upd;
  const catalogue: Catalogue = s.catalogue;
  const campaigns: Campaign[] = s.campaigns;
  const media: MediaCampaign[] = s.media;
  const byCampaign: CampaignTraffic[] = s.traffic.campaigns;
  const traffic: TrafficState = {
    byCampaign: new Map(byCampaign.map((c) => [c.advertId, c])),
    active: s.traffic.active,
    timer: s.traffic.timer,
    timerAt: s.traffic.timerAt,
  };
  const state: WildberriesState = {
    money,
    payments,
    upd,
    catalogue,
    campaigns: new Map(campaigns.map((c) => [c.advertId, c])),
    media: new Map(media.map((m) => [m.advertId, m])),
    traffic,
    nextAdvertId: s.nextAdvertId,
    nextPaymentId: s.nextPaymentId,
    nextUpdNum: s.nextUpdNum,
    nextMediaItemId: s.nextMediaItemId,
    memo: emptyMemo(),
  };
  replaceState(tenant, "wildberries", state);
  return ok(undefined);
}
