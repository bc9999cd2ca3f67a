/** Cents of an amount with at most 2 decimal places. */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/** A DRF DecimalField(decimal_places=2) rendering: "50.00". */
export function formatAmount(amount: number): string {
  const cents = toCents(amount);
  const whole = Math.trunc(cents / 100);
  const frac = Math.abs(cents % 100);
  return `${cents < 0 ? "-" : ""}${Math.abs(whole)}.${String(frac).padStart(2, "0")}`;
}

/**
 * The partner's reward for a deal: cost x reward_percent / 100 rounded half up to the cent, or the
 * offer's fixed remuneration (research/myshare.md §4.5).
 */
export function paymentSum(cost: number, rewardPercent: number | null, fixRemuneration: number | null): number {
  if (rewardPercent === null) return fixRemuneration ?? 0;
  const product = BigInt(toCents(cost)) * BigInt(toCents(rewardPercent));
  // product is in 1e-4 units of cost x percent; /100 for the percent -> 1e-6 units; cents = /10^4.
  const cents = (product + 5_000n) / 10_000n;
  return Number(cents) / 100;
}
