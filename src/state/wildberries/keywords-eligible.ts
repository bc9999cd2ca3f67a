import type { Tenant } from "../kernel/tenant.js";
import { extraWeight, normalisePhrase } from "./keywords-seed.js";
import type { Campaign, PhraseLists } from "./model.js";
import type { CampaignTraffic } from "./traffic-model.js";

/** The keywords that may get search traffic now, and how much of the campaign's search reach they hold. */
export interface EligibleKeywords {
  /** Index in CampaignTraffic.regimes of the eligible keywords and their weights; -1 when none. */
  regime: number;
  /** Σ eligible weights / Σ weights of the keyword set (fixed phrases that joined it included), at most 1: the share of search traffic left. */
  reach: number;
}

export interface Cached {
  lists: PhraseLists;
  pluse: string[];
  phrase: string[];
  strong: string[];
  excluded: string[];
  lengths: [number, number, number, number];
  fixed: boolean;
  keywordCount: number;
  result: EligibleKeywords;
}

/**
 * A caller-held slot for the last answer (the hourly tick keeps one per active campaign, traffic-memo.ts):
 * not state, recomputed whenever the phrase lists (or the keyword set) change. Computing again gives the
 * same answer (fixed phrases join the keyword set once, a regime is added once).
 */
export interface EligibilityMemo {
  cached: Cached | undefined;
}

const words = (phrase: string) => normalisePhrase(phrase).split(" ");

/** A minus phrase of phrase match (and a search minus phrase) blocks every keyword holding all its words. */
function containsAll(keywordWords: readonly string[], minus: readonly string[]): boolean {
  return minus.length > 0 && minus.every((w) => keywordWords.includes(w));
}

const lengthsOf = (l: PhraseLists): [number, number, number, number] => [l.pluse.length, l.phrase.length, l.strong.length, l.excluded.length];
const sameLengths = (a: readonly number[], l: PhraseLists) =>
  a[0] === l.pluse.length && a[1] === l.phrase.length && a[2] === l.strong.length && a[3] === l.excluded.length;

/**
 * The eligible keywords of a campaign: an Auction campaign with fixed phrases switched on (and some
 * set) is shown only on those; then minus phrases remove keywords (strong: the exact phrase; phrase
 * and excluded: any keyword with all the phrase's words). Automatic campaigns have only `excluded`.
 * Fixed phrases outside the seeded set join the keyword set (with a seeded popularity).
 */
export function eligibleKeywords(tenant: Tenant, campaign: Campaign, traffic: CampaignTraffic, memo?: EligibilityMemo): EligibleKeywords {
  const lists = campaign.phrases;
  const hit = memo?.cached;
  if (
    hit !== undefined &&
    hit.lists === lists &&
    hit.pluse === lists.pluse &&
    hit.phrase === lists.phrase &&
    hit.strong === lists.strong &&
    hit.excluded === lists.excluded &&
    sameLengths(hit.lengths, lists) &&
    hit.fixed === lists.fixed &&
    hit.keywordCount === traffic.keywords.length
  ) {
    return hit.result;
  }
  const result = compute(tenant, campaign, traffic);
  const entry: Cached = {
    lists,
    pluse: lists.pluse,
    phrase: lists.phrase,
    strong: lists.strong,
    excluded: lists.excluded,
    lengths: lengthsOf(lists),
    fixed: lists.fixed,
    keywordCount: traffic.keywords.length,
    result,
  };
  if (memo !== undefined) memo.cached = entry;
  return result;
}

function compute(tenant: Tenant, campaign: Campaign, traffic: CampaignTraffic): EligibleKeywords {
  const lists = campaign.phrases;
  let candidates: number[];
  if (campaign.type === 9 && lists.fixed && lists.pluse.length > 0) {
    candidates = [];
    for (const phrase of lists.pluse) {
      const keyword = normalisePhrase(phrase);
      if (keyword.length === 0) continue;
      let index = traffic.keywords.indexOf(keyword);
      if (index === -1) {
        traffic.keywords.push(keyword);
        traffic.clusters.push(phrase.trim());
        traffic.weights.push(extraWeight(tenant));
        index = traffic.keywords.length - 1;
      }
      if (!candidates.includes(index)) candidates.push(index);
    }
  } else {
    candidates = traffic.keywords.map((_, i) => i);
  }
  // After the fixed phrases joined: the same lists always give the same answer, however often it is computed.
  const seededTotal = traffic.weights.reduce((a, w) => a + w, 0);
  const strong = new Set((campaign.type === 9 ? lists.strong : []).map(normalisePhrase));
  const containing = (campaign.type === 9 ? [...lists.phrase, ...lists.excluded] : lists.excluded).map(words);
  const indexes = candidates.filter((i) => {
    const keyword = traffic.keywords[i] ?? "";
    if (strong.has(keyword)) return false;
    const kw = keyword.split(" ");
    return !containing.some((minus) => containsAll(kw, minus));
  });
  const eligibleTotal = indexes.reduce((a, i) => a + (traffic.weights[i] ?? 0), 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const i of indexes) {
    running += traffic.weights[i] ?? 0;
    cumulative.push(eligibleTotal > 0 ? running / eligibleTotal : 0);
  }
  if (cumulative.length > 0) cumulative[cumulative.length - 1] = 1;
  const reach = seededTotal > 0 && indexes.length > 0 ? Math.min(1, eligibleTotal / seededTotal) : 0;
  return { regime: indexes.length === 0 ? -1 : regimeOf(traffic, indexes, cumulative), reach };
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The index of this regime in the campaign's list, added when new. */
function regimeOf(traffic: CampaignTraffic, indexes: number[], cumulative: number[]): number {
  const found = traffic.regimes.findIndex((r) => sameNumbers(r.indexes, indexes) && sameNumbers(r.cumulative, cumulative));
  if (found !== -1) return found;
  traffic.regimes.push({ indexes, cumulative });
  return traffic.regimes.length - 1;
}
