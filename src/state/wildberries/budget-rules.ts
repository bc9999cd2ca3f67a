import type { ErrorOf } from "../kernel/result.js";
import { WB_CONFIG } from "./config.js";

/** Budget top-ups (save-ad `sum`, budget/deposit) go in steps of this many rubles. */
export const TOP_UP_STEP = 50;

/** Why a top-up sum is refused, with the rule it broke (the mocks render the text). */
export interface TopUpErrors {
  belowMinimum: { min: number };
  notStep: { step: number };
}
export type TopUpError = ErrorOf<TopUpErrors>;

/**
 * Checks a campaign budget top-up (save-ad `sum` or POST /adv/v1/budget/deposit): at least
 * `budget_min` (config) and a multiple of 50 rubles. Returns why it is refused, or undefined when the
 * sum is acceptable.
 */
export function checkTopUp(sum: number): TopUpError | undefined {
  if (!Number.isInteger(sum) || sum < WB_CONFIG.budgetMin) return { kind: "belowMinimum", min: WB_CONFIG.budgetMin };
  if (sum % TOP_UP_STEP !== 0) return { kind: "notStep", step: TOP_UP_STEP };
  return undefined;
}
