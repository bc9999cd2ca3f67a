import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { WB_CONFIG } from "./config.js";
import { findCampaign } from "./campaign-lookup.js";
import { fullstats } from "./fullstats.js";
import type { CampaignStatus } from "./model.js";
import { DAY_MS, moscowDate } from "./moscow-time.js";

/** One Moscow day of a campaign's traffic, as fullstats totals it. */
export type TrafficDay = {
  /** "YYYY-MM-DD", Moscow. */
  day: string;
  views: number;
  clicks: number;
  atbs: number;
  orders: number;
  /** Rubles (fullstats' `sum`). */
  spend: number;
};

export type CampaignTrafficView = {
  advertId: number;
  status: CampaignStatus;
  /** The Moscow days read: the last fullstatDayDepth (31) days up to today, as fullstats' interval. */
  interval: { begin: string; end: string };
  /** False when fullstats does not report the campaign's status (only 7, 9 and 11): then no days. */
  reported: boolean;
  /** Days with traffic, oldest first: exactly fullstats' days[] for the interval. */
  days: TrafficDay[];
};

/**
 * A promotion campaign's traffic per Moscow day over the last 31 days, read through fullstats itself (the
 * same function and cells POST /adv/v2/fullstats answers from, so the two always agree).
 */
export function campaignTrafficView(tenant: Tenant, advertId: number): Result<CampaignTrafficView, "notFound"> {
  const campaign = findCampaign(tenant, advertId);
  if (campaign === undefined) return fail("notFound");
  const now = tenant.now();
  const interval = { begin: moscowDate(now - (WB_CONFIG.fullstatDayDepth - 1) * DAY_MS), end: moscowDate(now) };
  const stats = fullstats(tenant, [{ id: advertId, interval }]);
  const campaignStats = stats.ok ? stats.value[0] : undefined;
  const days = (campaignStats?.days ?? []).map((d) => ({
    day: d.date.slice(0, 10),
    views: d.views,
    clicks: d.clicks,
    atbs: d.atbs,
    orders: d.orders,
    spend: d.sum,
  }));
  return ok({ advertId, status: campaign.status, interval, reported: campaignStats !== undefined, days });
}
