import { WbBalance, WbBudget, WbDepositResponse, WbPaymentList, WbUpdList } from "../../contracts/wildberries/finance.js";
import { findCampaign } from "../../state/wildberries/campaign-lookup.js";
import { depositBudget } from "../../state/wildberries/deposits.js";
import { moscowTimestamp } from "../../state/wildberries/moscow-time.js";
import { listPayments, moneyOf } from "../../state/wildberries/payments.js";
import { updRows } from "../../state/wildberries/upd.js";
import { emptyJson, errorObject, errorText, json, noContent } from "./answers.js";
import { depositErrorText } from "./budget-errors.js";
import { idParam } from "./query.js";
import type { Answer } from "../http/answer.js";
import type { WbCall, WbHandlers } from "./route.js";

/** The documented 400 of GET /adv/v1/budget (a bare string): unknown ids and other sellers' ids alike. */
const NOT_SELLERS = "кампания не принадлежит продавцу";
/** The documented `{"error"}` for a bad campaign id (the 2025 spec's example). */
const BAD_ID = "Некорректный ID кампании";
const BAD_BODY = "Некорректное тело запроса: ожидается {\"sum\": целое, \"type\": 0 | 1 | 3, \"return\": true | false}";
const BAD_INTERVAL = "Некорректный интервал: передайте from и to в формате YYYY-MM-DD, от 1 до 31 дня";

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => typeof v === "object" && v !== null && !Array.isArray(v);

function budget(call: WbCall): Answer {
  const id = idParam(call.query["id"]);
  const campaign = id === undefined ? undefined : findCampaign(call.tenant, id);
  if (campaign === undefined) return errorText(400, NOT_SELLERS);
  return json({ cash: 0, netting: 0, total: campaign.budget }, WbBudget);
}

/** The deposit body as Wildberries' Go backend reads it: absent fields are zero, wrong JSON types are refused. */
function depositBody(call: WbCall): { sum: number; type: number; back: boolean } | undefined {
  if (call.body.malformed || !isRecord(call.body.value)) return undefined;
  const { sum, type } = call.body.value;
  const back = call.body.value["return"];
  if (sum !== undefined && (typeof sum !== "number" || !Number.isFinite(sum))) return undefined;
  if (type !== undefined && (typeof type !== "number" || !Number.isFinite(type))) return undefined;
  if (back !== undefined && typeof back !== "boolean") return undefined;
  return { sum: sum ?? 0, type: type ?? 0, back: back ?? false };
}

function deposit(call: WbCall): Answer {
  const id = idParam(call.query["id"]);
  const campaign = id === undefined ? undefined : findCampaign(call.tenant, id);
  if (campaign === undefined) return errorObject(400, BAD_ID);
  const body = depositBody(call);
  if (body === undefined) return errorObject(400, BAD_BODY);
  const result = depositBudget(call.tenant, campaign, { sum: body.sum, type: body.type });
  if (!result.ok) return errorObject(400, depositErrorText(result.error));
  return body.back ? json({ total: result.value }, WbDepositResponse) : emptyJson();
}

function upd(call: WbCall): Answer {
  const rows = updRows(call.tenant, call.query["from"], call.query["to"]);
  if (!rows.ok) return errorText(400, BAD_INTERVAL);
  return json(
    rows.value.map((r) => ({
      updNum: r.updNum,
      updTime: r.updTime === null ? null : moscowTimestamp(r.updTime),
      updSum: r.updSum,
      advertId: r.advertId,
      campName: r.campName,
      advertType: r.advertType,
      paymentType: r.paymentType,
      advertStatus: r.advertStatus,
    })),
    WbUpdList,
  );
}

function payments(call: WbCall): Answer {
  const list = listPayments(call.tenant, call.query["from"], call.query["to"]);
  if (!list.ok) return errorText(400, BAD_INTERVAL);
  if (list.value.length === 0) return noContent();
  return json(
    list.value.map((p) => ({ id: p.id, date: moscowTimestamp(p.at), sum: p.sum, type: p.type, statusId: p.statusId, cardStatus: p.cardStatus })),
    WbPaymentList,
  );
}

/** Finances (research §5.10): balance, campaign budget, deposit, costs history (upd), top-ups (payments). */
export const FINANCE_HANDLERS = {
  getBalance: (call) => json(moneyOf(call.tenant), WbBalance),
  getCampaignBudget: budget,
  depositCampaignBudget: deposit,
  getCostsHistory: upd,
  getPayments: payments,
} satisfies WbHandlers;
