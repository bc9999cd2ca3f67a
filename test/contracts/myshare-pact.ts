import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MsCatalogCreateRequest, MsOfferCreateRequest } from "../../src/contracts/myshare/index.js";

/** What the myshare consumer test writes and the provider verification reads. */
export const MS_CONSUMER = "myshare-client";
export const MS_PROVIDER = "promo-sandbox-myshare";
export const MS_PACT_DIR = fileURLToPath(new URL("../../pacts", import.meta.url));
export const MS_PACT_FILE = join(MS_PACT_DIR, `${MS_CONSUMER}-${MS_PROVIDER}.json`);

/** The raw token every interaction sends (myshare takes no prefix); in open mode it names the tenant. */
export const MS_PACT_TOKEN = "pact-myshare";

/** Provider states; each returns the values the pact injects with fromProviderState. */
export const MS_STATES = {
  noCatalogs: "no myshare catalogs",
  /** returns { catalogId } */
  catalog: "a myshare catalog",
  /** returns { catalogId, publicId, promoCode, uid } */
  partner: "a myshare catalog with an offer and a partner",
  /** a Created deal with deal_id pact-deal-1 (cost 100 USD, offer Basic) */
  createdDeal: "a created myshare deal pact-deal-1",
} as const;

export const MS_DEAL_ID = "pact-deal-1";

export const CATALOG_BODY = {
  title: "SuperCatalog",
  catalog_code: "super_catalog",
  description: "some_text",
  moderation_type: "FREE_ENTRY",
  hold_duration: "30 00:00:00",
  canceled_duration: "14 00:00:00",
  is_promocode_allowed: true,
  is_published: true,
} satisfies MsCatalogCreateRequest;

export const offerBody = (catalogId: string) =>
  ({
    name: "Basic",
    catalog_id: catalogId,
    is_promocode_allowed: true,
    is_active: true,
    prices: [{ cost: 100, currency: "USD" }],
    description: "Offer description",
    reward_percent: 5,
  }) satisfies MsOfferCreateRequest;
