import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CreateCampaignRequest } from "../../src/contracts/yoomoney/index.js";
import { YOOMONEY_STATES } from "../../src/mocks/yoomoney/provider-states.js";
import { given } from "../../src/pact/states.js";

/** What the YooMoney consumer test writes and the provider verification reads. */
export const CONSUMER = "yoomoney-client";
export const PROVIDER = "promo-sandbox-yoomoney";
export const PACT_DIR = fileURLToPath(new URL("../../pacts", import.meta.url));
export const PACT_FILE = join(PACT_DIR, `${CONSUMER}-${PROVIDER}.json`);

/** The token every interaction sends; in open mode it names the tenant the provider states set up. */
export const PACT_TOKEN = "pact-yoomoney";

/** The one-off code the redeem interactions send (the offer states' pinContent). */
export const PIN = "PACTPIN1";

/** Provider states from the sandbox's catalogue (docs/provider-states.md), as `.given(...STATES.x)` takes them. */
export const STATES = {
  noCampaigns: given(YOOMONEY_STATES.noCampaigns),
  inModeration: given(YOOMONEY_STATES.campaign, { status: "moderation" }),
  verifiedWithoutPins: given(YOOMONEY_STATES.campaign, { status: "verified", unusedPins: 0 }),
  pinRequired: given(YOOMONEY_STATES.campaign, { status: "pin-required", unusedPins: 0 }),
  acceptedPin: given(YOOMONEY_STATES.offerTaken, { pinContent: PIN }),
  /** offerDuration is 336 hours (14 days): 360 hours ago, the offer has expired. */
  expiredOffer: given(YOOMONEY_STATES.offerTaken, { pinContent: PIN, takenHoursAgo: 360 }),
};

/** A valid campaigns/create body (a one-off code campaign). */
export const CREATE_BODY: CreateCampaignRequest = {
  partnerCampaignId: 20,
  categoryId: 39,
  campaignType: "codeOnline",
  pinType: "one-off",
  pinDisplayType: "text",
  acceptUrl: "https://example.com/promo?code={{couponCode}}",
  merchantDomain: "example.com",
  merchantLogoSvg: "https://example.com/i/logo.svg",
  merchantLogoPng: "https://example.com/i/logo.png",
  merchantName: "Магазин",
  backgroundColor: "#1e1e1e",
  fontColor: "#ffffff",
  description: "Скидка на товары для детей",
  conditions: "Промокод действует 10 дней",
  discountType: "percent",
  discountAmount: "10",
  campaignFee: "100",
  feeType: "fix",
};
