import type { RateLimitEntry, RateLimitTable } from "../kernel/rate-limit.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** One method's bucket: `burst` back to back, then one call per `intervalMs`. */
function limit(method: "GET" | "POST", path: string, burst: number, intervalMs: number): RateLimitEntry {
  return { method, path: new RegExp(`^${path.replace(/\//g, "\\/")}$`), rule: { burst, intervalMs }, bucket: `${method} ${path}` };
}

/**
 * Research §3.6, "default for fake": per seller (tenant) and per method; GET and POST on one path have
 * separate buckets. Interval = period / limit; burst from the 2025 tables where they exist.
 */
export const WILDBERRIES_RATE_LIMITS: RateLimitTable = [
  limit("GET", "/adv/v0/config", 1, MINUTE),
  limit("POST", "/adv/v1/save-ad", 1, 20 * SECOND),
  limit("POST", "/adv/v2/seacat/save-ad", 5, 12 * SECOND),
  limit("GET", "/adv/v0/delete", 5, 200),
  limit("POST", "/adv/v0/rename", 5, 200),
  limit("GET", "/adv/v1/promotion/count", 5, 200),
  limit("POST", "/adv/v1/promotion/adverts", 5, 200),
  limit("POST", "/adv/v0/cpm", 5, 200),
  limit("GET", "/adv/v0/start", 5, 200),
  limit("GET", "/adv/v0/pause", 5, 200),
  limit("GET", "/adv/v0/stop", 5, 200),
  limit("GET", "/adv/v1/balance", 5, SECOND),
  limit("GET", "/adv/v1/budget", 4, 250),
  limit("POST", "/adv/v1/budget/deposit", 5, SECOND),
  limit("GET", "/adv/v1/upd", 5, SECOND),
  limit("GET", "/adv/v1/payments", 5, SECOND),
  limit("GET", "/adv/v1/search/set-plus", 5, 500),
  limit("POST", "/adv/v1/search/set-plus", 5, 500),
  limit("POST", "/adv/v1/search/set-phrase", 2, 500),
  limit("POST", "/adv/v1/search/set-strong", 2, 500),
  limit("POST", "/adv/v1/search/set-excluded", 2, 500),
  limit("GET", "/adv/v1/auto/getnmtoadd", 5, SECOND),
  limit("POST", "/adv/v1/auto/updatenm", 5, SECOND),
  limit("POST", "/adv/v1/auto/set-excluded", 5, 6 * SECOND),
  limit("GET", "/adv/v1/supplier/subjects", 5, 12 * SECOND),
  limit("POST", "/adv/v2/supplier/nms", 5, 12 * SECOND),
  limit("POST", "/adv/v2/fullstats", 5, MINUTE),
  limit("GET", "/adv/v2/auto/stat-words", 4, 250),
  limit("GET", "/adv/v1/stat/words", 4, 250),
  limit("GET", "/adv/v0/stats/keywords", 4, 250),
  limit("GET", "/adv/v1/count", 10, 100),
  limit("GET", "/adv/v1/adverts", 10, 100),
  limit("GET", "/adv/v1/advert", 10, 100),
  limit("POST", "/adv/v1/stats", 10, 100),
  limit("POST", "/adv/v1/advert/stop", 10, 6 * SECOND),
  limit("POST", "/adv/v1/advert/pause", 10, 6 * SECOND),
  limit("POST", "/adv/v1/advert/start", 10, 6 * SECOND),
  limit("POST", "/adv/v1/item/cpm/change", 10, 6 * SECOND),
  limit("GET", "/ping", 3, 10 * SECOND),
];
