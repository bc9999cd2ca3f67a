import { YM_ROUTES, type YmOperationId } from "../../contracts/yoomoney/routes.js";
import type { OperationLimit, RateLimits } from "../http/rate-limits.js";

/**
 * YooMoney publishes no limits. The sandbox's generous default: per tenant and method, bursts of 100
 * calls and 50 calls a second sustained (docs/fidelity.md). `rateLimits: off` lifts it.
 */
export const YOOMONEY_METHOD_LIMIT: OperationLimit = { burst: 100, intervalMs: 20 };

const isOperation = (id: string): id is YmOperationId => Object.hasOwn(YM_ROUTES, id);

/** Every method that takes a token, one bucket each (users/login, which needs none, is not limited). */
function everyMethod(): RateLimits<YmOperationId> {
  const limits: { [K in YmOperationId]?: OperationLimit } = {};
  for (const id of Object.keys(YM_ROUTES).filter(isOperation)) {
    if (YM_ROUTES[id].auth !== "none") limits[id] = YOOMONEY_METHOD_LIMIT;
  }
  return limits;
}

export const YOOMONEY_RATE_LIMITS: RateLimits<YmOperationId> = everyMethod();
