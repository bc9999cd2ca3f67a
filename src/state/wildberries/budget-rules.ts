import { WB_CONFIG } from "./config.js";

/** Budget top-ups (save-ad `sum`, budget/deposit) go in steps of this many rubles. */
export const TOP_UP_STEP = 50;

/**
 * Checks a campaign budget top-up (save-ad `sum` or POST /adv/v1/budget/deposit): at least
 * `budget_min` (config) and a multiple of 50 rubles. Returns the Wildberries error text, or undefined
 * when the sum is acceptable.
 */
export function checkTopUp(sum: number): string | undefined {
  if (!Number.isInteger(sum) || sum < WB_CONFIG.budgetMin) return `Минимальная сумма пополнения ${WB_CONFIG.budgetMin} рублей`;
  if (sum % TOP_UP_STEP !== 0) return `Сумма пополнения должна быть кратна ${TOP_UP_STEP} руб`;
  return undefined;
}
