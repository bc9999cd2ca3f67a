import { MsDeal, MsDealCreateResponse, MsDealUpdateResponse } from "../../../contracts/myshare/deal.js";
import { createDeal, findDeal, updateDeal, type DealError } from "../../../state/myshare/deals.js";
import { dealCreateView, dealUpdateView, dealView } from "../views.js";
import { invalid, json, notFound } from "../answers.js";
import type { ValidationErrors } from "../drf/form.js";
import { idOf, type MsHandlers } from "../route.js";
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

/** /deal/ and /deal/{id}/ (the id: the partner's deal_id first, then the system id). */
export const DEAL_HANDLERS = {
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
