import type { MsCatalog, MsCatalogWriteResponse } from "../../contracts/myshare/catalog.js";
import type { MsDeal, MsDealCreateResponse, MsDealUpdateResponse } from "../../contracts/myshare/deal.js";
import type { MsDealStatistics } from "../../contracts/myshare/deal-list.js";
import { MS_DEAL_STATUSES } from "../../contracts/myshare/enums.js";
import type { MsPromo } from "../../contracts/myshare/promo.js";
import type { DealStatistics } from "../../state/myshare/deal-query.js";
import type { MsLanding } from "../../contracts/myshare/landing.js";
import type { MsOffer } from "../../contracts/myshare/offer.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import { findCatalog } from "../../state/myshare/catalogs.js";
import { landingsOf } from "../../state/myshare/landings.js";
import type { Catalog, Deal, Landing, Offer, PromoCode } from "../../state/myshare/model.js";
import { formatAmount } from "../../state/myshare/money.js";
import { findOffer, offersOf } from "../../state/myshare/offers.js";
import { myshareState } from "../../state/myshare/state.js";
import { formatDateTime } from "../../state/myshare/time.js";

const at = (ms: number | null): string | null => (ms === null ? null : formatDateTime(ms));

export function offerView(offer: Offer): MsOffer {
  return {
    id: offer.id,
    name: offer.name,
    is_promocode_allowed: offer.isPromocodeAllowed,
    catalog_id: offer.catalogId,
    is_active: offer.isActive,
    fix_remuneration: offer.fixRemuneration,
    reward_percent: offer.rewardPercent,
    prices: offer.prices.map((p) => ({ cost: p.cost, currency: p.currency })),
    description: offer.description,
  };
}

export function landingView(landing: Landing): MsLanding {
  return {
    id: landing.id,
    url: landing.url,
    modified_at: formatDateTime(landing.modifiedAt),
    adaptability: landing.adaptability,
    title: landing.title,
    catalog_id: landing.catalogId,
    image_url: landing.imageUrl,
  };
}

/** What POST, PUT and PATCH /catalog/ answer (CatalogCreateResponse). */
export function catalogWriteView(tenant: Tenant, catalog: Catalog): MsCatalogWriteResponse {
  const { profile } = myshareState(tenant);
  return {
    id: catalog.id,
    title: catalog.title,
    catalog_code: catalog.catalogCode,
    offers: offersOf(tenant, catalog.id).map(offerView),
    icon: catalog.icon,
    hold_duration: catalog.holdDuration,
    canceled_duration: catalog.canceledDuration,
    is_promocode_allowed: catalog.isPromocodeAllowed,
    category: profile.categoryId,
    business_partner_id: profile.businessPartnerId,
    offer_geo: [...catalog.offerGeo],
    catalog_id: catalog.publicId,
    description: catalog.description,
    reward_type: catalog.rewardType,
    localizations: [...catalog.localizations],
    devices: catalog.devices,
    cookies_storage_days: catalog.cookiesStorageDays,
    moderation_type: catalog.moderationType,
    max_promo_code_percent: catalog.maxPromoCodePercent,
    min_promo_code_percent: catalog.minPromoCodePercent,
    is_published: catalog.isPublished,
    created_at: formatDateTime(catalog.createdAt),
  };
}

