import type { CampaignStatus } from "../../contracts/yoomoney/enums.js";
import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { setStatus } from "./campaign-machine.js";
import type { Campaign } from "./model.js";
import { findCampaign } from "./state.js";

/** Why a started campaign went to paused without its partner asking (the event's detail). */
export const SUSPENDED_DETAIL = "acceptUrl unreachable: YooMoney suspended the campaign";

/** A type, not an interface: the control plane sends it as JSON as it is. */
export type AcceptUrlReach = {
  ymCampaignId: number;
  acceptUrl: string;
  reachable: boolean;
  campaignStatus: CampaignStatus;
};

export type AcceptUrlReachError =
  | { kind: "notFound"; ymCampaignId: number }
  | { kind: "noAcceptUrl"; ymCampaignId: number; campaignType: Campaign["fields"]["campaignType"] };

/** Records the link's new reachability as an `acceptUrl` event (nothing when it does not change). */
function markReachable(tenant: Tenant, campaign: Campaign, reachable: boolean, detail?: string): void {
  if (campaign.acceptUrlReachable === reachable) return;
  tenant.record({
    provider: "yoomoney",
    entity: "acceptUrl",
    id: String(campaign.ymCampaignId),
    from: campaign.acceptUrlReachable ? "reachable" : "unreachable",
    to: reachable ? "reachable" : "unreachable",
    ...(detail === undefined ? {} : { detail }),
  });
  campaign.acceptUrlReachable = reachable;
}

/**
 * "If the URL cannot be reached, the user sees an error and the campaign is suspended" (research §9, §7
 * row 19). The sandbox fetches no URL: the control plane says the link fails. A started campaign is then
 * suspended at once (paused, as the research proposes; the partner restarts it with campaigns/start), and
 * again whenever a user follows the link while it still fails (see takeOffer). Marking it reachable again
 * changes no status. Repeating a mark is harmless: unreachable re-suspends a restarted campaign.
 */
export function setAcceptUrlReachable(tenant: Tenant, ymCampaignId: number, reachable: boolean): Result<AcceptUrlReach, AcceptUrlReachError> {
  const campaign = findCampaign(tenant, ymCampaignId);
  if (campaign === undefined) return fail({ kind: "notFound", ymCampaignId });
  const acceptUrl = campaign.fields.acceptUrl;
  if (acceptUrl === undefined) return fail({ kind: "noAcceptUrl", ymCampaignId, campaignType: campaign.fields.campaignType });
  markReachable(tenant, campaign, reachable);
  if (!reachable) suspendIfStarted(tenant, campaign);
  return ok({ ymCampaignId, acceptUrl, reachable: campaign.acceptUrlReachable, campaignStatus: campaign.status });
}

/** A started campaign whose link fails goes to paused (the only way YooMoney stops a campaign by itself). */
export function suspendIfStarted(tenant: Tenant, campaign: Campaign): void {
  if (campaign.status === "started" && !campaign.acceptUrlReachable) setStatus(tenant, campaign, "paused", SUSPENDED_DETAIL);
}

/** campaigns/update gave the campaign another acceptUrl: the mark was about the old link, so it is dropped. */
export function forgetUnreachableLink(tenant: Tenant, campaign: Campaign, previousUrl: string | undefined): void {
  if (campaign.fields.acceptUrl !== previousUrl) markReachable(tenant, campaign, true, "campaigns/update changed acceptUrl");
}
