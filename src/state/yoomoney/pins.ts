import type { CampaignKeyRequest } from "../../contracts/yoomoney/campaign-calls.js";
import type { CampaignStatus, PinStatus } from "../../contracts/yoomoney/enums.js";
import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { resolveCampaign, stateOf } from "./campaign-key.js";
import { setStatus } from "./campaign-machine.js";
import { incorrectData, type YmError } from "./errors.js";
import { usesOneOffPins } from "./model.js";
import type { PinCounts } from "./pin-store.js";

export interface AddPinsOutcome {
  ymCampaignId: number;
  campaignStatus: CampaignStatus;
  counters: PinCounts;
}

/**
 * campaigns/add-pins: one-off code campaigns only, in any status but finished. Codes already present
 * (case-insensitively, in the request or stored) are skipped. A pin-required campaign starts again.
 */
export function addPins(tenant: Tenant, key: CampaignKeyRequest, pinList: readonly string[]): Result<AddPinsOutcome, YmError> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) return found;
  const campaign = found.value;
  if (!usesOneOffPins(campaign.fields)) {
    return fail({ ...incorrectData("pinList", "campaigns/add-pins is only for codeOnline or codeOffline campaigns with pinType one-off"), campaign: stateOf(campaign) });
  }
  if (campaign.status === "finished") {
    return fail({ code: "failFinished", detail: "This campaign is over; it takes no more promo codes", campaign: stateOf(campaign) });
  }
  const before = campaign.pins.counters.total;
  const added = campaign.pins.add(pinList);
  if (added > 0) {
    tenant.record({
      provider: "yoomoney",
      entity: "pinList",
      id: String(campaign.ymCampaignId),
      from: before,
      to: before + added,
      detail: { added, skipped: pinList.length - added },
    });
  }
  if (campaign.status === "pin-required" && campaign.pins.counters.unused > 0) setStatus(tenant, campaign, "started");
  return ok({ ymCampaignId: campaign.ymCampaignId, campaignStatus: campaign.status, counters: campaign.pins.counters });
}

/** campaigns/get-pins-by-status: the codes in one status, in upload order (none for campaigns without one-off codes). */
export function pinsByStatus(tenant: Tenant, key: CampaignKeyRequest, pinStatus: PinStatus): Result<{ ymCampaignId: number; pinStatus: PinStatus; pins: string[] }, YmError> {
  const found = resolveCampaign(tenant, key);
  if (!found.ok) return found;
  return ok({ ymCampaignId: found.value.ymCampaignId, pinStatus, pins: found.value.pins.byStatus(pinStatus) });
}
