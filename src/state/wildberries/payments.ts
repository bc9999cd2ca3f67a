import { fail, ok, type Result } from "../kernel/result.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import type { Money, Payment } from "./model.js";
import { DAY_MS, moscowDate, moscowDayStart } from "./moscow-time.js";
import { wildberriesState } from "./state.js";

/** What the control plane adds (each a non-negative whole number of rubles). */
export type MoneyTopUp = Partial<Money>;

/**
 * The seller's money grows (the control plane plays the seller paying in, and Wildberries crediting
 * balance and bonuses). An account (`balance`) top-up is a payment: it appears in GET /adv/v1/payments
 * as processed (statusId 1), type 0 (account), cardStatus "" (not a card payment).
 */
export function topUpMoney(tenant: Tenant, add: MoneyTopUp): Money {
  const state = wildberriesState(tenant);
  const before = { ...state.money };
  state.money.balance += add.balance ?? 0;
  state.money.net += add.net ?? 0;
  state.money.bonus += add.bonus ?? 0;
  if ((add.balance ?? 0) > 0) {
    state.nextPaymentId += tenant.rng.int(1, 97);
    state.payments.push({ id: state.nextPaymentId, at: tenant.now(), sum: add.balance ?? 0, type: 0, statusId: 1, cardStatus: "" });
  }
  tenant.record({ provider: "wildberries", entity: "money", id: "seller", from: { ...before }, to: { ...state.money } });
  return { ...state.money };
}

/** The seller's money now (zeros for a seller never seen). */
export function moneyOf(tenant: Tenant): Money {
  return { ...(peekState(tenant, "wildberries")?.money ?? { balance: 0, net: 0, bonus: 0 }) };
}

/** GET /adv/v1/payments: from and to (Moscow days, inclusive) are optional; both given, 1 to 31 days. */
export const PAYMENTS_MAX_DAYS = 31;

export function listPayments(tenant: Tenant, from: string | undefined, to: string | undefined): Result<Payment[], "interval"> {
  const begin = from === undefined ? undefined : moscowDayStart(from);
  const end = to === undefined ? undefined : moscowDayStart(to);
  if ((from !== undefined && begin === undefined) || (to !== undefined && end === undefined)) return fail("interval");
  if (begin !== undefined && end !== undefined && (end < begin || (end - begin) / DAY_MS + 1 > PAYMENTS_MAX_DAYS)) return fail("interval");
  const payments = peekState(tenant, "wildberries")?.payments ?? [];
  return ok(
    payments.filter((p) => {
      const day = moscowDate(p.at);
      return (from === undefined || day >= from) && (to === undefined || day <= to);
    }),
  );
}
