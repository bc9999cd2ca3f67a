import type { RateLimitTable } from "../kernel/rate-limit.js";

/**
 * YooMoney publishes no limits. The sandbox's generous default: per tenant and method, bursts of 100
 * calls and 50 calls a second sustained (docs/fidelity.md). `rateLimits: off` lifts it.
 */
export const YOOMONEY_RATE_LIMITS: RateLimitTable = [
  { method: "POST", path: /^\/api\/offerwall\/v1\//, rule: { burst: 100, intervalMs: 20 } },
];
