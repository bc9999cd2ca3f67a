import { MsOffer } from "../../../contracts/myshare/offer.js";
import type { Offer, OfferFields } from "../../../state/myshare/model.js";
import { createOffer, findOffer, updateOffer } from "../../../state/myshare/offers.js";
import { offerView } from "../views.js";
import type { Answer } from "../../http/answer.js";
import { invalid, json, notFound } from "../answers.js";
import { uuidText } from "../drf/fields.js";
import { idOf, type MsCall, type MsHandlers } from "../route.js";
import { readOffer } from "../serializers/offer-input.js";

const NOT_UNIQUE = { non_field_errors: ["The fields catalog_id, name must make a unique set."] };

function complete(fields: Partial<OfferFields>): OfferFields | undefined {
  const { catalogId, name, isPromocodeAllowed, isActive, prices } = fields;
  if (catalogId === undefined || name === undefined || isPromocodeAllowed === undefined || isActive === undefined || prices === undefined) return undefined;
  return {
    catalogId,
    name,
    isPromocodeAllowed,
    isActive,
    prices,
    description: fields.description ?? "",
    rewardPercent: fields.rewardPercent ?? null,
    fixRemuneration: fields.fixRemuneration ?? null,
  };
}

function offerOf(call: MsCall): Offer | undefined {
  const id = uuidText(idOf(call));
  return id === undefined ? undefined : findOffer(call.tenant, id);
}

/** PUT and PATCH /offer/{id}/; `prices`, when sent, replaces the list. */
function updateOfferRoute(partial: boolean) {
  return (call: MsCall): Answer => {
    const offer = offerOf(call);
    if (offer === undefined) return notFound();
    const read = call.body.object();
    if (!read.ok) return read.answer;
    const input = readOffer(call.tenant, read.body, partial, offer);
    if (!input.ok) return invalid(input.errors);
    const updated = updateOffer(call.tenant, offer, input.fields);
    if (!updated.ok) return invalid(NOT_UNIQUE);
    return json(200, offerView(updated.value), MsOffer);
  };
}

/** /offer/ and /offer/{id}/ */
export const OFFER_HANDLERS = {
  createOffer: ({ tenant, body }) => {
    const read = body.object();
    if (!read.ok) return read.answer;
    const input = readOffer(tenant, read.body, false);
    if (!input.ok) return invalid(input.errors);
    const fields = complete(input.fields);
    if (fields === undefined) return invalid({ name: ["This field is required."] });
    const created = createOffer(tenant, fields);
    if (!created.ok) return invalid(NOT_UNIQUE);
    return json(201, offerView(created.value), MsOffer);
  },
  getOffer: (call) => {
    const offer = offerOf(call);
    return offer === undefined ? notFound() : json(200, offerView(offer), MsOffer);
  },
  putOffer: updateOfferRoute(false),
  patchOffer: updateOfferRoute(true),
} satisfies MsHandlers;
