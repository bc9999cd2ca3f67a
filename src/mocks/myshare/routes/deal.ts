import { MsDeal, MsDealCreateResponse, MsDealUpdateResponse } from "../../../contracts/myshare/deal.js";
import { MsDealCounts, MsDealGeneralStatistics, MsDealList, MsDealStatistics } from "../../../contracts/myshare/deal-list.js";
import { dealFacets, dealStatistics, queryDeals } from "../../../state/myshare/deal-query.js";
import { createDeal, findDeal, updateDeal, type DealError } from "../../../state/myshare/deals.js";
import type { Deal } from "../../../state/myshare/model.js";
import type { Answer } from "../../http/answer.js";
import { dealCreateView, dealStatisticsView, dealUpdateView, dealView, sumByStatusView } from "../views.js";
import { detail, invalid, json, notFound } from "../answers.js";
import type { ValidationErrors } from "../drf/form.js";
import { readDealFilters } from "../deal-filters.js";
import { paginate } from "../pagination.js";
import { idOf, type MsCall, type MsHandlers } from "../route.js";
import { readDealCreate, readDealPatch, RETURNED_ONLY_WITH_CANCELED } from "../serializers/deal-input.js";

/** The transition table's refusals as DRF field errors. */
function dealErrors(error: DealError): ValidationErrors {
  switch (error.kind) {
    case "dealIdTaken":
      return { deal_id: ["deal with this deal id already exists."] };
    case "transition":
      return { status: [`Cannot change status from ${error.from} to ${error.to}.`] };
    case "final":
      return { status: [`${error.status} deal cannot be changed.`] };
    case "returnedWithoutCancel":
      return { is_returned: [RETURNED_ONLY_WITH_CANCELED] };
  }
}

/** The deals the call's filters select, in its order, handed to `answer`; or django-filter's 400. */
function withDeals(call: MsCall, answer: (deals: Deal[]) => Answer): Answer {
  const read = readDealFilters(call.tenant, call.exchange.query);
  return read.ok ? answer(queryDeals(call.tenant, read.query)) : invalid(read.errors);
}

/** /deal/, /deal/{id}/ (the id: the partner's deal_id first, then the system id) and the statistics. */
export const DEAL_HANDLERS = {
  /** DRF-paginated, filtered, newest conversion first. */
  listDeals: (call) =>
    withDeals(call, (deals) => {
      const page = paginate(call.exchange, deals);
      if (!page.ok) return detail(404, "Invalid page.");
      const { count, next, previous, results } = page;
      return json(200, { count, next, previous, results: results.map((deal) => dealView(call.tenant, deal)) }, MsDealList);
    }),
  countDeals: (call) => withDeals(call, (deals) => json(200, dealFacets(deals), MsDealCounts)),
  dealStatistics: (call) => withDeals(call, (deals) => json(200, dealStatisticsView(dealStatistics(deals)), MsDealStatistics)),
  dealGeneralStatistics: (call) =>
    withDeals(call, (deals) => {
      const page = paginate(call.exchange, deals);
      if (!page.ok) return detail(404, "Invalid page.");
      const { count, next, previous, results } = page;
      const sums = sumByStatusView(dealStatistics(deals));
      return json(200, { count, next, previous, results: results.map((deal) => dealView(call.tenant, deal)), sum_by_status: sums }, MsDealGeneralStatistics);
    }),
  /** 201 for a new deal; 200 when it repeats a deal_id to change that deal's status. */
  createDeal: ({ tenant, body }) => {
    const read = body.object();
    if (!read.ok) return read.answer;
    const input = readDealCreate(tenant, read.body);
    if (!input.ok) return invalid(input.errors);
    const result = createDeal(tenant, input.input);
    if (!result.ok) return invalid(dealErrors(result.error));
    return json(result.value.created ? 201 : 200, dealCreateView(tenant, result.value.deal), MsDealCreateResponse);
  },
  getDeal: (call) => {
    const deal = findDeal(call.tenant, idOf(call));
    return deal === undefined ? notFound() : json(200, dealView(call.tenant, deal), MsDeal);
  },
  patchDeal: (call) => {
    const deal = findDeal(call.tenant, idOf(call));
    if (deal === undefined) return notFound();
    const read = call.body.object();
    if (!read.ok) return read.answer;
    const input = readDealPatch(read.body);
    if (!input.ok) return invalid(input.errors);
    const result = updateDeal(call.tenant, deal, input.patch);
    if (!result.ok) return invalid(dealErrors(result.error));
    return json(200, dealUpdateView(result.value), MsDealUpdateResponse);
  },
} satisfies MsHandlers;