/** What GET /catalog/{id}/ answers (CatalogResponse): offers, landings, the reward range. */
export function catalogView(tenant: Tenant, catalog: Catalog): MsCatalog {
  const { profile } = myshareState(tenant);
  const offers = offersOf(tenant, catalog.id);
  const percents = offers.flatMap((o) => (o.rewardPercent === null ? [] : [o.rewardPercent]));
  return {
    id: catalog.id,
    title: catalog.title,
    approval_rate: "b/d",
    catalog_code: catalog.catalogCode,
    offers: offers.map(offerView),
    hold_duration: catalog.holdDuration,
    company_logo: profile.companyLogo,
    company_name: profile.companyName,
    is_confirmed: false,
    modified_at: formatDateTime(catalog.modifiedAt),
    promo_materials: [],
    reward: { from: percents.length === 0 ? null : Math.min(...percents), to: percents.length === 0 ? null : Math.max(...percents), type: null },
    rules: [],
    text_rule: [],
    canceled_duration: catalog.canceledDuration,
    is_promocode_allowed: catalog.isPromocodeAllowed,
    is_published: catalog.isPublished,
    category: profile.categoryName,
    offer_geo: [...catalog.offerGeo],
    catalog_id: catalog.publicId,
    preview_image: catalog.previewImage,
    description: catalog.description,
    reward_type: catalog.rewardType,
    max_promo_code_percent: catalog.maxPromoCodePercent,
    min_promo_code_percent: catalog.minPromoCodePercent,
    landings: landingsOf(tenant, catalog.id).map(landingView),
    localizations: [...catalog.localizations],
    devices: catalog.devices,
    cookies_storage_days: catalog.cookiesStorageDays,
  };
}

/** What POST /deal/ answers: the fields as sent, plus the status the deal is in now. */
export function dealCreateView(tenant: Tenant, deal: Deal): MsDealCreateResponse {
  const catalog = findCatalog(tenant, deal.catalogId);
  const offer = findOffer(tenant, deal.offerId);
  return {
    another_data: deal.anotherData,
    cost: deal.cost,
    is_returned: deal.isReturned,
    promo_code: deal.promoCode,
    currency: deal.currency,
    status: deal.status,
    offer: offer?.name ?? "",
    deal_id: deal.dealId,
    catalog_code: catalog?.catalogCode ?? "",
  };
}

/** What GET /deal/{id}/ answers (DealResponse). */
export function dealView(tenant: Tenant, deal: Deal): MsDeal {
  const catalog = findCatalog(tenant, deal.catalogId);
  const offer = findOffer(tenant, deal.offerId);
  return {
    offer: { name: offer?.name ?? "", catalog: { title: catalog?.title ?? "", catalog_code: catalog?.catalogCode ?? "" } },
    cost: deal.cost,
    payment_sum: deal.paymentSum,
    is_returned: deal.isReturned,
    conversion_time: formatDateTime(deal.conversionTime),
    promo: deal.promoCode === null ? null : { code: deal.promoCode },
    currency: deal.currency,
    status: deal.status,
    id: deal.id,
    modified_at: formatDateTime(deal.modifiedAt),
    paid_at: at(deal.paidAt),
    approved_at: at(deal.approvedAt),
    canceled_at: at(deal.canceledAt),
  };
}

/** What PATCH /deal/{id}/ answers: cost as DRF's decimal string. */
export function dealUpdateView(deal: Deal): MsDealUpdateResponse {
  return { status: deal.status, cost: formatAmount(deal.cost), is_returned: deal.isReturned, comment: deal.comment };
}

/** A personal promo code (POST, GET, PUT and PATCH /promo/). */
export function promoView(promo: PromoCode): MsPromo {
  return { id: promo.id, code: promo.code, percent_discounts: promo.percent, catalog: [...promo.catalogIds] };
}

/** GET /deal/get_statistics_deals/: counts and cost sums by status. */
export function dealStatisticsView({ counts, costSums }: DealStatistics): MsDealStatistics {
  return {
    deal_created: counts.Created,
    deal_paid: counts.Paid,
    deal_approved: counts.Approved,
    deal_canceled: counts.Canceled,
    deal_rejected: counts.Rejected,
    sum_deal_created: costSums.Created,
    sum_deal_paid: costSums.Paid,
    sum_deal_approved: costSums.Approved,
    sum_deal_canceled: costSums.Canceled,
    sum_deal_rejected: costSums.Rejected,
  };
}

/** sum_by_status of get_general_statistics_deals: only the statuses some deal has (a GROUP BY status). */
export function sumByStatusView({ costSums }: DealStatistics): Record<string, number> {
  return Object.fromEntries(MS_DEAL_STATUSES.flatMap((status) => {
    const sum = costSums[status];
    return sum === null ? [] : [[status, sum]];
  }));
}
