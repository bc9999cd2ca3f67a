import type { CampaignKeyRequest } from "../../contracts/yoomoney/campaign-calls.js";
import type { CampaignStatus, PinStatus } from "../../contracts/yoomoney/enums.js";
import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { resolveCampaign, stateOf } from "./campaign-key.js";
import { setStatus } from "./campaign-machine.js";
import { about, type YmRefusal } from "./errors.js";
import { usesOneOffPins, type Campaign } from "./model.js";
import type { PinCounts } from "./pin-store.js";

export interface AddPinsOutcome {
  ymCampaignId: number;
  campaignStatus: CampaignStatus;
  counters: PinCounts;
}

/**
 * An add-pins call under way: the campaign checked, the counters before it, and what it received and
 * added so far. A large upload is added in slices (the mock layer yields between them while the
 * tenant's other calls wait); one call or many slices, the outcome and its one pinList event are the same.
 */
export interface PinUpload {
  readonly campaign: Campaign;
  readonly before: number;
  received: number;
  added: number;
}

/**
 * campaigns/add-pins: one-off code campaigns only, in any status but finished. Codes already present
 * (case-insensitively, in the request or stored) are skipped. A pin-required campaign starts again.
 */
export function addPins(tenant: Tenant, key: CampaignKeyRequest, pinList: readonly string[]): Result<AddPinsOutcome, YmRefusal> {
  const upload = openPinUpload(tenant, key);
  if (!upload.ok) return upload;
  addPinSlice(upload.value, pinList);
  return ok(closePinUpload(tenant, upload.value));
}

/** The checks of add-pins before any code is stored: the campaign exists, takes one-off codes and is not finished. */
export function openPinUpload(tenant: Tenant, key: CampaignKeyRequest): Result<PinUpload, YmRefusal> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) return found;
  const campaign = found.value;
  if (!usesOneOffPins(campaign.fields)) {
    return fail(about({ kind: "pinsNotOneOff" }, stateOf(campaign)));
  }
  if (campaign.status === "finished") {
    return fail(about({ kind: "pinsFinished" }, stateOf(campaign)));
  }
  return ok({ campaign, before: campaign.pins.counters.total, received: 0, added: 0 });
}

/** Stores the codes of one slice of the upload that are not present yet (case-insensitively). */
export function addPinSlice(upload: PinUpload, codes: readonly string[]): void {
  upload.received += codes.length;
  upload.added += upload.campaign.pins.add(codes);
}

/** Ends the upload: one pinList event when it added anything, and the restart of a pin-required campaign. */
export function closePinUpload(tenant: Tenant, upload: PinUpload): AddPinsOutcome {
  const { campaign, before, added, received } = upload;
  if (added > 0) {
    tenant.record({
      provider: "yoomoney",
      entity: "pinList",
      id: String(campaign.ymCampaignId),
      from: before,
      to: before + added,
      detail: { added, skipped: received - added },
    });
  }
  if (campaign.status === "pin-required" && campaign.pins.counters.unused > 0) setStatus(tenant, campaign, "started");
  return { ymCampaignId: campaign.ymCampaignId, campaignStatus: campaign.status, counters: campaign.pins.counters };
}

/** campaigns/get-pins-by-status: the codes in one status, in upload order (none for campaigns without one-off codes). */
export function pinsByStatus(tenant: Tenant, key: CampaignKeyRequest, pinStatus: PinStatus): Result<{ ymCampaignId: number; pinStatus: PinStatus; pins: string[] }, YmRefusal> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) return found;
  return ok({ ymCampaignId: found.value.ymCampaignId, pinStatus, pins: found.value.pins.byStatus(pinStatus) });
}
