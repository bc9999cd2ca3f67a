import type { CampaignKeyRequest } from "../../contracts/yoomoney/campaign-calls.js";
import type { CreateCampaignRequest, UpdateCampaignRequest } from "../../contracts/yoomoney/campaign-fields.js";
import type { CampaignStatus } from "../../contracts/yoomoney/enums.js";
import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { forgetUnreachableLink } from "./accept-url-reach.js";
import { resolveCampaign, stateOf } from "./campaign-key.js";
import { claimCampaigns, ownedByAnotherPartner } from "./campaign-owners.js";
import { mergeFields, sameDiscount, toFields } from "./campaign-fields.js";
import { run, scheduleEnd, setStatus, submitForModeration } from "./campaign-machine.js";
import { checkCampaign } from "./campaign-rules.js";
import { about, type YmRefusal } from "./errors.js";
import { usesOneOffPins, type Campaign } from "./model.js";
import { PinStore } from "./pin-store.js";
import { yoomoneyState } from "./state.js";

export interface CampaignState {
  ymCampaignId: number;
  campaignStatus: CampaignStatus;
}

/**
 * campaigns/create: a new campaign in moderation. The same partnerCampaignId again with the same discount
 * answers the existing campaign unchanged; with a different discount it is repeatCampaignData.
 */
export function createCampaign(tenant: Tenant, request: CreateCampaignRequest): Result<CampaignState, YmRefusal> {
  const state = yoomoneyState(tenant);
  const fields = toFields(request);
  const existingId = state.byPartnerId.get(fields.partnerCampaignId);
  const existing = existingId === undefined ? undefined : state.campaigns.get(existingId);
  if (existing !== undefined) {
    if (sameDiscount(existing.fields, fields)) return ok(stateOf(existing));
    return fail(about({ kind: "repeatCampaign", partnerCampaignId: fields.partnerCampaignId, ymCampaignId: existing.ymCampaignId }, stateOf(existing)));
  }
  const problem = checkCampaign(fields, tenant.now());
  if (problem) return fail(problem);

  const campaign: Campaign = {
    ymCampaignId: state.nextId++,
    status: "created",
    fields,
    pins: new PinStore(),
    offers: new Map(),
    offerByPin: new Map(),
    leads: new Map(),
    shows: 0,
    moderationComment: null,
    acceptUrlReachable: true,
    timers: { start: null, end: null, moderation: null },
  };
  state.campaigns.set(campaign.ymCampaignId, campaign);
  state.byPartnerId.set(fields.partnerCampaignId, campaign.ymCampaignId);
  claimCampaigns(tenant, [campaign.ymCampaignId]);
  tenant.record({ provider: "yoomoney", entity: "campaign", id: String(campaign.ymCampaignId), from: null, to: "created" });
  submitForModeration(tenant, campaign);
  scheduleEnd(tenant, campaign);
  return ok(stateOf(campaign));
}

/** campaigns/update: replaces the fields sent, stops the campaign and sends it back to moderation. */
export function updateCampaign(tenant: Tenant, patch: UpdateCampaignRequest): Result<CampaignState, YmRefusal> {
  const state = yoomoneyState(tenant);
  const id = state.byPartnerId.get(patch.partnerCampaignId);
  const campaign = id === undefined ? undefined : state.campaigns.get(id);
  if (campaign === undefined) {
    return fail({ kind: "updateNotFound", partnerCampaignId: patch.partnerCampaignId });
  }
  if (campaign.status === "finished") {
    return fail(about({ kind: "updateFinished" }, stateOf(campaign)));
  }
  const merged = mergeFields(campaign.fields, patch);
  if (campaign.pins.counters.total > 0 && usesOneOffPins(merged) !== usesOneOffPins(campaign.fields)) {
    return fail(about({ kind: "pinKindLocked" }, stateOf(campaign)));
  }
  const problem = checkCampaign(merged, tenant.now());
  if (problem) return fail(about(problem, stateOf(campaign)));
  const previousUrl = campaign.fields.acceptUrl;
  campaign.fields = merged;
  forgetUnreachableLink(tenant, campaign, previousUrl);
  submitForModeration(tenant, campaign);
  scheduleEnd(tenant, campaign);
  return ok(stateOf(campaign));
}

/** campaigns/start: verified or paused -> started (pin-required with failPin when no code is left). */
export function startCampaign(tenant: Tenant, key: CampaignKeyRequest): Result<CampaignState, YmRefusal> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) return found;
  const campaign = found.value;
  switch (campaign.status) {
    case "moderation":
    case "created":
      return fail(about({ kind: "startAwaitingModeration" }, stateOf(campaign)));
    case "declined":
      return fail(about({ kind: "startDeclined" }, stateOf(campaign)));
    case "finished":
      return fail(about({ kind: "startFinished" }, stateOf(campaign)));
    case "started":
      return ok(stateOf(campaign));
    case "pin-required":
    case "verified":
    case "paused":
      if (run(tenant, campaign) === "pin-required") {
        return fail(about({ kind: "startWithoutPins" }, stateOf(campaign)));
      }
      return ok(stateOf(campaign));
  }
}

/**
 * campaigns/stop: -> paused (restartable). A campaign id that exists only for another partner answers
 * failMerchant, as documented; one that exists nowhere answers campaignNotFound.
 */
export function stopCampaign(tenant: Tenant, key: CampaignKeyRequest): Result<CampaignState, YmRefusal> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) {
    const id = key.ymCampaignId;
    if (found.error.kind === "campaignNotFound" && id !== undefined && ownedByAnotherPartner(tenant, id)) {
      return fail({ kind: "stopNotOwner", ymCampaignId: id });
    }
    return found;
  }
  const campaign = found.value;
  switch (campaign.status) {
    case "finished":
      return fail(about({ kind: "stopDeleted" }, stateOf(campaign)));
    case "moderation":
    case "created":
    case "declined":
      return fail(about({ kind: "stopNotModerated" }, stateOf(campaign)));
    case "verified":
    case "started":
    case "paused":
    case "pin-required":
      tenant.cancel(campaign.timers.start);
      campaign.timers.start = null;
      setStatus(tenant, campaign, "paused");
      return ok(stateOf(campaign));
  }
}
