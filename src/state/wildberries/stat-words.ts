import { fail, ok, type Result } from "../kernel/result.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { findCampaign } from "./campaign-lookup.js";
import type { Campaign } from "./model.js";
import { moscowTimestamp, NEVER_ENDS } from "./moscow-time.js";
import { keywordTotals, ratio, round2, rubles } from "./traffic-math.js";
import { WORD_CLICKS, WORD_METRICS, WORD_SPEND_KOP, WORD_VIEWS, type CampaignTraffic } from "./traffic-model.js";

export type StatWordsError = "notFound" | "wrongType";

export interface Cluster {
  cluster: string;
  count: number;
  keywords: string[];
}

/** GET /adv/v2/auto/stat-words: the excluded phrases and the clusters of phrases shown at least once. */
export interface AutoStatWords {
  excluded: string[];
  clusters: Cluster[];
}

interface WordTotal {
  keyword: string;
  cluster: string;
  views: number;
  clicks: number;
  spendKop: number;
}

/** Every keyword of the campaign with its all-time totals (views > 0 only), most viewed first. */
function shownKeywords(traffic: CampaignTraffic | undefined): WordTotal[] {
  if (traffic === undefined) return [];
  const totals = keywordTotals(traffic);
  const out: WordTotal[] = [];
  traffic.keywords.forEach((keyword, i) => {
    const at = i * WORD_METRICS;
    const views = totals[at + WORD_VIEWS] ?? 0;
    if (views === 0) return;
    out.push({ keyword, cluster: traffic.clusters[i] ?? keyword, views, clicks: totals[at + WORD_CLICKS] ?? 0, spendKop: totals[at + WORD_SPEND_KOP] ?? 0 });
  });
  return out.sort((a, b) => b.views - a.views || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0));
}

function campaignOf(tenant: Tenant, advertId: number): { campaign: Campaign; traffic: CampaignTraffic | undefined } | undefined {
  const campaign = findCampaign(tenant, advertId);
  if (campaign === undefined) return undefined;
  return { campaign, traffic: peekState(tenant, "wildberries")?.traffic.byCampaign.get(advertId) };
}

/** Clusters (count = views of all their phrases), largest first; an automatic (type 8) campaign only. */
export function autoStatWords(tenant: Tenant, advertId: number): Result<AutoStatWords, StatWordsError> {
  const found = campaignOf(tenant, advertId);
  if (found === undefined) return fail("notFound");
  if (found.campaign.type !== 8) return fail("wrongType");
  const clusters = new Map<string, Cluster>();
  for (const word of shownKeywords(found.traffic)) {
    const cluster = clusters.get(word.cluster) ?? { cluster: word.cluster, count: 0, keywords: [] };
    cluster.count += word.views;
    cluster.keywords.push(word.keyword);
    clusters.set(word.cluster, cluster);
  }
  const list = [...clusters.values()].sort((a, b) => b.count - a.count || (a.cluster < b.cluster ? -1 : 1));
  return ok({ excluded: [...found.campaign.phrases.excluded], clusters: list });
}

export interface WordsBlock {
  phrase: string[];
  strong: string[];
  excluded: string[];
  pluse: string[];
  keywords: { keyword: string; count: number }[];
  fixed: boolean;
}

export interface WordStat {
  advertId: number;
  keyword: string;
  advertName: string;
  campaignName: string;
  begin: string;
  end: string;
  views: number;
  clicks: number;
  frq: number;
  ctr: number;
  cpc: number;
  duration: number;
  sum: number;
}

export interface StatWords {
  words: WordsBlock;
  stat: WordStat[];
}

export const TOTAL_KEYWORD = "Всего по кампании";
/** stat/words lists the 60 phrases with the most views after the total (seed). */
export const TOP_PHRASES = 60;

/**
 * GET /adv/v1/stat/words (Auction, type 9): the phrase lists, every shown phrase with its views,
 * and stat[0] "Всего по кампании" (the totals over every phrase) followed by the top 60 by views.
 * The simulation does not model distinct users, so frq (views per user) is 1 where there are views.
 */
export function auctionStatWords(tenant: Tenant, advertId: number): Result<StatWords, StatWordsError> {
  const found = campaignOf(tenant, advertId);
  if (found === undefined) return fail("notFound");
  const { campaign, traffic } = found;
  if (campaign.type !== 9) return fail("wrongType");
  const shown = shownKeywords(traffic);
  const begin = moscowTimestamp(campaign.startTime ?? campaign.createTime);
  const end = campaign.endTime === null ? NEVER_ENDS : moscowTimestamp(campaign.endTime);
  const duration = Math.floor((traffic?.activeMs ?? 0) / 1000);
  const row = (keyword: string, views: number, clicks: number, spendKop: number): WordStat => ({
    advertId,
    keyword,
    advertName: "",
    campaignName: campaign.name,
    begin,
    end,
    views,
    clicks,
    frq: views > 0 ? 1 : 0,
    ctr: ratio(clicks * 100, views),
    cpc: clicks === 0 ? 0 : round2(spendKop / 100 / clicks),
    duration,
    sum: rubles(spendKop),
  });
  let views = 0;
  let clicks = 0;
  let spendKop = 0;
  for (const w of shown) {
    views += w.views;
    clicks += w.clicks;
    spendKop += w.spendKop;
  }
  const lists = campaign.phrases;
  return ok({
    words: {
      phrase: [...lists.phrase],
      strong: [...lists.strong],
      excluded: [...lists.excluded],
      pluse: [...lists.pluse],
      keywords: shown.map((w) => ({ keyword: w.keyword, count: w.views })),
      fixed: lists.fixed,
    },
    stat: [row(TOTAL_KEYWORD, views, clicks, spendKop), ...shown.slice(0, TOP_PHRASES).map((w) => row(w.keyword, w.views, w.clicks, w.spendKop))],
  });
}
