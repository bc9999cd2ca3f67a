import { MsOffer } from "../../../contracts/myshare/offer.js";
import { createOffer, findOffer, updateOffer } from "../../../state/myshare/offers.js";
import type { OfferFields } from "../../../state/myshare/model.js";
import { offerView } from "../../../state/myshare/views.js";
import { uuidText } from "../drf/fields.js";
import { invalid, notFound, reply, withObjectBody, type Call } from "../http/call.js";
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

/** POST /offer/ */
export function createOfferRoute(call: Call): void {
  withObjectBody(call, (body) => {
    const input = readOffer(call.tenant, body, false);
    if (!input.ok) return invalid(call, input.errors);
    const fields = complete(input.fields);
    if (fields === undefined) return invalid(call, { name: ["This field is required."] });
    const created = createOffer(call.tenant, fields);
    if (!created.ok) return invalid(call, NOT_UNIQUE);
    reply(call, 201, offerView(created.value), MsOffer);
  });
}

function offerOf(call: Call) {
  const id = uuidText(call.id);
  return id === undefined ? undefined : findOffer(call.tenant, id);
}

/** GET /offer/{id}/ */
export function getOfferRoute(call: Call): void {
  const offer = offerOf(call);
  if (offer === undefined) return notFound(call);
  reply(call, 200, offerView(offer), MsOffer);
}

/** PUT and PATCH /offer/{id}/; `prices`, when sent, replaces the list. */
export function updateOfferRoute(partial: boolean) {
  return (call: Call): void => {
    const offer = offerOf(call);
    if (offer === undefined) return notFound(call);
    withObjectBody(call, (body) => {
      const input = readOffer(call.tenant, body, partial, offer);
      if (!input.ok) return invalid(call, input.errors);
      const updated = updateOffer(call.tenant, offer, input.fields);
      if (!updated.ok) return invalid(call, NOT_UNIQUE);
      reply(call, 200, offerView(updated.value), MsOffer);
    });
  };
}
