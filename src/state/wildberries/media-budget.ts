import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { findMedia } from "./media-lookup.js";
import { BUDGET_REASON, settleRunning } from "./media-machine.js";
import type { MediaCampaign } from "./model.js";

/** The budget in whole rubles, as GET /adv/v1/advert shows it (spend is kept to a millionth of a ruble). */
export const wholeRubles = (budget: number): number => Math.floor(budget + 1e-6);

export type FundMediaError = { kind: "notFound" } | { kind: "byDays" } | { kind: "ended"; status: number };

/**
 * The seller pays rubles into a views (type 2) media campaign's budget (control plane: the payment is
 * made outside the API, and it is not taken from the Promotion balance, as media campaigns are not).
 * A running campaign's traffic is accounted first at the old budget. A campaign paused for its budget
 * (11) stays paused: the seller starts it again (POST /adv/v1/advert/start), as with promotion campaigns;
 * its "top up the budget" reason is cleared. Completed (7) and refused (8) campaigns take no money.
 */
export function fundMedia(tenant: Tenant, advertId: number, sum: number): Result<{ campaign: MediaCampaign; before: number; after: number }, FundMediaError> {
  const campaign = findMedia(tenant, advertId);
  if (campaign === undefined) return fail({ kind: "notFound" });
  if (campaign.type !== 2) return fail({ kind: "byDays" });
  if (campaign.status === 7 || campaign.status === 8) return fail({ kind: "ended", status: campaign.status });
  settleRunning(tenant, campaign);
  const before = wholeRubles(campaign.budget);
  campaign.budget += sum;
  const after = wholeRubles(campaign.budget);
  if (campaign.reason === BUDGET_REASON) campaign.reason = null;
  campaign.updatedAt = tenant.now();
  tenant.record({ provider: "wildberries", entity: "media-budget", id: String(advertId), from: before, to: after });
  return ok({ campaign, before, after });
}
