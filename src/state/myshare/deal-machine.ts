import type { JsonObject } from "../kernel/json.js";
import type { Tenant } from "../kernel/tenant.js";
import { stringField } from "../kernel/timer-payload.js";
import { durationMs } from "./durations.js";
import { PROVIDER, type Catalog, type Deal, type DealStatus } from "./model.js";
import { MAX_DATETIME_MS } from "./time.js";

export const TIMER_CANCEL = "myshare.dealCancel";
export const TIMER_APPROVE = "myshare.dealApprove";
/** The deal (its system id) every myshare timer is for: `{"deal": "<uuid>"}`. */
export const DEAL_ID = stringField("deal");

/** Every status change goes through here, so each one lands in the event log. */
export function setStatus(tenant: Tenant, deal: Deal, to: DealStatus, detail?: JsonObject): void {
  const from = deal.status;
  deal.status = to;
  deal.modifiedAt = tenant.now();
  tenant.record({ provider: PROVIDER, entity: "deal", id: deal.id, from, to, ...(detail === undefined ? {} : { detail }) });
}

function clearTimer(tenant: Tenant, deal: Deal): void {
  tenant.cancel(deal.timer);
  deal.timer = null;
  deal.deadline = null;
}

/** Schedules `kind` at now + `duration` (the catalog's value now: later catalog edits do not move it). */
function arm(tenant: Tenant, deal: Deal, kind: string, duration: string): void {
  clearTimer(tenant, deal);
  const deadline = tenant.now() + durationMs(duration);
  // Past year 9999 Python's datetime overflows: such a deadline never comes.
  if (deadline > MAX_DATETIME_MS) return;
  deal.deadline = deadline;
  deal.timer = tenant.schedule(deadline, kind, DEAL_ID.of(deal.id));
}

/** A deal enters Created: it is canceled when canceled_duration passes unpaid. */
export function enterCreated(tenant: Tenant, deal: Deal, catalog: Catalog): void {
  arm(tenant, deal, TIMER_CANCEL, catalog.canceledDuration);
}

/** A deal enters Paid: it is approved when hold_duration has passed since payment. */
export function pay(tenant: Tenant, deal: Deal, catalog: Catalog): void {
  deal.paidAt = tenant.now();
  if (deal.status !== "Paid") setStatus(tenant, deal, "Paid");
  arm(tenant, deal, TIMER_APPROVE, catalog.holdDuration);
}

/** Canceled, by the business partner (PATCH) or by the timer (at its deadline); final. */
export function cancel(tenant: Tenant, deal: Deal): void {
  clearTimer(tenant, deal);
  deal.canceledAt = tenant.now();
  setStatus(tenant, deal, "Canceled");
}

/** Approved by the timer once the hold has passed; approved_at is the deadline. */
export function approve(tenant: Tenant, deal: Deal): void {
  clearTimer(tenant, deal);
  deal.approvedAt = tenant.now();
  setStatus(tenant, deal, "Approved");
}

/**
 * Rejected by the platform's moderation (fraud, a rule broken): from Created or Paid, final; its timer is
 * dropped. The real API has no call for it, so the control plane stands in for the moderator.
 */
export function reject(tenant: Tenant, deal: Deal, reason: string | null): void {
  clearTimer(tenant, deal);
  setStatus(tenant, deal, "Rejected", { deal_id: deal.dealId, reason });
}

/** True when `deal` waits on exactly this timer (a stale timer of an earlier state is ignored). */
export function awaits(deal: Deal, timerId: number, status: DealStatus): boolean {
  return deal.status === status && deal.timer === timerId;
}

