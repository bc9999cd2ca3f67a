import type { Money, MoneySource } from "./model.js";

const FIELD = { 0: "balance", 1: "net", 3: "bonus" } as const satisfies Record<MoneySource, keyof Money>;

/** What upd calls each source. */
export const PAYMENT_TYPE_NAME: Record<MoneySource, string> = { 0: "Счет", 1: "Баланс", 3: "Бонусы" };

export function isMoneySource(value: number): value is MoneySource {
  return value === 0 || value === 1 || value === 3;
}

export function available(money: Money, source: MoneySource): number {
  return money[FIELD[source]];
}

/** Takes `sum` from `source`; false (and nothing taken) when the source holds less. */
export function debit(money: Money, source: MoneySource, sum: number): boolean {
  const field = FIELD[source];
  if (money[field] < sum) return false;
  money[field] -= sum;
  return true;
}
