import type { Tenant } from "../kernel/tenant.js";
import type { Catalog, Deal } from "./model.js";
import { partnerByPromo, partnerByUid } from "./partners.js";
import { personalPromo } from "./promos.js";

export interface Attribution {
  partnerId: string | null;
  source: "link" | "promo" | null;
  /** The personal promo code (POST /promo/) that attributed the deal, if it was one. */
  promoId: string | null;
  /** Why a sent promo code or uid did not attribute the deal (the deal is stored anyway). */
  warning: string | null;
}

/** The myshare uid in another_data (`myshare=<uid>&subid=...`; `uid=` is accepted too), if any. */
export function uidOf(anotherData: string): string | null {
  const params = new URLSearchParams(anotherData.trim().replace(/^\?/, ""));
  const uid = params.get("myshare") ?? params.get("uid");
  return uid === null || uid === "" ? null : uid;
}

/**
 * Who brought the buyer: the partner named by the uid in another_data wins (the partner link does
 * more work with the buyer), else the partner whose promo code was used, else the business partner's own
 * personal promo code (source "promo", no partner). Unknown codes are accepted.
 */
export function attribute(tenant: Tenant, catalog: Catalog, deal: Pick<Deal, "promoCode" | "anotherData">): Attribution {
  const warnings: string[] = [];
  if (deal.anotherData !== null) {
    const uid = uidOf(deal.anotherData);
    const partner = uid === null ? undefined : partnerByUid(tenant, uid);
    if (partner !== undefined) return { partnerId: partner.id, source: "link", promoId: null, warning: null };
    warnings.push(uid === null ? "another_data has no myshare=<uid> parameter" : `no partner has the myshare uid ${uid}`);
  }
  if (deal.promoCode !== null) {
    const partner = partnerByPromo(tenant, catalog.id, deal.promoCode);
    if (partner !== undefined) return { partnerId: partner.id, source: "promo", promoId: null, warning: warnings[0] ?? null };
    const personal = personalPromo(tenant, catalog.id, deal.promoCode);
    if (personal !== undefined) return { partnerId: null, source: "promo", promoId: personal.id, warning: warnings[0] ?? null };
    warnings.push(`promo code ${deal.promoCode} is neither a partner's nor a personal promo code of catalog ${catalog.catalogCode}`);
  }
  return { partnerId: null, source: null, promoId: null, warning: warnings.join("; ") || null };
}
