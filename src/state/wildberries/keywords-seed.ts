import type { Tenant } from "../kernel/tenant.js";
import type { Campaign, Catalogue } from "./model.js";

/** Search phrases shoppers type around a subject ("{s}" is the subject name in lower case). */
const SUBJECT_PATTERNS: readonly string[] = [
  "{s}",
  "купить {s}",
  "{s} недорого",
  "{s} со скидкой",
  "{s} распродажа",
  "{s} в подарок",
  "{s} отзывы",
  "лучшие {s}",
  "{s} для дома",
];

export interface KeywordSet {
  keywords: string[];
  /** Cluster of each keyword: the subject name, or the product title for title phrases. */
  clusters: string[];
  weights: number[];
}

/** The subjects a campaign advertises: the automatic campaign's subject, or every Auction subject. */
export function campaignSubjects(campaign: Campaign): number[] {
  if (campaign.autoParams !== null) return [campaign.autoParams.subjectId];
  return (campaign.unitedParams ?? []).map((u) => u.subjectId);
}

/** The nms a campaign advertises, in order. */
export function campaignNms(campaign: Campaign): number[] {
  if (campaign.autoParams !== null) return campaign.autoParams.nms;
  const nms: number[] = [];
  for (const param of campaign.unitedParams ?? []) nms.push(...param.nms);
  return nms;
}

const normalise = (phrase: string) => phrase.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * A campaign's seeded keyword set, derived from its subjects and nm titles: the subject's common
 * search phrases plus each product title (and "title купить"). Popularity weights are drawn from the
 * tenant's generator and fall off with a seeded rank, so a few phrases carry most of the traffic.
 */
export function seedKeywords(tenant: Tenant, campaign: Campaign, catalogue: Catalogue): KeywordSet {
  const keywords: string[] = [];
  const clusters: string[] = [];
  const add = (phrase: string, cluster: string) => {
    const keyword = normalise(phrase);
    if (keyword.length === 0 || keywords.includes(keyword)) return;
    keywords.push(keyword);
    clusters.push(cluster);
  };
  for (const subjectId of campaignSubjects(campaign)) {
    const subject = catalogue.subjects.find((s) => s.id === subjectId);
    if (subject === undefined) continue;
    const name = subject.name.toLowerCase();
    for (const pattern of SUBJECT_PATTERNS) add(pattern.replace("{s}", name), subject.name);
  }
  for (const nm of campaignNms(campaign)) {
    const card = catalogue.nms.find((n) => n.nm === nm);
    if (card === undefined) continue;
    add(card.title, card.title);
    add(`${card.title} купить`, card.title);
  }
  // Seeded popularity: a shuffled rank with a Zipf-like fall-off, times a random factor.
  const ranks = keywords.map((_, i) => i);
  for (let i = ranks.length - 1; i > 0; i--) {
    const j = tenant.rng.int(0, i);
    const a = ranks[i] ?? 0;
    ranks[i] = ranks[j] ?? 0;
    ranks[j] = a;
  }
  const weights = ranks.map((rank) => roundWeight((0.5 + tenant.rng.next()) / Math.pow(rank + 1, 0.8)));
  return { keywords, clusters, weights };
}

/** Popularity of a phrase added later (a fixed phrase outside the seeded set): a seeded middle value. */
export function extraWeight(tenant: Tenant): number {
  return roundWeight(0.2 + 0.4 * tenant.rng.next());
}

/** Weights are kept to 6 decimals so a snapshot round-trips them exactly. */
const roundWeight = (w: number) => Math.round(w * 1e6) / 1e6;

export { normalise as normalisePhrase };
