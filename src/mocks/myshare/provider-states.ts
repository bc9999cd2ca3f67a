import { z } from "zod";
import { MS_DEAL_STATUSES } from "../../contracts/myshare/enums.js";
import { fail, ok, type Result } from "../../state/kernel/result.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import { createCatalog, updateCatalog } from "../../state/myshare/catalogs.js";
import { createDeal, rejectDeal, updateDeal } from "../../state/myshare/deals.js";
import type { Catalog, Offer, Partner } from "../../state/myshare/model.js";
import { createOffer } from "../../state/myshare/offers.js";
import { joinPartner } from "../../state/myshare/partners.js";
import { createPromo } from "../../state/myshare/promos.js";
import { catalogueState, stateList } from "../sandbox/provider-states-catalogue.js";
import { CATALOG_DEFAULTS } from "./serializers/catalog-input.js";

const PROVIDER = "myshare";
const DAY_MS = 86_400_000;

const CatalogParams = z.object({
  catalogCode: z.string().regex(/^[-a-zA-Z0-9_]{1,255}$/).default("super_catalog"),
  title: z.string().min(1).default("SuperCatalog"),
  moderationType: z.enum(["FREE_ENTRY", "AUTO_MODERATION", "MANUAL_MODERATION"]).default("FREE_ENTRY"),
  /** Days a paid deal is held before it is approved. */
  holdDays: z.number().int().min(0).max(3650).default(30),
  /** Days a created deal waits for payment before it is canceled. */
  canceledDays: z.number().int().min(0).max(3650).default(14),
  isPromocodeAllowed: z.boolean().default(true),
  /** Offers named Basic, Offer 2, Offer 3, ... (100 USD, 5 % reward). */
  offers: z.number().int().min(0).max(100).default(1),
});

const PartnerParams = CatalogParams.extend({
  /** The promo code's discount; default the catalog's minimum. */
  promoPercent: z.number().min(0).max(100).optional(),
});

const DealParams = PartnerParams.extend({
  status: z.enum(MS_DEAL_STATUSES).default("Created"),
  dealId: z.string().min(1).max(255).default("pact-deal-1"),
  cost: z.number().positive().default(100),
  currency: z.enum(["USD", "RUB"]).default("USD"),
  /** A Paid deal: paid this many days ago (the clock moves that far; at holdDays it is Approved). */
  paidDaysAgo: z.number().int().min(0).max(3650).default(0),
  /** Whether the deal carries the partner's uid (another_data "myshare=<uid>"), so it is attributed. */
  attributed: z.boolean().default(true),
});

const PromoParams = CatalogParams.extend({
  code: z.string().min(1).max(255).default("Promo_pact"),
  /** The code's discount; default the catalog's minimum. */
  percent: z.number().min(0).max(100).optional(),
  /** The catalog's min_promo_code_percent and max_promo_code_percent. */
  minPromoPercent: z.number().min(0).max(100).default(5),
  maxPromoPercent: z.number().min(0).max(100).default(10),
});

const DealsParams = PartnerParams.extend({
  /** One deal per entry, deal_ids pact-deal-1, pact-deal-2, ... in this order, each on the first offer. */
  statuses: z.array(z.enum(MS_DEAL_STATUSES)).min(1).max(100).default(["Created", "Paid", "Approved", "Canceled", "Rejected"]),
  cost: z.number().positive().default(100),
  currency: z.enum(["USD", "RUB"]).default("USD"),
});

const duration = (days: number) => `${days} 00:00:00`;
const refused = (step: string, why: unknown) => `${step} refused: ${JSON.stringify(why)}`;
const offerName = (i: number) => (i === 0 ? "Basic" : `Offer ${i + 1}`);

interface BuiltCatalog {
  catalog: Catalog;
  offers: Offer[];
}

function buildCatalog(tenant: Tenant, params: z.output<typeof CatalogParams>, minOffers: number): Result<BuiltCatalog, string> {
  if (params.offers < minOffers) return fail(`this state needs an offer: send offers ${minOffers} or more`);
  const created = createCatalog(tenant, {
    ...CATALOG_DEFAULTS,
    title: params.title,
    catalogCode: params.catalogCode,
    description: "some_text",
    moderationType: params.moderationType,
    holdDuration: duration(params.holdDays),
    canceledDuration: duration(params.canceledDays),
    isPromocodeAllowed: params.isPromocodeAllowed,
  });
  if (!created.ok) return fail(refused("POST /catalog/", created.error));
  const catalog = created.value;
  const offers: Offer[] = [];
  for (let i = 0; i < params.offers; i++) {
    const offer = createOffer(tenant, {
      catalogId: catalog.id,
      name: offerName(i),
      isPromocodeAllowed: params.isPromocodeAllowed,
      isActive: true,
      prices: [{ cost: 100, currency: "USD" }],
      description: "Offer description",
      rewardPercent: 5,
      fixRemuneration: null,
    });
    if (!offer.ok) return fail(refused("POST /offer/", offer.error));
    offers.push(offer.value);
  }
  return ok({ catalog, offers });
}

