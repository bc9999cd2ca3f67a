import type { CampaignKeyRequest } from "../../contracts/yoomoney/campaign-calls.js";
import type { CreateCampaignRequest, UpdateCampaignRequest } from "../../contracts/yoomoney/campaign-fields.js";
import type { CampaignStatus } from "../../contracts/yoomoney/enums.js";
import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { resolveCampaign, stateOf } from "./campaign-key.js";
import { claimCampaigns, ownedByAnotherPartner } from "./campaign-owners.js";
import { mergeFields, sameDiscount, toFields } from "./campaign-fields.js";
import { run, scheduleEnd, setStatus, submitForModeration } from "./campaign-machine.js";
import { checkCampaign } from "./campaign-rules.js";
import { incorrectData, type YmError } from "./errors.js";
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
export function createCampaign(tenant: Tenant, request: CreateCampaignRequest): Result<CampaignState, YmError> {
  const state = yoomoneyState(tenant);
  const fields = toFields(request);
  const existingId = state.byPartnerId.get(fields.partnerCampaignId);
  const existing = existingId === undefined ? undefined : state.campaigns.get(existingId);
  if (existing !== undefined) {
    if (sameDiscount(existing.fields, fields)) return ok(stateOf(existing));
    return fail({
      code: "repeatCampaignData",
      detail: `A campaign with partnerCampaignId ${fields.partnerCampaignId} and another discount already exists (ymCampaignId ${existing.ymCampaignId}); use campaigns/update to change it`,
      parameter: "partnerCampaignId",
      campaign: stateOf(existing),
    });
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
export function updateCampaign(tenant: Tenant, patch: UpdateCampaignRequest): Result<CampaignState, YmError> {
  const state = yoomoneyState(tenant);
  const id = state.byPartnerId.get(patch.partnerCampaignId);
  const campaign = id === undefined ? undefined : state.campaigns.get(id);
  if (campaign === undefined) {
    return fail({ code: "campaignNotFound", detail: `No campaign with partnerCampaignId ${patch.partnerCampaignId} exists for this partner; create it with campaigns/create` });
  }
  if (campaign.status === "finished") {
    return fail({ code: "failFinished", detail: "This campaign is over and can no longer be changed", campaign: stateOf(campaign) });
  }
  const merged = mergeFields(campaign.fields, patch);
  if (campaign.pins.counters.total > 0 && usesOneOffPins(merged) !== usesOneOffPins(campaign.fields)) {
    return fail({
      ...incorrectData("pinType", "campaignType and pinType cannot stop being one-off codes once codes were uploaded"),
      campaign: stateOf(campaign),
    });
  }
  const problem = checkCampaign(merged, tenant.now());
  if (problem) return fail({ ...problem, campaign: stateOf(campaign) });
  campaign.fields = merged;
  submitForModeration(tenant, campaign);
  scheduleEnd(tenant, campaign);
  return ok(stateOf(campaign));
}

/** campaigns/start: verified or paused -> started (pin-required with failPin when no code is left). */
export function startCampaign(tenant: Tenant, key: CampaignKeyRequest): Result<CampaignState, YmError> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) return found;
  const campaign = found.value;
  switch (campaign.status) {
    case "moderation":
    case "created":
      return fail({ code: "failModerator", detail: "The campaign is awaiting verification by the moderator", campaign: stateOf(campaign) });
    case "declined":
      return fail({ code: "failModerator", detail: "The moderator declined the campaign; fix it with campaigns/update and wait for verification", campaign: stateOf(campaign) });
    case "finished":
      return fail({ code: "failFinished", detail: "This campaign is over", campaign: stateOf(campaign) });
    case "started":
      return ok(stateOf(campaign));
    case "pin-required":
    case "verified":
    case "paused":
      if (run(tenant, campaign) === "pin-required") {
        return fail({ code: "failPin", detail: "This type of campaign cannot be launched without promo codes; upload them with campaigns/add-pins and it starts by itself", campaign: stateOf(campaign) });
      }
      return ok(stateOf(campaign));
  }
}

/**
 * campaigns/stop: -> paused (restartable). A campaign id that exists only for another partner answers
 * failMerchant, as documented; one that exists nowhere answers campaignNotFound.
 */
export function stopCampaign(tenant: Tenant, key: CampaignKeyRequest): Result<CampaignState, YmError> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) {
    const id = key.ymCampaignId;
    if (found.error.code === "campaignNotFound" && id !== undefined && ownedByAnotherPartner(tenant, id)) {
      return fail({ code: "failMerchant", detail: `Campaign ${id} belongs to another aggregator or store; only its owner can stop it` });
    }
    return found;
  }
  const campaign = found.value;
  switch (campaign.status) {
    case "finished":
      return fail({ code: "failFinished", detail: "The campaign was deleted: it is over and cannot be stopped", campaign: stateOf(campaign) });
    case "moderation":
    case "created":
    case "declined":
      return fail({ code: "failModerator", detail: "The campaign has not passed moderation, so it is not running and cannot be stopped", campaign: stateOf(campaign) });
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
