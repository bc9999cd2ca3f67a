import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WILDBERRIES_STATES } from "../../src/mocks/wildberries/provider-states.js";
import { given } from "../../src/pact/states.js";

/** What the Wildberries consumer test writes and the provider verification reads. */
export const WB_CONSUMER = "wildberries-client";
export const WB_PROVIDER = "promo-sandbox-wildberries";
export const WB_PACT_DIR = fileURLToPath(new URL("../../pacts", import.meta.url));
export const WB_PACT_FILE = join(WB_PACT_DIR, `${WB_CONSUMER}-${WB_PROVIDER}.json`);

/** The seller's token, raw in Authorization as Wildberries documents; in open mode it names the tenant. */
export const WB_PACT_TOKEN = "pact-wildberries";

/** Every deposit the pact makes (budget_min, a multiple of 50). */
export const DEPOSIT = { sum: 1000, type: 0, return: true } as const;

/** Provider states from the sandbox's catalogue (docs/provider-states.md), as `.given(...WB_STATES.x)` takes them. */
export const WB_STATES = {
  /** returns { nm }: an nm of the seller's catalogue */
  catalogue: given(WILDBERRIES_STATES.seller),
  /** returns { advertId }: a new Auction campaign (4, no budget) and money on the account */
  auctionReady: given(WILDBERRIES_STATES.campaign, { type: 9, status: 4, budget: 0 }),
  /** returns { advertId }: an Auction campaign (4) with a budget */
  auctionFunded: given(WILDBERRIES_STATES.campaign, { type: 9, status: 4, budget: DEPOSIT.sum }),
  /** returns { advertId }: a launched Auction campaign (9) */
  auctionActive: given(WILDBERRIES_STATES.campaign, { type: 9, status: 9, budget: DEPOSIT.sum }),
  /** returns { advertId, begin, end }: an Auction campaign that has run for two days, begin..end its Moscow dates */
  auctionRan: given(WILDBERRIES_STATES.campaign, { type: 9, status: 9, budget: DEPOSIT.sum, trafficDays: 2 }),
  /** returns { advertId }: a stopped Auction campaign (7) */
  auctionCompleted: given(WILDBERRIES_STATES.campaign, { type: 9, status: 7, budget: DEPOSIT.sum }),
  /** returns {}: the seller's clock is frozen and the burst (5) of promotion/adverts is used up */
  advertsExhausted: given(WILDBERRIES_STATES.rateLimited, { operation: "getCampaigns" }),
};
