import type { TopUpErrors } from "../../state/wildberries/budget-rules.js";
import { DEPOSIT_STATUSES, type DepositError } from "../../state/wildberries/deposits.js";
import { textOf, type ErrorTexts } from "../error-texts.js";

/** Wildberries' text for a refused top-up sum (save-ad `sum` and budget/deposit alike). */
export const TOP_UP_TEXTS: ErrorTexts<TopUpErrors> = {
  belowMinimum: ({ min }) => `Минимальная сумма пополнения ${min} рублей`,
  notStep: ({ step }) => `Сумма пополнения должна быть кратна ${step} руб`,
};

export const NO_FUNDS = "Недостаточно средств";

/** The `{"error"}` text of a refused POST /adv/v1/budget/deposit. */
export function depositErrorText(error: DepositError): string {
  switch (error.kind) {
    case "status":
      return `Бюджет кампании в статусе ${error.status} пополнить нельзя: пополнение доступно в статусах ${DEPOSIT_STATUSES.join(", ")}`;
    case "source":
      return "Некорректный тип источника пополнения: 0 — счёт, 1 — баланс, 3 — бонусы";
    case "funds":
      return NO_FUNDS;
    case "belowMinimum":
    case "notStep":
      return textOf(TOP_UP_TEXTS, error);
  }
}
