import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { renderAcceptUrl } from "./accept-url.js";
import { suspendIfStarted } from "./accept-url-reach.js";
import { setStatus } from "./campaign-machine.js";
import { DEFAULT_OFFER_DURATION_HOURS, usesOneOffPins, type Campaign, type Offer } from "./model.js";
import { findCampaign, yoomoneyState } from "./state.js";

export interface TakenOffer {
  ymCampaignId: number;
  clickId: string;
  pinContent: string | null;
  acceptUrl: string | null;
  issuedAt: number;
  expiresAt: number;
  campaignStatus: Campaign["status"];
}

export type OfferError =
  | { kind: "notFound"; ymCampaignId: number }
  | { kind: "notStarted"; ymCampaignId: number; status: Campaign["status"] }
  /** The user followed the link and got an error; the campaign is suspended (status: paused). */
  | { kind: "acceptUrlUnreachable"; ymCampaignId: number; status: Campaign["status"] };

/** A new clickId in the documented shape (615737-1227535-12368), unique within the tenant. */
function newClickId(tenant: Tenant): string {
  const used = yoomoneyState(tenant).clickIds;
  for (;;) {
    const id = `${tenant.rng.int(100_000, 999_999)}-${tenant.rng.int(1_000_000, 9_999_999)}-${tenant.rng.int(10_000, 99_999)}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/**
 * A YooMoney user takes the offer of a started campaign: a clickId, the next unused one-off code (or the
 * reusable couponCode), the rendered acceptUrl, valid offerDuration hours. Handing out the last unused
 * code moves the campaign to pin-required. While the acceptUrl is marked unreachable the user gets an
 * error instead (no offer, no code handed out) and the campaign is suspended.
 */
export function takeOffer(tenant: Tenant, ymCampaignId: number): Result<TakenOffer, OfferError> {
  const campaign = findCampaign(tenant, ymCampaignId);
  if (campaign === undefined) return fail({ kind: "notFound", ymCampaignId });
  if (campaign.status !== "started") return fail({ kind: "notStarted", ymCampaignId, status: campaign.status });
  if (!campaign.acceptUrlReachable) {
    suspendIfStarted(tenant, campaign);
    return fail({ kind: "acceptUrlUnreachable", ymCampaignId, status: campaign.status });
  }

  const now = tenant.now();
  const clickId = newClickId(tenant);
  let pinIndex: number | null = null;
  let pinContent: string | null = null;
  if (usesOneOffPins(campaign.fields)) {
    pinIndex = campaign.pins.issueNext() ?? null;
    if (pinIndex === null) return fail({ kind: "notStarted", ymCampaignId, status: "pin-required" });
    pinContent = campaign.pins.code(pinIndex);
    campaign.offerByPin.set(pinIndex, clickId);
    tenant.record({ provider: "yoomoney", entity: "pin", id: pinContent, from: "new_unused", to: "accepted_by_user", detail: { ymCampaignId, clickId } });
  } else if (campaign.fields.campaignType !== "promo") {
    pinContent = campaign.fields.couponCode ?? null;
  }
  const hours = campaign.fields.offerDuration ?? DEFAULT_OFFER_DURATION_HOURS;
  const offer: Offer = { clickId, pinIndex, issuedAt: now, expiresAt: now + hours * 3_600_000 };
  campaign.offers.set(clickId, offer);
  campaign.shows++;
  tenant.record({ provider: "yoomoney", entity: "offer", id: clickId, from: null, to: "issued", detail: { ymCampaignId } });
  if (pinIndex !== null && campaign.pins.counters.unused === 0) setStatus(tenant, campaign, "pin-required", "the last promo code was handed out");
  return ok({
    ymCampaignId,
    clickId,
    pinContent,
    acceptUrl: renderAcceptUrl(campaign, pinContent, clickId, now),
    issuedAt: now,
    expiresAt: offer.expiresAt,
    campaignStatus: campaign.status,
  });
}
