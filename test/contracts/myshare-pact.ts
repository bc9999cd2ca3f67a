import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MsCatalogCreateRequest, MsOfferCreateRequest } from "../../src/contracts/myshare/index.js";
import { MYSHARE_STATES } from "../../src/mocks/myshare/provider-states.js";
import { given } from "../../src/pact/states.js";

/** What the myshare consumer test writes and the provider verification reads. */
export const MS_CONSUMER = "myshare-client";
export const MS_PROVIDER = "promo-sandbox-myshare";
export const MS_PACT_DIR = fileURLToPath(new URL("../../pacts", import.meta.url));
export const MS_PACT_FILE = join(MS_PACT_DIR, `${MS_CONSUMER}-${MS_PROVIDER}.json`);

/** The raw token every interaction sends (myshare takes no prefix); in open mode it names the tenant. */
export const MS_PACT_TOKEN = "pact-myshare";

export const MS_DEAL_ID = "pact-deal-1";

/** Provider states from the sandbox's catalogue (docs/provider-states.md), as `.given(...MS_STATES.x)` takes them. */
export const MS_STATES = {
  noCatalogs: given(MYSHARE_STATES.noCatalogs),
  /** returns { catalogId, publicId }: a catalog without offers */
  catalog: given(MYSHARE_STATES.catalog, { offers: 0 }),
  /** returns { catalogId, publicId, promoCode, uid }: the catalog, its offer Basic and a partner (5 %) */
  partner: given(MYSHARE_STATES.partner),
  /** a Created deal MS_DEAL_ID (cost 100 USD, offer Basic) */
  createdDeal: given(MYSHARE_STATES.deal, { status: "Created", dealId: MS_DEAL_ID }),
};

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
