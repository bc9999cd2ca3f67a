import type { EligibilityMemo } from "./keywords-eligible.js";
import type { Campaign, MediaCampaign } from "./model.js";
import type { CampaignTraffic } from "./traffic-model.js";

/** An active campaign as the tick walks it: resolved once, not looked up every tick. */
export interface Runner extends EligibilityMemo {
  campaign: Campaign;
  traffic: CampaignTraffic;
}

/**
 * What the Wildberries simulation remembers between calls to save work. Not state: it is never
 * exported, and a state built from a snapshot starts with an empty one. Losing it changes no answer,
 * only the time an answer takes.
 */
export interface WildberriesMemo {
  /** The tick's runners, in the order the campaigns became active (traffic-timers.ts runnersOf). */
  runners: Runner[];
  /** The active set changed since `runners` was built: rebuild them, keeping each campaign's eligibility memo. */
  runnersStale: boolean;
  /** The oldest day kept at the last drop of old statistics: the work is done once per Moscow day (stats-retention.ts). */
  lastDrop: string | undefined;
  /** Per media campaign, the first day that may still have cells; the days before are dropped (stats-retention.ts). */
  mediaFirstDay: WeakMap<MediaCampaign, number>;
}

export function emptyMemo(): WildberriesMemo {
  return { runners: [], runnersStale: true, lastDrop: undefined, mediaFirstDay: new WeakMap() };
}
