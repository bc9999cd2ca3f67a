import type { RedeemRequest } from "../../contracts/yoomoney/redeem.js";
import type { RedeemStatus } from "../../contracts/yoomoney/enums.js";
import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { resolveCampaign, stateOf } from "./campaign-key.js";
import { about, type YmRefusal } from "./errors.js";
import { RUBLE, usesOneOffPins, type Campaign, type Lead, type Offer } from "./model.js";

/** Lead status changes a resend may make; repeating the same status is always accepted. */
const ALLOWED: Record<RedeemStatus, readonly RedeemStatus[]> = {
  used: ["approved", "declined"],
  approved: ["declined"],
  declined: [],
};

export interface RedeemOutcome {
  ymCampaignId: number;
  transactionId: string;
  redeemStatus: RedeemStatus;
}

interface Attribution {
  pinIndex: number | null;
  clickId: string | null;
  offer: Offer | undefined;
}

/**
 * campaigns/redeem: reports a lead keyed by (ymCampaignId, transactionId). The first report needs an
 * issued, unexpired offer (a one-off code handed to a user, or an issued clickId); later reports of the
 * same transaction may only move used -> approved | declined, approved -> declined.
 */
export function redeem(tenant: Tenant, request: RedeemRequest): Result<RedeemOutcome, YmRefusal> {
  const found = resolveCampaign(tenant, { ymCampaignId: request.ymCampaignId });
  if (!found.ok) return found;
  const outcome = report(tenant, found.value, request);
  return outcome.ok ? outcome : fail(about(outcome.error, stateOf(found.value)));
}

function report(tenant: Tenant, campaign: Campaign, request: RedeemRequest): Result<RedeemOutcome, YmRefusal> {
  const transactionId = String(request.transactionId);
  const status = request.redeemStatus ?? "used";
  const attribution = attribute(campaign, request);
  if (!attribution.ok) return attribution;
  const { pinIndex, clickId, offer } = attribution.value;
  const now = tenant.now();

  const existing = campaign.leads.get(transactionId);
  if (existing !== undefined) {
    if (pinIndex !== null && existing.pinIndex !== pinIndex) {
      return fail({ kind: "leadOtherPin", transactionId });
    }
    if (clickId !== null && existing.clickId !== null && existing.clickId !== clickId) {
      return fail({ kind: "leadOtherClick", transactionId });
    }
    if (existing.status !== status && !ALLOWED[existing.status].includes(status)) {
      return fail({ kind: "leadTransition", transactionId, from: existing.status, to: status });
    }
    if (existing.status !== status) {
      tenant.record({ provider: "yoomoney", entity: "lead", id: `${campaign.ymCampaignId}/${transactionId}`, from: existing.status, to: status });
    }
    Object.assign(existing, leadDetails(request), { status, updatedAt: now });
    return ok({ ymCampaignId: campaign.ymCampaignId, transactionId, redeemStatus: status });
  }

  if (pinIndex !== null && campaign.pins.status(pinIndex) === "redeem_received") {
    return fail({ kind: "pinAlreadyRedeemed", pinContent: campaign.pins.code(pinIndex) });
  }
  if (offer !== undefined && now > offer.expiresAt) {
    return fail({ kind: "offerExpired", expiresAt: offer.expiresAt, by: pinIndex !== null ? "pinContent" : "clickId" });
  }
  const lead: Lead = { transactionId, status, pinIndex, clickId, ...leadDetails(request), reportedAt: now, updatedAt: now };
  campaign.leads.set(transactionId, lead);
  tenant.record({ provider: "yoomoney", entity: "lead", id: `${campaign.ymCampaignId}/${transactionId}`, from: null, to: status });
  if (pinIndex !== null) {
    campaign.pins.markRedeemed(pinIndex);
    tenant.record({ provider: "yoomoney", entity: "pin", id: campaign.pins.code(pinIndex), from: "accepted_by_user", to: "redeem_received", detail: { ymCampaignId: campaign.ymCampaignId, transactionId } });
  }
  return ok({ ymCampaignId: campaign.ymCampaignId, transactionId, redeemStatus: status });
}

/** Which offer a report is about: the one-off code for code campaigns, else the clickId. */
function attribute(campaign: Campaign, request: RedeemRequest): Result<Attribution, YmRefusal> {
  const pinContent = request.pinContent ?? request["pin\u0421ontent"];
  const clickId = request.clickId ?? null;
  const clickOffer = clickId === null ? undefined : campaign.offers.get(clickId);
  if (clickId !== null && clickOffer === undefined) {
    return fail({ kind: "clickNotIssued", clickId, ymCampaignId: campaign.ymCampaignId });
  }
  if (!usesOneOffPins(campaign.fields)) {
    if (clickId === null) {
      return fail({ kind: "clickRequired", campaignKind: campaign.fields.campaignType === "promo" ? "promo" : "reusable-code" });
    }
    return ok({ pinIndex: null, clickId, offer: clickOffer });
  }
  if (pinContent === undefined) return fail({ kind: "pinRequired" });
  const pinIndex = campaign.pins.find(pinContent);
  if (pinIndex === undefined) {
    return fail({ kind: "notAPin", pinContent, ymCampaignId: campaign.ymCampaignId });
  }
  if (campaign.pins.status(pinIndex) === "new_unused") {
    return fail({ kind: "pinNeverHanded", pinContent });
  }
  const pinClick = campaign.offerByPin.get(pinIndex) ?? null;
  if (clickId !== null && clickId !== pinClick) {
    return fail({ kind: "clickDidNotHandPin", clickId, pinContent });
  }
  return ok({ pinIndex, clickId: pinClick, offer: pinClick === null ? undefined : campaign.offers.get(pinClick) });
}

function leadDetails(request: RedeemRequest) {
  return {
    campaignFee: String(request.campaignFee),
    feeCurrency: request.feeCurrency ?? RUBLE,
    orderAmount: request.orderAmount === undefined ? null : String(request.orderAmount),
    orderCurrency: request.orderCurrency ?? RUBLE,
    cashbackAmount: request.cashbackAmount === undefined ? null : String(request.cashbackAmount),
    sceneRedeem: request.sceneRedeem === undefined ? null : String(request.sceneRedeem),
    redeemTime: request.redeemTime ?? null,
  };
}
