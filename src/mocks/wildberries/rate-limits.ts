import type { WbOperationId } from "../../contracts/wildberries/routes.js";
import type { OperationLimit, RateLimits } from "../http/rate-limits.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** One method's bucket: `burst` back to back, then one call per `intervalMs`. */
const limit = (burst: number, intervalMs: number): OperationLimit => ({ burst, intervalMs });

/**
 * Research §3.6, "default for fake": per seller (tenant) and per method; GET and POST on one path have
 * separate buckets. Interval = period / limit; burst from the 2025 tables where they exist.
 */
export const WILDBERRIES_RATE_LIMITS: { readonly [K in WbOperationId]: OperationLimit } = {
  getConfig: limit(1, MINUTE),
  createAutoCampaign: limit(1, 20 * SECOND),
  createAuctionCampaign: limit(5, 12 * SECOND),
  deleteCampaign: limit(5, 200),
  renameCampaign: limit(5, 200),
  countCampaigns: limit(5, 200),
  getCampaigns: limit(5, 200),
  changeBid: limit(5, 200),
  startCampaign: limit(5, 200),
  pauseCampaign: limit(5, 200),
  stopCampaign: limit(5, 200),
  getBalance: limit(5, SECOND),
  getCampaignBudget: limit(4, 250),
  depositCampaignBudget: limit(5, SECOND),
  getCostsHistory: limit(5, SECOND),
  getPayments: limit(5, SECOND),
  setFixedPhrasesActivity: limit(5, 500),
  setFixedPhrases: limit(5, 500),
  setPhraseMatchMinusPhrases: limit(2, 500),
  setExactMatchMinusPhrases: limit(2, 500),
  setSearchMinusPhrases: limit(2, 500),
  listNmsToAdd: limit(5, SECOND),
  updateAutoNms: limit(5, SECOND),
  setAutoMinusPhrases: limit(5, 6 * SECOND),
  getSupplierSubjects: limit(5, 12 * SECOND),
  getSupplierNms: limit(5, 12 * SECOND),
  getFullStats: limit(5, MINUTE),
  getAutoStatWords: limit(4, 250),
  getStatWords: limit(4, 250),
  getKeywordStats: limit(4, 250),
  countMediaCampaigns: limit(10, 100),
  listMediaCampaigns: limit(10, 100),
  getMediaCampaign: limit(10, 100),
  mediaStats: limit(10, 100),
  stopMediaCampaign: limit(10, 6 * SECOND),
  pauseMediaCampaign: limit(10, 6 * SECOND),
  startMediaCampaign: limit(10, 6 * SECOND),
  changeMediaBannerCpm: limit(10, 6 * SECOND),
  ping: limit(3, 10 * SECOND),
} satisfies RateLimits<WbOperationId>;
