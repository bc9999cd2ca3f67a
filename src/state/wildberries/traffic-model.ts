import type { TrafficCell } from "./model.js";

/**
 * The traffic simulation's store (owned by the traffic/statistics code): per campaign, per Moscow day
 * ("YYYY-MM-DD"), per app type (1 site, 32 Android, 64 iOS), per nm.
 */
export interface TrafficState {
  byCampaign: Map<number, Map<string, Map<number, Map<number, TrafficCell>>>>;
}

export function emptyTraffic(): TrafficState {
  return { byCampaign: new Map() };
}
