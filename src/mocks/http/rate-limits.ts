import type { RateRule } from "../../state/kernel/rate-limit.js";
import type { RateLimitFound } from "./dialect.js";

/** A method's limit; operations with the same `bucket` share one bucket (limits documented per group). */
export interface OperationLimit extends RateRule {
  bucket?: string;
}

/** A provider's rate limits by operation id; an operation that is not listed is not limited. */
export type RateLimits<Id extends string> = { readonly [K in Id]?: OperationLimit };

/** The dialect's `rateLimit` for a table keyed by operation id: the bucket is the operation's (or its group's). */
export function limitsByOperation<Id extends string>(limits: RateLimits<Id>): (method: string, id: Id | undefined) => RateLimitFound | undefined {
  return (_method, id) => {
    if (id === undefined) return undefined;
    const limit = limits[id];
    return limit === undefined ? undefined : { key: limit.bucket ?? id, rule: limit };
  };
}
