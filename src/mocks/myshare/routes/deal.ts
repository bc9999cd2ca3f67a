import { MsDeal, MsDealCreateResponse, MsDealUpdateResponse } from "../../../contracts/myshare/deal.js";
import { createDeal, findDeal, updateDeal, type DealError } from "../../../state/myshare/deals.js";
import { dealCreateView, dealUpdateView, dealView } from "../../../state/myshare/views.js";
import type { ValidationErrors } from "../drf/form.js";
import { invalid, notFound, reply, withObjectBody, type Call } from "../http/call.js";
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

/** POST /deal/: 201 for a new deal; 200 when it repeats a deal_id to change that deal's status. */
export function createDealRoute(call: Call): void {
  withObjectBody(call, (body) => {
    const input = readDealCreate(call.tenant, body);
    if (!input.ok) return invalid(call, input.errors);
    const result = createDeal(call.tenant, input.input);
    if (!result.ok) return invalid(call, dealErrors(result.error));
    reply(call, result.value.created ? 201 : 200, dealCreateView(call.tenant, result.value.deal), MsDealCreateResponse);
  });
}

/** GET /deal/{id}/: by the partner's deal_id first, then by the system id. */
export function getDealRoute(call: Call): void {
  const deal = findDeal(call.tenant, call.id);
  if (deal === undefined) return notFound(call);
  reply(call, 200, dealView(call.tenant, deal), MsDeal);
}

/** PATCH /deal/{id}/ */
export function updateDealRoute(call: Call): void {
  const deal = findDeal(call.tenant, call.id);
  if (deal === undefined) return notFound(call);
  withObjectBody(call, (body) => {
    const input = readDealPatch(body);
    if (!input.ok) return invalid(call, input.errors);
    const result = updateDeal(call.tenant, deal, input.patch);
    if (!result.ok) return invalid(call, dealErrors(result.error));
    reply(call, 200, dealUpdateView(result.value), MsDealUpdateResponse);
  });
}
