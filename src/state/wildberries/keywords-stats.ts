import { fail, ok, type Result } from "../kernel/result.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { findCampaign } from "./campaign-lookup.js";
import { DAY_MS, moscowDayStart } from "./moscow-time.js";
import { dayWords, ratio, rubles } from "./traffic-math.js";
import { WORD_CLICKS, WORD_METRICS, WORD_SPEND_KOP, WORD_VIEWS } from "./traffic-model.js";

/** GET /adv/v0/stats/keywords: at most 7 days per request (seed). */
export const KEYWORD_STATS_MAX_DAYS = 7;

export interface KeywordStat {
  clicks: number;
  ctr: number;
  keyword: string;
  sum: number;
  views: number;
}

export interface KeywordDay {
  date: string;
  stats: KeywordStat[];
}

export type KeywordStatsError = "from" | "to" | "period" | "notFound";

/**
 * Keyword statistics per Moscow day from..to (inclusive, at most 7 days) for an automatic or Auction
 * campaign: only the days it had search traffic, each with its phrases by views.
 */
export function keywordStats(tenant: Tenant, advertId: number, from: string, to: string): Result<KeywordDay[], KeywordStatsError> {
  const first = moscowDayStart(from);
  if (first === undefined) return fail("from");
  const last = moscowDayStart(to);
  if (last === undefined || last < first) return fail("to");
  if ((last - first) / DAY_MS + 1 > KEYWORD_STATS_MAX_DAYS) return fail("period");
  const campaign = findCampaign(tenant, advertId);
  if (campaign === undefined) return fail("notFound");
  const traffic = peekState(tenant, "wildberries")?.traffic.byCampaign.get(advertId);
  const out: KeywordDay[] = [];
  for (const day of traffic?.days ?? []) {
    if (day.day < from || day.day > to) continue;
    const stats: KeywordStat[] = [];
    const words = traffic === undefined ? [] : dayWords(traffic, day);
    for (let i = 0; i * WORD_METRICS < words.length; i++) {
      const at = i * WORD_METRICS;
      const views = words[at + WORD_VIEWS] ?? 0;
      if (views === 0) continue;
      const clicks = words[at + WORD_CLICKS] ?? 0;
      stats.push({ clicks, ctr: ratio(clicks * 100, views), keyword: traffic?.keywords[i] ?? "", sum: rubles(words[at + WORD_SPEND_KOP] ?? 0), views });
    }
    if (stats.length === 0) continue;
    stats.sort((a, b) => b.views - a.views || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0));
    out.push({ date: day.day, stats });
  }
  return ok(out);
}
