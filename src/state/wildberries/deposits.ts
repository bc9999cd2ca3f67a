import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import { checkTopUp, type TopUpError } from "./budget-rules.js";
import { debit, isMoneySource } from "./money.js";
import type { Campaign, CampaignStatus } from "./model.js";
import { wildberriesState } from "./state.js";

/** POST /adv/v1/budget/deposit body, JSON types checked; a missing field is Go's zero value (0). */
export interface DepositInput {
  sum: number;
  type: number;
}

/** Budgets can be topped up while a campaign can still run: ready, active or paused. */
export const DEPOSIT_STATUSES: readonly CampaignStatus[] = [4, 9, 11];

export type DepositError =
  | { kind: "status"; status: CampaignStatus }
  | { kind: "source" }
  | { kind: "funds" }
  | TopUpError;

/**
 * Tops up a campaign's budget from the seller's account (0), balance (1) or bonuses (3): at least
 * budget_min, a multiple of 50, and the source must hold the sum. A campaign paused (11) because its
 * budget ran out stays paused: the seller starts it. Returns the new budget.
 */
export function depositBudget(tenant: Tenant, campaign: Campaign, input: DepositInput): Result<number, DepositError> {
  if (!DEPOSIT_STATUSES.includes(campaign.status)) return fail({ kind: "status", status: campaign.status });
  if (!isMoneySource(input.type)) return fail({ kind: "source" });
  const sumError = checkTopUp(input.sum);
  if (sumError !== undefined) return fail(sumError);
  const state = wildberriesState(tenant);
  const before = { ...state.money };
  if (!debit(state.money, input.type, input.sum)) return fail({ kind: "funds" });
  const budget = campaign.budget;
  campaign.budget += input.sum;
  campaign.budgetSource = input.type;
  tenant.record({ provider: "wildberries", entity: "money", id: "seller", from: { ...before }, to: { ...state.money } });
  tenant.record({ provider: "wildberries", entity: "campaign-budget", id: String(campaign.advertId), from: budget, to: campaign.budget });
  return ok(campaign.budget);
}
