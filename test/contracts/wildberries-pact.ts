import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** What the Wildberries consumer test writes and the provider verification reads. */
export const WB_CONSUMER = "wildberries-client";
export const WB_PROVIDER = "promo-sandbox-wildberries";
export const WB_PACT_DIR = fileURLToPath(new URL("../../pacts", import.meta.url));
export const WB_PACT_FILE = join(WB_PACT_DIR, `${WB_CONSUMER}-${WB_PROVIDER}.json`);

/** The seller's token, raw in Authorization as Wildberries documents; in open mode it names the tenant. */
export const WB_PACT_TOKEN = "pact-wildberries";

/** Every deposit the pact makes (budget_min, a multiple of 50). */
export const DEPOSIT = { sum: 1000, type: 0, return: true } as const;

/** Provider states; each returns the values the interactions inject with fromProviderState. */
export const WB_STATES = {
  /** returns { nm }: an nm of the seller's catalogue */
  catalogue: "a seller with a catalogue",
  /** returns { advertId }: a new Auction campaign (4, no budget) and money on the account */
  auctionReady: "an Auction campaign ready to launch and a funded account",
  /** returns { advertId }: an Auction campaign (4) with a budget */
  auctionFunded: "an Auction campaign with a budget",
  /** returns { advertId }: a launched Auction campaign (9) */
  auctionActive: "an active Auction campaign",
  /** returns { advertId, begin, end }: an Auction campaign that has run for two days, begin..end its Moscow dates */
  auctionRan: "an Auction campaign that ran for two days",
  /** returns { advertId }: a stopped Auction campaign (7) */
  auctionCompleted: "a completed Auction campaign",
  /** returns {}: the seller's clock is frozen and the burst (5) of promotion/adverts is used up */
  advertsExhausted: "the seller has used up the promotion/adverts burst",
} as const;
