import type { MsDealStatus } from "../../contracts/myshare/enums.js";

/** Money and percents are numbers with at most 2 decimal places (the serializers make sure). */
export interface Profile {
  businessPartnerId: string;
  companyName: string;
  companyLogo: string;
  categoryId: string;
  categoryName: string;
}

/** The writable catalog fields (what the serializers hand the domain). */
export interface CatalogFields {
  title: string;
  catalogCode: string;
  description: string;
  moderationType: "FREE_ENTRY" | "AUTO_MODERATION" | "MANUAL_MODERATION";
  /** duration_string text, e.g. "30 00:00:00" */
  holdDuration: string;
  canceledDuration: string;
  isPromocodeAllowed: boolean;
  isPublished: boolean;
  rewardPercent: number | null;
  icon: string | null;
  previewImage: string | null;
  rewardType: "RevShare" | "CPA" | "CPS" | "CPL" | "COD" | "CPV" | "CPO" | "CPC";
  devices: "All" | "Desktop" | "Mobile";
  cookiesStorageDays: number;
  minPromoCodePercent: number;
  maxPromoCodePercent: number;
  offerGeo: string[];
  localizations: string[];
}

export interface Catalog extends CatalogFields {
  id: string;
  /** The 5-character public code (`catalog_id` in catalog bodies and check_promo). */
  publicId: string;
  createdAt: number;
  modifiedAt: number;
}

export interface Price {
  cost: number;
  currency: "USD" | "RUB";
}

export interface OfferFields {
  catalogId: string;
  name: string;
  isPromocodeAllowed: boolean;
  isActive: boolean;
  prices: Price[];
  description: string;
  rewardPercent: number | null;
  fixRemuneration: number | null;
}

export interface Offer extends OfferFields {
  id: string;
  createdAt: number;
}

export interface LandingFields {
  catalogId: string;
  url: string;
  adaptability: "All" | "Desktop" | "Mobile";
  title: string;
  imageUrl: string | null;
}

export interface Landing extends LandingFields {
  id: string;
  createdAt: number;
  modifiedAt: number;
}

/** A partner (affiliate) who joined a catalog: their promo code and myshare uid. */
export interface Partner {
  id: string;
  catalogId: string;
  promoCode: string;
  uid: string;
  percent: number;
  joinedAt: number;
}

/**
 * A personal promo code the business partner made (POST /promo/): valid in each of its catalogs, worth
 * `percent` (within every one of those catalogs' min/max_promo_code_percent). It belongs to no partner.
 */
export interface PromoCode {
  id: string;
  code: string;
  percent: number;
  /** Catalog UUIDs, in the order sent. */
  catalogIds: string[];
  createdAt: number;
  modifiedAt: number;
}

export type DealStatus = MsDealStatus;

export interface Deal {
  /** The system id (8 characters). */
  id: string;
  /** The business partner's own deal_id. */
  dealId: string;
  catalogId: string;
  offerId: string;
  status: DealStatus;
  cost: number;
  currency: "USD" | "RUB";
  isReturned: boolean;
  promoCode: string | null;
  anotherData: string | null;
  comment: string | null;
  paymentSum: number;
  conversionTime: number;
  modifiedAt: number;
  paidAt: number | null;
  approvedAt: number | null;
  canceledAt: number | null;
  /** The pending cancel (Created) or approve (Paid) timer and its deadline. */
  timer: number | null;
  deadline: number | null;
  /** Who brought the buyer: the partner of the uid in another_data, else of the promo code. */
  partnerId: string | null;
  attribution: "link" | "promo" | null;
  /** The personal promo code (POST /promo/) that attributed the deal, if it was one. */
  promoId: string | null;
}

export interface MyshareState {
  profile: Profile;
  catalogs: Map<string, Catalog>;
  offers: Map<string, Offer>;
  landings: Map<string, Landing>;
  partners: Map<string, Partner>;
  /** Personal promo codes (POST /promo/), by id. */
  promos: Map<string, PromoCode>;
  deals: Map<string, Deal>;
  /** deal_id -> system id */
  dealIds: Map<string, string>;
}

export const DEFAULT_HOLD_DURATION = "30 00:00:00";
export const DEFAULT_CANCELED_DURATION = "14 00:00:00";
export const PROVIDER = "myshare";
