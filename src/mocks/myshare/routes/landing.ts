import { MsLanding } from "../../../contracts/myshare/landing.js";
import { createLanding, deleteLanding, findLanding, updateLanding } from "../../../state/myshare/landings.js";
import { landingView } from "../../../state/myshare/views.js";
import { invalid, notFound, reply, withObjectBody, type Call } from "../http/call.js";
import { LANDING_DEFAULTS, readLanding } from "../serializers/landing-input.js";

/** POST /landing/ */
export function createLandingRoute(call: Call): void {
  withObjectBody(call, (body) => {
    const input = readLanding(call.tenant, body, false);
    if (!input.ok) return invalid(call, input.errors);
    const { url, catalogId } = input.fields;
    if (url === undefined || catalogId === undefined) return invalid(call, { url: ["This field is required."] });
    const landing = createLanding(call.tenant, {
      url,
      catalogId,
      adaptability: input.fields.adaptability ?? LANDING_DEFAULTS.adaptability,
      title: input.fields.title ?? LANDING_DEFAULTS.title,
      imageUrl: input.fields.imageUrl ?? LANDING_DEFAULTS.imageUrl,
    });
    reply(call, 201, landingView(landing), MsLanding);
  });
}

const landingOf = (call: Call) => findLanding(call.tenant, call.id);

/** GET /landing/{id}/ */
export function getLandingRoute(call: Call): void {
  const landing = landingOf(call);
  if (landing === undefined) return notFound(call);
  reply(call, 200, landingView(landing), MsLanding);
}

/** PUT and PATCH /landing/{id}/ */
export function updateLandingRoute(partial: boolean) {
  return (call: Call): void => {
    const landing = landingOf(call);
    if (landing === undefined) return notFound(call);
    withObjectBody(call, (body) => {
      const input = readLanding(call.tenant, body, partial);
      if (!input.ok) return invalid(call, input.errors);
      reply(call, 200, landingView(updateLanding(call.tenant, landing, input.fields)), MsLanding);
    });
  };
}

/** DELETE /landing/{id}/: 204, no body. */
export function deleteLandingRoute(call: Call): void {
  const landing = landingOf(call);
  if (landing === undefined) return notFound(call);
  deleteLanding(call.tenant, landing);
  reply(call, 204, undefined);
}
