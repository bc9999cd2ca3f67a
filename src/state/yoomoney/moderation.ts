import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { approve, decline } from "./campaign-machine.js";
import type { Campaign } from "./model.js";
import { findCampaign } from "./state.js";

export type ModerationError =
  | { kind: "notFound"; ymCampaignId: number }
  | { kind: "notInModeration"; ymCampaignId: number; status: Campaign["status"] };

/** The moderator's verdict on a campaign in moderation (the control plane's remote for it). */
export function moderate(
  tenant: Tenant,
  ymCampaignId: number,
  decision: "approve" | "decline",
  comment: string | null,
): Result<{ ymCampaignId: number; campaignStatus: Campaign["status"]; comment: string | null }, ModerationError> {
  const campaign = findCampaign(tenant, ymCampaignId);
  if (campaign === undefined) return fail({ kind: "notFound", ymCampaignId });
  if (campaign.status !== "moderation") return fail({ kind: "notInModeration", ymCampaignId, status: campaign.status });
  if (decision === "approve") approve(tenant, campaign, comment);
  else decline(tenant, campaign, comment);
  return ok({ ymCampaignId, campaignStatus: campaign.status, comment });
}
