import { HTTP_METHODS, type HttpMethod } from "../../contracts/http/route.js";
import type { RateRule } from "../../state/kernel/rate-limit.js";
import type { RateLimitFound } from "../http/dialect.js";

/** Bursts of 100 calls, then 50 a second. */
export const MYSHARE_RATE_RULE: RateRule = { burst: 100, intervalMs: 20 };

const isMethod = (method: string): method is HttpMethod => HTTP_METHODS.some((known) => known === method);

/**
 * myshare documents no limits. The sandbox's generous default, as for YooMoney: per tenant and HTTP
 * method, whatever the operation (so object ids in paths do not multiply it, and a call with a method
 * its path does not take, answered 405 after the throttle as DRF does, counts too). `rateLimits: off`
 * lifts it. The pipeline counts HEAD as GET.
 */
export function myshareRateLimit(method: string): RateLimitFound | undefined {
  return isMethod(method) ? { key: `myshare ${method}`, rule: MYSHARE_RATE_RULE } : undefined;
}
