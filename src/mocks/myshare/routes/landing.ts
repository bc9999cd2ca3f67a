import { MsLanding } from "../../../contracts/myshare/landing.js";
import { createLanding, deleteLanding, findLanding, updateLanding } from "../../../state/myshare/landings.js";
import type { Landing } from "../../../state/myshare/model.js";
import { landingView } from "../views.js";
import type { Answer } from "../../http/answer.js";
import { invalid, json, notFound } from "../answers.js";
import { idOf, type MsCall, type MsHandlers } from "../route.js";
import { LANDING_DEFAULTS, readLanding } from "../serializers/landing-input.js";

const landingOf = (call: MsCall): Landing | undefined => findLanding(call.tenant, idOf(call));

/** PUT and PATCH /landing/{id}/ */
function updateLandingRoute(partial: boolean) {
  return (call: MsCall): Answer => {
    const landing = landingOf(call);
    if (landing === undefined) return notFound();
    const read = call.body.object();
    if (!read.ok) return read.answer;
    const input = readLanding(call.tenant, read.body, partial);
    if (!input.ok) return invalid(input.errors);
    return json(200, landingView(updateLanding(call.tenant, landing, input.fields)), MsLanding);
  };
}

/** /landing/ and /landing/{id}/ */
export const LANDING_HANDLERS = {
  createLanding: ({ tenant, body }) => {
    const read = body.object();
    if (!read.ok) return read.answer;
    const input = readLanding(tenant, read.body, false);
    if (!input.ok) return invalid(input.errors);
    const { url, catalogId } = input.fields;
    if (url === undefined || catalogId === undefined) return invalid({ url: ["This field is required."] });
    const landing = createLanding(tenant, {
      url,
      catalogId,
      adaptability: input.fields.adaptability ?? LANDING_DEFAULTS.adaptability,
      title: input.fields.title ?? LANDING_DEFAULTS.title,
      imageUrl: input.fields.imageUrl ?? LANDING_DEFAULTS.imageUrl,
    });
    return json(201, landingView(landing), MsLanding);
  },
  getLanding: (call) => {
    const landing = landingOf(call);
    return landing === undefined ? notFound() : json(200, landingView(landing), MsLanding);
  },
  putLanding: updateLandingRoute(false),
  patchLanding: updateLandingRoute(true),
  /** 204, no body. */
  deleteLanding: (call) => {
    const landing = landingOf(call);
    if (landing === undefined) return notFound();
    deleteLanding(call.tenant, landing);
    return { status: 204 };
  },
} satisfies MsHandlers;
