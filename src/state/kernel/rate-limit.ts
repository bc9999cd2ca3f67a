import type { StringPool } from "./string-pool.js";

/**
 * Token buckets keyed by name (an operation id, or a group of operations) inside one tenant, timed on
 * that tenant's clock; each provider's rules are in its mocks (rate-limits.ts, by operation id).
 * A rule lets `burst` calls through at once and refills one token every `intervalMs`.
 */
export interface RateRule {
  /** Bucket size: how many calls may come back to back. */
  burst: number;
  /** Milliseconds to refill one token. */
  intervalMs: number;
}

export type RateDecision =
  | { allowed: true; limit: number; remaining: number }
  | { allowed: false; limit: number; remaining: 0; retryAfterMs: number; resetMs: number };

/** One token bucket: its name, the tokens left (fractional while refilling) and when it was last refilled. */
export interface RateBucket {
  key: string;
  tokens: number;
  updatedAt: number;
}

/**
 * Whole milliseconds, rounded up, ignoring the float noise of the refill arithmetic: 59 s into a
 * one-a-minute bucket leaves 1000.0000000000006 ms, which is 1000 ms, not 1001.
 */
function ceilMs(ms: number): number {
  return Math.ceil(ms - 1e-6);
}

export class RateLimiter {
  /**
   * The first bucket, and a map only once a second one is needed: most tenants call one method and an
   * empty Map alone costs more than the bucket.
   */
  private first: RateBucket | undefined;
  private buckets: Map<string, RateBucket> | undefined;

  /** `names` shares bucket names between the tenants of a registry (every tenant uses the same few). */
  constructor(private readonly names?: StringPool) {}

  /** Takes one token for `key` at `now`, or says how long to wait for one. */
  take(key: string, rule: RateRule, now: number): RateDecision {
    const bucket = this.refilled(key, rule, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, limit: rule.burst, remaining: Math.floor(bucket.tokens) };
    }
    const retryAfterMs = ceilMs((1 - bucket.tokens) * rule.intervalMs);
    const resetMs = ceilMs((rule.burst - bucket.tokens) * rule.intervalMs);
    return { allowed: false, limit: rule.burst, remaining: 0, retryAfterMs, resetMs };
  }

  clear(): void {
    this.first = undefined;
    this.buckets = undefined;
  }

  /** Every bucket as it stands (copies), first made first: what a durable snapshot keeps (tenant-history.ts). */
  snapshot(): RateBucket[] {
    const all = this.buckets === undefined ? (this.first === undefined ? [] : [this.first]) : [...this.buckets.values()];
    return all.map(({ key, tokens, updatedAt }) => ({ key, tokens, updatedAt }));
  }

  /** Replaces every bucket with `buckets` (as snapshot() gave them). */
  restore(buckets: readonly RateBucket[]): void {
    this.clear();
    for (const { key, tokens, updatedAt } of buckets) {
      const bucket: RateBucket = { key: this.names?.intern(key) ?? key, tokens, updatedAt };
      if (this.first === undefined) this.first = bucket;
      else (this.buckets ??= new Map([[this.first.key, this.first]])).set(bucket.key, bucket);
    }
  }

  private refilled(key: string, rule: RateRule, now: number): RateBucket {
    let bucket = this.first?.key === key ? this.first : this.buckets?.get(key);
    if (bucket === undefined) {
      bucket = { key: this.names?.intern(key) ?? key, tokens: rule.burst, updatedAt: now };
      if (this.first === undefined) this.first = bucket;
      else (this.buckets ??= new Map([[this.first.key, this.first]])).set(bucket.key, bucket);
      return bucket;
    }
    const elapsed = now - bucket.updatedAt;
    if (elapsed > 0) {
      bucket.tokens = Math.min(rule.burst, bucket.tokens + elapsed / rule.intervalMs);
      bucket.updatedAt = now;
    }
    return bucket;
  }
}
