import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CreateCampaignRequest } from "../../src/contracts/yoomoney/index.js";

/** What the YooMoney consumer test writes and the provider verification reads. */
export const CONSUMER = "yoomoney-client";
export const PROVIDER = "promo-sandbox-yoomoney";
export const PACT_DIR = fileURLToPath(new URL("../../pacts", import.meta.url));
export const PACT_FILE = join(PACT_DIR, `${CONSUMER}-${PROVIDER}.json`);

/** The token every interaction sends; in open mode it names the tenant the provider states set up. */
export const PACT_TOKEN = "pact-yoomoney";

/** Provider states, with the parameters each takes. */
export const STATES = {
  noCampaigns: "no campaigns",
  inModeration: "a one-off code campaign in moderation",
  verifiedWithoutPins: "a verified one-off code campaign without pins",
  pinRequired: "a one-off code campaign waiting for pins (pin-required)",
  /** params: { pinContent } */
  acceptedPin: "a started one-off campaign with an accepted pin",
  /** params: { pinContent } */
  expiredOffer: "a started one-off campaign whose accepted pin's offer expired",
} as const;

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
