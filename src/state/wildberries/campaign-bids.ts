import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { BID_STATUSES } from "./campaign-rules.js";
import { touch } from "./campaign-status.js";
import { WB_CONFIG } from "./config.js";
import { BID_TICK_MS, isRealistic, nextTick } from "./consistency.js";
import type { Campaign, PendingBid } from "./model.js";
import { ADVERT_ID } from "./timer-fields.js";

export const TIMER_BIDS = "wildberries.campaignBids";

/** Instruments of an Auction bid: 6 search (searchCPM), 4 catalog (catalogCPM). */
export const INSTRUMENT_SEARCH = 6;
export const INSTRUMENT_CATALOG = 4;

export interface BidInput {
  type: number;
  cpm: number;
  param: number | undefined;
  instrument: number | undefined;
}

/** Why POST /adv/v0/cpm refused: a wrong parameter (400) or "Размер ставки не изменен" (422). */
export type BidError = "type" | "param" | "instrument" | "tooLow" | "status";

/** The smallest bid config allows for the campaign's type. */
export function minimumBid(campaign: Campaign): number {
  return campaign.type === 8 ? WB_CONFIG.cpmMinBooster : WB_CONFIG.cpmMinSearchCatalog;
}

function sameTarget(a: PendingBid, b: PendingBid): boolean {
  return a.instrument === b.instrument && a.subjectId === b.subjectId;
}

/** Writes one bid into the campaign (what readers see changes: touch first). */
function applyBid(tenant: Tenant, campaign: Campaign, bid: PendingBid): void {
  touch(tenant, campaign);
  if (campaign.autoParams !== null) {
    campaign.autoParams.cpm = bid.cpm;
    for (const entry of campaign.autoParams.nmCpm) entry.cpm = bid.cpm;
    return;
  }
  const param = campaign.unitedParams?.find((p) => p.subjectId === bid.subjectId);
  if (param === undefined) return;
  if (bid.instrument === INSTRUMENT_CATALOG) param.catalogCPM = bid.cpm;
  else param.searchCPM = bid.cpm;
}

/**
 * POST /adv/v0/cpm. Type 8 sets the campaign bid and every nm's bid; type 9 sets the search (instrument
 * 6, the default) or catalog (4) bid of the subject `param`. `immediate` applies it at once;
 * `realistic` at the next 30-second boundary, the last bid for the same target winning.
 */
export function changeBid(tenant: Tenant, campaign: Campaign, input: BidInput): Result<void, BidError> {
  if (input.type !== campaign.type) return fail("type");
  let bid: PendingBid;
  if (campaign.type === 8) {
    bid = { cpm: input.cpm, instrument: INSTRUMENT_SEARCH, subjectId: null };
  } else {
    const instrument = input.instrument ?? INSTRUMENT_SEARCH;
    if (instrument !== INSTRUMENT_SEARCH && instrument !== INSTRUMENT_CATALOG) return fail("instrument");
    if (input.param === undefined || !(campaign.unitedParams ?? []).some((p) => p.subjectId === input.param)) return fail("param");
    bid = { cpm: input.cpm, instrument, subjectId: input.param };
  }
  if (!BID_STATUSES.includes(campaign.status)) return fail("status");
  if (input.cpm < minimumBid(campaign)) return fail("tooLow");
  if (!isRealistic(tenant)) {
    applyBid(tenant, campaign, bid);
    return ok(undefined);
  }
  campaign.pendingBids = [...campaign.pendingBids.filter((b) => !sameTarget(b, bid)), bid];
  if (campaign.pendingBidTimer === null) {
    campaign.pendingBidTimer = tenant.schedule(nextTick(tenant.now(), BID_TICK_MS), TIMER_BIDS, ADVERT_ID.of(campaign.advertId));
  }
  return ok(undefined);
}

/** The 30-second boundary: queued bids apply while the campaign still takes bids; the queue empties. */
export function applyPendingBids(tenant: Tenant, campaign: Campaign): number {
  const bids = campaign.pendingBids;
  campaign.pendingBids = [];
  campaign.pendingBidTimer = null;
  if (!BID_STATUSES.includes(campaign.status)) return 0;
  for (const bid of bids) applyBid(tenant, campaign, bid);
  return bids.length;
}
