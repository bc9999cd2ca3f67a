import type { WbOperationId } from "./routes.js";

/**
 * Whether a method only reads, as Wildberries marks each method (`x-readonly-method` in its OpenAPI files,
 * 2025-09 and 2025-12; test/mocks/wildberries/token-scopes.test.ts holds this table to them). A read-only
 * token (bit 30 of its `s` claim) may call only these. The HTTP method does not tell: the seed-era API
 * starts, pauses, stops and deletes campaigns with GET and reads lists and statistics with POST. The
 * methods no file documents (save-ad, cpm, set-phrase, set-strong, the media status and bid calls) change
 * state, so they are writes.
 */
export const WB_READ_ONLY: { readonly [K in WbOperationId]: boolean } = {
  ping: true,
  getConfig: true,
  getSupplierSubjects: true,
  getSupplierNms: true,
  createAutoCampaign: false,
  createAuctionCampaign: false,
  deleteCampaign: false,
  renameCampaign: false,
  countCampaigns: true,
  getCampaigns: true,
  changeBid: false,
  startCampaign: false,
  pauseCampaign: false,
  stopCampaign: false,
  getBalance: true,
  getCampaignBudget: true,
  depositCampaignBudget: false,
  getCostsHistory: true,
  getPayments: true,
  setFixedPhrasesActivity: false,
  setFixedPhrases: false,
  setPhraseMatchMinusPhrases: false,
  setExactMatchMinusPhrases: false,
  setSearchMinusPhrases: false,
  listNmsToAdd: true,
  updateAutoNms: false,
  setAutoMinusPhrases: false,
  getFullStats: true,
  getAutoStatWords: true,
  getStatWords: true,
  getKeywordStats: true,
  countMediaCampaigns: true,
  listMediaCampaigns: true,
  getMediaCampaign: true,
  mediaStats: true,
  stopMediaCampaign: false,
  pauseMediaCampaign: false,
  startMediaCampaign: false,
  changeMediaBannerCpm: false,
};

/**
 * The token's category the method needs (research §2.3: bit positions of the `s` claim): every
 * Promotion method bit 6; `GET /ping` belongs to the "General" section, which every token may call.
 */
export const WB_PROMOTION_BIT = 6;
/** Bit 30 of `s`: the token may only read. */
export const WB_READ_ONLY_BIT = 30;
/** Methods every token may call whatever its categories (the General section). */
export const WB_ANY_CATEGORY: ReadonlySet<WbOperationId> = new Set<WbOperationId>(["ping"]);
