import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { findMedia } from "./media-lookup.js";
import { setMediaStatus } from "./media-machine.js";
import type { MediaCampaign } from "./model.js";

/** What the moderator decides about a media campaign in moderation (2): approve (4) or reject (3). */
export type MediaVerdict = "approve" | "reject";

/** extended.reason of a rejected campaign when the moderator gives none (the sandbox's text). */
export const MEDIA_REJECTED_REASON = "Медиакампания отклонена модератором: исправьте баннеры и отправьте её на модерацию снова";

export type ModerateMediaError = { kind: "notFound" } | { kind: "notInModeration"; status: number };

/**
 * Wildberries' moderator (control plane: the API has no call for it) takes a media campaign out of
 * moderation (2): approved, it is ready to launch (4) with no comment; rejected, it may be resubmitted
 * (3) and `extended.reason` carries the moderator's comment. The event carries the decision.
 */
export function moderateMedia(tenant: Tenant, advertId: number, verdict: MediaVerdict, comment?: string): Result<MediaCampaign, ModerateMediaError> {
  const campaign = findMedia(tenant, advertId);
  if (campaign === undefined) return fail({ kind: "notFound" });
  if (campaign.status !== 2) return fail({ kind: "notInModeration", status: campaign.status });
  if (verdict === "approve") {
    campaign.reason = comment ?? null;
    setMediaStatus(tenant, campaign, 4, { decision: verdict, ...(comment === undefined ? {} : { reason: comment }) });
  } else {
    campaign.reason = comment ?? MEDIA_REJECTED_REASON;
    setMediaStatus(tenant, campaign, 3, { decision: verdict, reason: campaign.reason });
  }
  return ok(campaign);
}
