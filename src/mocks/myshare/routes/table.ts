import type { Call } from "../http/call.js";
import { createCatalogRoute, getCatalogRoute, listCatalogsRoute, updateCatalogRoute } from "./catalog.js";
import { createDealRoute, getDealRoute, updateDealRoute } from "./deal.js";
import { createLandingRoute, deleteLandingRoute, getLandingRoute, updateLandingRoute } from "./landing.js";
import { createOfferRoute, getOfferRoute, updateOfferRoute } from "./offer.js";
import { checkPromoRoute, checkUuidRoute } from "./promo.js";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type Handler = (call: Call) => void;

export interface RouteDef {
  /** Matches the whole path; group 1, if any, is the object id. */
  pattern: RegExp;
  methods: Partial<Record<Method, Handler>>;
}

/** Every myshare route the sandbox serves, with trailing slashes as Django writes them. */
export const ROUTES: readonly RouteDef[] = [
  { pattern: /^\/catalog\/$/, methods: { GET: listCatalogsRoute, POST: createCatalogRoute } },
  { pattern: /^\/catalog\/([^/]+)\/$/, methods: { GET: getCatalogRoute, PUT: updateCatalogRoute(false), PATCH: updateCatalogRoute(true) } },
  { pattern: /^\/offer\/$/, methods: { POST: createOfferRoute } },
  { pattern: /^\/offer\/([^/]+)\/$/, methods: { GET: getOfferRoute, PUT: updateOfferRoute(false), PATCH: updateOfferRoute(true) } },
  { pattern: /^\/landing\/$/, methods: { POST: createLandingRoute } },
  {
    pattern: /^\/landing\/([^/]+)\/$/,
    methods: { GET: getLandingRoute, PUT: updateLandingRoute(false), PATCH: updateLandingRoute(true), DELETE: deleteLandingRoute },
  },
  { pattern: /^\/deal\/$/, methods: { POST: createDealRoute } },
  { pattern: /^\/deal\/([^/]+)\/$/, methods: { GET: getDealRoute, PATCH: updateDealRoute } },
  { pattern: /^\/promo\/check_promo\/$/, methods: { GET: checkPromoRoute } },
  { pattern: /^\/promo\/check_uuid\/$/, methods: { GET: checkUuidRoute } },
];

/**
 * The `Allow` header in DRF's order (http_method_names: get, post, put, patch, delete, head), HEAD
 * wherever GET is. DRF also lists OPTIONS; the sandbox does not serve OPTIONS, so it does not list it.
 */
export function allowHeader(route: RouteDef): string {
  const methods: string[] = (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).filter((method) => route.methods[method] !== undefined);
  if (route.methods.GET !== undefined) methods.push("HEAD");
  return methods.join(", ");
}

export function handlerFor(route: RouteDef, method: string): Handler | undefined {
  const verb = method === "HEAD" ? "GET" : method;
  for (const [name, handler] of Object.entries(route.methods)) if (name === verb) return handler;
  return undefined;
}
