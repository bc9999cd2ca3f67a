import { WbErrorObject, WbErrorText } from "../errors.js";
import {
  WbBalance,
  WbBudget,
  WbBudgetQuery,
  WbDepositRequest,
  WbDepositResponse,
  WbPaymentList,
  WbPaymentsQuery,
  WbUpdList,
  WbUpdQuery,
} from "../finance.js";
import { jsonResponse, optionalJsonResponse } from "../../http/responses.js";
import type { RouteSpec, RouteTable } from "../../http/route.js";

const text = (description: string) => jsonResponse(description, WbErrorText);

export const FINANCE_ROUTES = {
  getBalance: {
    method: "GET",
    path: "/adv/v1/balance",
    tag: "finances",
    summary: "The seller's account (balance), balance (net) and bonuses, whole rubles; POST /__sandbox/wildberries/balance adds money",
    responses: { 200: jsonResponse("The seller's money", WbBalance) },
  },
  getCampaignBudget: {
    method: "GET",
    path: "/adv/v1/budget",
    tag: "finances",
    summary: "A campaign's budget: what the traffic simulation may still spend (charged in whole rubles)",
    query: WbBudgetQuery,
    responses: {
      200: jsonResponse("cash and netting are always 0", WbBudget),
      400: text('"кампания не принадлежит продавцу": the id is missing, malformed, unknown or another seller\'s'),
    },
  },
  depositCampaignBudget: {
    method: "POST",
    path: "/adv/v1/budget/deposit",
    tag: "finances",
    summary: "Tops up a campaign's budget (status 4, 9 or 11) from the account (0), balance (1) or bonuses (3); a campaign paused for an empty budget stays paused",
    query: WbBudgetQuery,
    body: WbDepositRequest,
    responses: {
      200: optionalJsonResponse("With return: true, the new budget; otherwise an empty 200 (no body)", WbDepositResponse),
      400: jsonResponse(
        '{"error": ...}: "Минимальная сумма пополнения 1000 рублей", "Сумма пополнения должна быть кратна 50 руб", "Недостаточно средств" (the source holds less), "Некорректный ID кампании" (unknown id), a bad source type, a body of the wrong JSON types, or a campaign in -1, 7 or 8',
        WbErrorObject,
      ),
    },
  },
  getCostsHistory: {
    method: "GET",
    path: "/adv/v1/upd",
    tag: "finances",
    summary: "Expense rows of the Moscow days from..to: one per campaign, day and money source, from the traffic simulation's spend",
    query: WbUpdQuery,
    responses: {
      200: jsonResponse("The rows, oldest first (an empty array when none)", WbUpdList),
      400: text('"Некорректный интервал: ...": from or to missing or not YYYY-MM-DD, to before from, or more than 31 days'),
    },
  },
  getPayments: {
    method: "GET",
    path: "/adv/v1/payments",
    tag: "finances",
    summary: "Account top-ups (POST /__sandbox/wildberries/balance with balance), optionally of the Moscow days from..to",
    query: WbPaymentsQuery,
    responses: {
      200: jsonResponse("The payments, oldest first", WbPaymentList),
      204: { description: "No payments in the period" },
      400: text('"Некорректный интервал: ...": a date not YYYY-MM-DD, to before from, or more than 31 days'),
    },
  },
} satisfies RouteTable;
