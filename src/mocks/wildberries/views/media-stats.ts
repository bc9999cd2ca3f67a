import type { WbMediaStatsBlock, WbMediaStatsEntry } from "../../../contracts/wildberries/media-stats.js";
import type { Tenant } from "../../../state/kernel/tenant.js";
import { findMedia } from "../../../state/wildberries/media-lookup.js";
import { MEDIA_APPS } from "../../../state/wildberries/media-traffic.js";
import type { MediaCampaign, MediaCell, MediaItem } from "../../../state/wildberries/model.js";
import { moscowSeconds } from "../../../state/wildberries/moscow-time.js";

/** One item of POST /adv/v1/stats, already validated. */
export interface MediaStatsRequest {
  id: number;
  dates?: string[] | undefined;
  interval?: { begin: string; end: string } | undefined;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const percent = (part: number, whole: number): number => (whole === 0 ? 0 : round2((part / whole) * 100));
const dayStart = (day: string): string => `${day}T00:00:00+03:00`;

type Totals = MediaCell;
const zero = (): Totals => ({ views: 0, clicks: 0, atbs: 0, orders: 0, expenses: 0 });

function add(into: Totals, cell: MediaCell): void {
  into.views += cell.views;
  into.clicks += cell.clicks;
  into.atbs += cell.atbs;
  into.orders += cell.orders;
  into.expenses += cell.expenses;
}

/** The Moscow days (YYYY-MM-DD) of `campaign`'s traffic that the request asks for, ascending. */
function daysWanted(campaign: MediaCampaign, request: MediaStatsRequest): string[] {
  const days = new Set<string>();
  for (const key of Object.keys(campaign.traffic)) days.add(key.slice(0, 10));
  const dates = request.dates === undefined ? undefined : new Set(request.dates);
  const { interval } = request;
  return [...days]
    .filter((day) => dates === undefined || dates.has(day))
    .filter((day) => interval === undefined || (day >= interval.begin && day <= interval.end))
    .sort();
}

/** One banner over `days`: totals equal the sum of its days and app types; undefined without traffic. */
function block(campaign: MediaCampaign, item: MediaItem, days: string[], withOrders: boolean): WbMediaStatsBlock | undefined {
  const total = zero();
  const daily: WbMediaStatsBlock["daily_stats"] = [];
  for (const day of days) {
    const apps: WbMediaStatsBlock["daily_stats"][number]["app_type_stats"] = [];
    for (const [app] of MEDIA_APPS) {
      const cell = campaign.traffic[`${day}|${item.id}|${app}`];
      if (cell === undefined) continue;
      add(total, cell);
      const stats = { views: cell.views, clicks: cell.clicks, atbs: cell.atbs, ctr: percent(cell.clicks, cell.views) };
      apps.push({ app_type: app, stats: [withOrders ? { ...stats, orders: cell.orders, cr: percent(cell.orders, cell.clicks) } : stats] });
    }
    if (apps.length > 0) daily.push({ date: dayStart(day), app_type_stats: apps });
  }
  if (daily.length === 0) return undefined;
  return {
    item_id: item.id,
    item_name: item.name,
    category_name: item.categoryName,
    advert_type: campaign.type,
    place: item.place,
    views: total.views,
    clicks: total.clicks,
    cr: percent(total.orders, total.clicks),
    ctr: percent(total.clicks, total.views),
    date_from: moscowSeconds(item.dateFrom),
    date_to: moscowSeconds(item.dateTo),
    subject_name: item.subjectName,
    atbs: total.atbs,
    orders: total.orders,
    price: round2(total.expenses),
    cpc: total.clicks === 0 ? 0 : round2(total.expenses / total.clicks),
    status: item.status,
    daily_stats: daily,
    expenses: round2(total.expenses),
    cr1: percent(total.atbs, total.clicks),
    cr2: total.atbs === 0 ? 0 : Math.round((total.orders / total.atbs) * 100),
  };
}

/**
 * POST /adv/v1/stats: one entry per request item, in order, echoing its dates or interval; a campaign
 * the seller does not have, or days without traffic, give `stats: []`.
 */
export function mediaStats(tenant: Tenant, requests: readonly MediaStatsRequest[]): WbMediaStatsEntry[] {
  return requests.map((request) => {
    const echo = request.dates !== undefined ? { dates: request.dates } : request.interval !== undefined ? { interval: request.interval } : {};
    const campaign = findMedia(tenant, request.id);
    if (campaign === undefined) return { ...echo, stats: [] };
    const days = daysWanted(campaign, request);
    const withOrders = request.dates !== undefined;
    const stats = campaign.items.flatMap((item) => block(campaign, item, days, withOrders) ?? []);
    return { ...echo, stats };
  });
}
