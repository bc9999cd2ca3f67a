import type { RateLimitTable } from "../kernel/rate-limit.js";

const PATHS = /^\/(?:catalog|offer|landing|deal|promo)(?:\/|$)/;
const RULE = { burst: 100, intervalMs: 20 };

/**
 * myshare documents no limits. The sandbox's generous default, as for YooMoney: per tenant and HTTP
 * method, bursts of 100 calls and 50 calls a second sustained (all myshare paths share the bucket, so
 * object ids in paths do not multiply it). `rateLimits: off` lifts it.
 */
export const MYSHARE_RATE_LIMITS: RateLimitTable = (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => ({
  method,
  path: PATHS,
  rule: RULE,
  bucket: `myshare ${method}`,
}));
