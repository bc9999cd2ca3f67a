import type { Rng } from "../kernel/rng.js";
import type { Tenant } from "../kernel/tenant.js";
import type { MediaCampaign, MediaCell, MediaItem } from "./model.js";
import { moscowDate } from "./moscow-time.js";

export const HOUR_MS = 3_600_000;

/** App types (1 site, 32 Android, 64 iOS) and their share of a banner's views. */
export const MEDIA_APPS: readonly (readonly [number, number])[] = [
  [1, 0.3],
  [32, 0.45],
  [64, 0.25],
];

/** What the simulation found after accounting a running stretch. */
export type AccrueOutcome = "running" | "budget" | "daily";

/** Rounds up with probability equal to the fraction, so small expected counts still add up over time. */
const stochastic = (rng: Rng, x: number): number => Math.floor(x + rng.next());

export const cellKey = (day: string, itemId: number, app: number): string => `${day}|${itemId}|${app}`;

/** What a banner of a views-based (type 2) campaign has spent on a Moscow day. */
export function spentOn(campaign: MediaCampaign, item: MediaItem, day: string): number {
  let sum = 0;
  for (const [app] of MEDIA_APPS) sum += campaign.traffic[cellKey(day, item.id, app)]?.expenses ?? 0;
  return sum;
}

/** A banner with a daily limit that cannot afford one more view today. */
function itemAtDailyLimit(campaign: MediaCampaign, item: MediaItem, day: string): boolean {
  return item.dailyLimit > 0 && item.dailyLimit - spentOn(campaign, item, day) < item.cpm / 1000;
}

/** Type 2: every banner has a daily limit and all of them are used up on `day`. */
export function dailyLimitReached(campaign: MediaCampaign, day: string): boolean {
  if (campaign.type !== 2 || campaign.items.length === 0) return false;
  return campaign.items.every((item) => itemAtDailyLimit(campaign, item, day));
}

/** Type 2: the budget cannot pay for one more view of any banner. */
export function budgetSpent(campaign: MediaCampaign): boolean {
  if (campaign.type !== 2) return false;
  if (campaign.items.length === 0) return campaign.budget <= 0;
  const cheapest = Math.min(...campaign.items.map((item) => item.cpm));
  return campaign.budget < cheapest / 1000;
}

function addCell(campaign: MediaCampaign, key: string, add: MediaCell): void {
  const cell = campaign.traffic[key] ?? { views: 0, clicks: 0, atbs: 0, orders: 0, expenses: 0 };
  cell.views += add.views;
  cell.clicks += add.clicks;
  cell.atbs += add.atbs;
  cell.orders += add.orders;
  cell.expenses += add.expenses;
  campaign.traffic[key] = cell;
}

/**
 * Accounts the traffic of a running (6) campaign from `runningSince` to `until` (never across an hour
 * boundary: the hourly tick runs at each one). Per banner and app type: views from the seeded
 * generator, clicks 0.8-2.5 % of views, add-to-basket 2-8 % of clicks, orders 30 % of those. Type 2
 * pays cpm per 1000 views from the campaign budget, within each banner's daily limit (rubles per Moscow
 * day); type 1 pays each banner's cpm as its day rate, pro rata.
 */
export function accrueMedia(tenant: Tenant, campaign: MediaCampaign, until: number): AccrueOutcome {
  const since = campaign.runningSince;
  if (since === null || until <= since) return "running";
  const rng = tenant.rng;
  const fraction = (until - since) / HOUR_MS;
  const day = moscowDate(since);
  for (const item of campaign.items) {
    const hourly = rng.int(300, 900);
    for (const [app, share] of MEDIA_APPS) {
      let views = stochastic(rng, fraction * share * hourly);
      let expenses: number;
      if (campaign.type === 2) {
        const dailyLeft = item.dailyLimit > 0 ? item.dailyLimit - spentOn(campaign, item, day) : Number.POSITIVE_INFINITY;
        const affordable = Math.max(0, Math.floor((Math.min(campaign.budget, dailyLeft) * 1000) / item.cpm));
        views = Math.min(views, affordable);
        expenses = (views * item.cpm) / 1000;
        campaign.budget = Math.max(0, campaign.budget - expenses);
      } else {
        expenses = (item.cpm / 24) * fraction * share;
      }
      const clicks = Math.min(views, stochastic(rng, views * (0.008 + rng.next() * 0.017)));
      const atbs = Math.min(clicks, stochastic(rng, clicks * (0.02 + rng.next() * 0.06)));
      const orders = Math.min(atbs, stochastic(rng, atbs * 0.3));
      campaign.expenses += expenses;
      addCell(campaign, cellKey(day, item.id, app), { views, clicks, atbs, orders, expenses });
    }
  }
  campaign.runningSince = until;
  if (budgetSpent(campaign)) return "budget";
  if (dailyLimitReached(campaign, day)) return "daily";
  return "running";
}
