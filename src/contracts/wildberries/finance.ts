import { z } from "zod";

/** `?id=` of budget and budget/deposit. */
export const WbBudgetQuery = z.object({ id: z.number().int().positive().meta({ description: "Campaign ID" }) });

/** `?from=&to=` of upd (both required) and payments (both optional): Moscow days, 1 to 31 days inclusive. */
export const WbUpdQuery = z.object({
  from: z.string().meta({ description: "First Moscow day, YYYY-MM-DD", example: "2026-01-15" }),
  to: z.string().meta({ description: "Last Moscow day, YYYY-MM-DD; from..to spans 1 to 31 days", example: "2026-01-20" }),
});
export const WbPaymentsQuery = z.object({
  from: z.string().optional().meta({ description: "First Moscow day, YYYY-MM-DD (optional)" }),
  to: z.string().optional().meta({ description: "Last Moscow day, YYYY-MM-DD (optional); with from, 1 to 31 days" }),
});

/** GET /adv/v1/balance. */
export const WbBalance = z
  .object({
    balance: z.number().int().meta({ description: "Account (счёт), rubles: the seller tops it up" }),
    net: z.number().int().meta({ description: "Balance (баланс), rubles: settled from future sales" }),
    bonus: z.number().int().meta({ description: "Bonuses, rubles" }),
  })
  .meta({ id: "WbBalance" });

/** GET /adv/v1/budget. */
export const WbBudget = z
  .object({
    cash: z.number().int().meta({ description: "Not used: always 0" }),
    netting: z.number().int().meta({ description: "Not used: always 0" }),
    total: z.number().int().meta({ description: "Campaign budget, whole rubles" }),
  })
  .meta({ id: "WbBudget" });

/** POST /adv/v1/budget/deposit body (a missing field counts as 0 / false). */
export const WbDepositRequest = z
  .object({
    sum: z.number().int().optional().meta({ description: "Top-up, rubles: at least budget_min (1000), a multiple of 50" }),
    type: z.number().int().optional().meta({ description: "Source: 0 account (default), 1 balance, 3 bonuses" }),
    return: z.boolean().optional().meta({ description: "true: answer the new budget as {total}" }),
  })
  .meta({ id: "WbDepositRequest" });

/** budget/deposit with `return: true`. */
export const WbDepositResponse = z.object({ total: z.number().int().meta({ description: "The campaign's budget after the top-up" }) }).meta({ id: "WbDepositResponse" });

/** One GET /adv/v1/upd row: a campaign's spend of one Moscow day from one source. */
export const WbUpdRow = z
  .object({
    updNum: z.number().int().meta({ description: "Billing document number" }),
    updTime: z.string().nullable().meta({ description: "Time of the (last) charge-off that day, Moscow" }),
    updSum: z.number().int().meta({ description: "Amount charged, whole rubles" }),
    advertId: z.number().int(),
    campName: z.string(),
    advertType: z.number().int(),
    paymentType: z.string().meta({ description: "Source: Баланс, Бонусы or Счет" }),
    advertStatus: z.number().int(),
  })
  .meta({ id: "WbUpdRow" });
export const WbUpdList = z.array(WbUpdRow).meta({ id: "WbUpdList" });

/** One GET /adv/v1/payments row: an account top-up. */
export const WbPayment = z
  .object({
    id: z.number().int(),
    date: z.string().meta({ description: "Payment time, Moscow" }),
    sum: z.number().int(),
    type: z.number().int().meta({ description: "0 account, 1 balance, 3 card" }),
    statusId: z.number().int().meta({ description: "0 error, 1 processed" }),
    cardStatus: z.string().meta({ description: "success | fail | pending | unknown for card payments, else empty" }),
  })
  .meta({ id: "WbPayment" });
export const WbPaymentList = z.array(WbPayment).meta({ id: "WbPaymentList" });