function catalogValues({ catalog, offers }: BuiltCatalog) {
  return { catalogId: catalog.id, publicId: catalog.publicId, catalogCode: catalog.catalogCode, offerId: offers[0]?.id ?? "", offerName: offers[0]?.name ?? "" };
}

function buildPartner(tenant: Tenant, params: z.output<typeof PartnerParams>): Result<BuiltCatalog & { partner: Partner }, string> {
  const built = buildCatalog(tenant, params, 1);
  if (!built.ok) return built;
  const joined = joinPartner(tenant, built.value.catalog.id, params.promoPercent);
  if (!joined.ok) return fail(refused("the partner joining", joined.error) + " (promoPercent must lie in the catalog's range)");
  return ok({ ...built.value, partner: joined.value });
}

const partnerValues = (partner: Partner) => ({ partnerId: partner.id, promoCode: partner.promoCode, uid: partner.uid });

/** The myshare affiliate API's provider states. */
export const MYSHARE_STATES = {
  noCatalogs: catalogueState({
    name: "no myshare catalogs",
    provider: PROVIDER,
    summary: "The advertiser has no catalogs (a reset tenant).",
    params: z.object({}),
    returns: {},
    example: {},
    setup: () => ok({}),
  }),
  catalog: catalogueState({
    name: "a myshare catalog with offers exists",
    provider: PROVIDER,
    summary: "A published catalog `catalogCode` with `offers` offers (the first named Basic, 100 USD, 5 % reward).",
    params: CatalogParams,
    returns: { catalogId: "the catalog's UUID", publicId: "its 5-character public id", catalogCode: "its code", offerId: "the first offer's UUID", offerName: "its name" },
    example: { catalogCode: "super_catalog", offers: 2, holdDays: 30 },
    setup: ({ tenant }, params) => {
      const built = buildCatalog(tenant, params, 0);
      return built.ok ? ok(catalogValues(built.value)) : built;
    },
  }),
  partner: catalogueState({
    name: "a myshare partner joined",
    provider: PROVIDER,
    summary: "The catalog state, and a partner who joined it: a promo code worth `promoPercent` and a myshare uid.",
    params: PartnerParams,
    returns: { catalogId: "the catalog's UUID", publicId: "its public id", catalogCode: "its code", offerId: "the first offer's UUID", offerName: "its name", partnerId: "the partner's UUID", promoCode: "the partner's promo code", uid: "the partner's myshare uid" },
    example: { catalogCode: "super_catalog", promoPercent: 5 },
    setup: ({ tenant }, params) => {
      const built = buildPartner(tenant, params);
      return built.ok ? ok({ ...catalogValues(built.value), ...partnerValues(built.value.partner) }) : built;
    },
  }),
  deal: catalogueState({
    name: "a myshare deal exists",
    provider: PROVIDER,
    summary: "The partner state, and a deal `dealId` on the first offer in `status` (Rejected: reported Created, then rejected by the moderation); a Paid one paid `paidDaysAgo` days ago (the hold is `holdDays`).",
    params: DealParams,
    returns: { id: "the deal's system id", dealId: "its deal_id", catalogId: "the catalog's UUID", catalogCode: "its code", offerName: "the offer's name", partnerId: "the partner's UUID", promoCode: "the partner's promo code", uid: "the partner's uid" },
    example: { status: "Paid", paidDaysAgo: 29, holdDays: 30 },
    setup: async ({ tenant, advance }, params) => {
      if (params.paidDaysAgo > 0 && params.status !== "Paid" && params.status !== "Approved") {
        return fail(`paidDaysAgo ${params.paidDaysAgo} needs status "Paid" (or "Approved"), not "${params.status}"`);
      }
      if (params.status === "Paid" && params.paidDaysAgo >= params.holdDays) {
        return fail(`a deal paid ${params.paidDaysAgo} days ago is past its ${params.holdDays}-day hold and Approved: send status "Approved", or paidDaysAgo below holdDays`);
      }
      const built = buildPartner(tenant, params);
      if (!built.ok) return built;
      const { catalog, offers, partner } = built.value;
      const offer = offers[0];
      if (offer === undefined) return fail("the catalog has no offer: send offers 1 or more");
      const created = createDeal(tenant, {
        status: params.status === "Paid" || params.status === "Approved" ? "Paid" : "Created",
        catalog,
        offer,
        cost: params.cost,
        currency: params.currency,
        dealId: params.dealId,
        promoCode: null,
        anotherData: params.attributed ? `myshare=${partner.uid}` : null,
      });
      if (!created.ok) return fail(refused("POST /deal/", created.error));
      const deal = created.value.deal;
      if (params.status === "Canceled") {
        const canceled = updateDeal(tenant, deal, { status: "Canceled" });
        if (!canceled.ok) return fail(refused("PATCH /deal/ to Canceled", canceled.error));
      }
      if (params.status === "Rejected") {
        const rejected = rejectDeal(tenant, deal, "provider state");
        if (!rejected.ok) return fail(refused("the rejection", rejected.error));
      }
      const days = params.status === "Approved" ? Math.max(params.paidDaysAgo, params.holdDays) : params.paidDaysAgo;
      if (days > 0) await advance(days * DAY_MS + (params.status === "Approved" ? 1 : 0));
      if (deal.status !== params.status) return fail(`deal ${deal.dealId} ended up ${deal.status}, not ${params.status}`);
      return ok({ id: deal.id, dealId: deal.dealId, catalogId: catalog.id, catalogCode: catalog.catalogCode, offerName: offer.name, ...partnerValues(partner) });
    },
  }),
  promo: catalogueState({
    name: "a myshare personal promo code exists",
    provider: PROVIDER,
    summary: "The catalog state (promo percents `minPromoPercent`-`maxPromoPercent`) and a personal promo code `code` worth `percent` in it (POST /promo/).",
    params: PromoParams,
    returns: { promoId: "the promo code's UUID", code: "the code", catalogId: "the catalog's UUID", publicId: "its public id", catalogCode: "its code", offerName: "the first offer's name" },
    example: { code: "Promo_pact", percent: 8, minPromoPercent: 7, maxPromoPercent: 9 },
    setup: ({ tenant }, params) => {
      if (params.minPromoPercent > params.maxPromoPercent) return fail(`minPromoPercent ${params.minPromoPercent} exceeds maxPromoPercent ${params.maxPromoPercent}`);
      const built = buildCatalog(tenant, params, 0);
      if (!built.ok) return built;
      const { catalog } = built.value;
      const widened = updateCatalog(tenant, catalog, { minPromoCodePercent: params.minPromoPercent, maxPromoCodePercent: params.maxPromoPercent });
      if (!widened.ok) return fail(refused("PATCH /catalog/", widened.error));
      const created = createPromo(tenant, { code: params.code, percent: params.percent ?? params.minPromoPercent, catalogIds: [catalog.id] });
      if (!created.ok) return fail(refused("POST /promo/", created.error) + " (percent must lie within minPromoPercent-maxPromoPercent)");
      const values = catalogValues(built.value);
      return ok({ promoId: created.value.id, code: created.value.code, catalogId: values.catalogId, publicId: values.publicId, catalogCode: values.catalogCode, offerName: values.offerName });
    },
  }),
  deals: catalogueState({
    name: "myshare deals exist",
    provider: PROVIDER,
    summary:
      "The partner state, and one deal per entry of `statuses` (deal_ids pact-deal-1, pact-deal-2, ...), attributed by the partner's uid. Approved deals are paid first and the clock moves past the hold; the others are reported after that, so their timers start then.",
    params: DealsParams,
    returns: { count: "how many deals", dealIds: "their deal_ids, comma-separated, in the order of statuses", catalogCode: "the catalog's code", offerId: "the offer's UUID", partnerId: "the partner's UUID", promoCode: "the partner's promo code", uid: "the partner's uid" },
    example: { statuses: ["Created", "Paid", "Approved", "Canceled", "Rejected"], cost: 250 },
    setup: async ({ tenant, advance }, params) => {
      const built = buildPartner(tenant, params);
      if (!built.ok) return built;
      const { catalog, offers, partner } = built.value;
      const offer = offers[0];
      if (offer === undefined) return fail("the catalog has no offer: send offers 1 or more");
      const entries = params.statuses.map((status, index) => ({ status, dealId: `pact-deal-${index + 1}` }));
      const report = (dealId: string, paid: boolean) =>
        createDeal(tenant, { status: paid ? "Paid" : "Created", catalog, offer, cost: params.cost, currency: params.currency, dealId, promoCode: null, anotherData: `myshare=${partner.uid}` });
      const approved = entries.filter((entry) => entry.status === "Approved");
      for (const entry of approved) {
        const created = report(entry.dealId, true);
        if (!created.ok) return fail(refused("POST /deal/", created.error));
      }
      if (approved.length > 0) await advance(params.holdDays * DAY_MS + 1);
      for (const entry of entries.filter((e) => e.status !== "Approved")) {
        const created = report(entry.dealId, entry.status === "Paid");
        if (!created.ok) return fail(refused("POST /deal/", created.error));
        const deal = created.value.deal;
        if (entry.status === "Canceled") {
          const canceled = updateDeal(tenant, deal, { status: "Canceled" });
          if (!canceled.ok) return fail(refused("PATCH /deal/ to Canceled", canceled.error));
        }
        if (entry.status === "Rejected") {
          const rejected = rejectDeal(tenant, deal, "provider state");
          if (!rejected.ok) return fail(refused("the rejection", rejected.error));
        }
      }
      return ok({ count: entries.length, dealIds: entries.map((e) => e.dealId).join(","), catalogCode: catalog.catalogCode, offerId: offer.id, ...partnerValues(partner) });
    },
  }),
};

export const MYSHARE_STATE_LIST = stateList(MYSHARE_STATES);
