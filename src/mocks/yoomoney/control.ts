import { YM_CONTROL, YmModerationRequest, YmModerationResponse, YmOfferResponse } from "../../contracts/yoomoney/control.js";
import { moderate } from "../../state/yoomoney/moderation.js";
import { takeOffer } from "../../state/yoomoney/offers.js";
import { fail, reply } from "../sandbox/answers.js";
import { defineControl } from "../sandbox/control-plug.js";
import { iso } from "../sandbox/instant.js";

/** A ymCampaignId as the path gives it, or undefined (a 404: no campaign has that id). */
function campaignIdParam(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

const notAnId = (raw: string | undefined) => fail(404, "campaign_not_found", `"${raw ?? ""}" is not a ymCampaignId`);
const noCampaign = (id: number) => fail(404, "campaign_not_found", `this tenant has no YooMoney campaign ${id}`);

/** The YooMoney side the real API has no call for (under /__sandbox): the moderator, and users taking offers. */
export const yoomoneyControl = defineControl(
  YM_CONTROL,
  {
    moderateYooMoneyCampaign: ({ tenant, params, body }) => {
      const id = campaignIdParam(params["ymCampaignId"]);
      if (id === undefined) return notAnId(params["ymCampaignId"]);
      const verdict = YmModerationRequest.safeParse(body ?? {});
      if (!verdict.success) {
        return fail(400, "invalid_request", `send {"decision": "approve" | "decline", "comment"?: string}: ${verdict.error.issues[0]?.message ?? "invalid body"}`);
      }
      const result = moderate(tenant, id, verdict.data.decision, verdict.data.comment ?? null);
      if (!result.ok) {
        if (result.error.kind === "notFound") return noCampaign(id);
        return fail(409, "not_in_moderation", `campaign ${id} is ${result.error.status}, not in moderation; campaigns/create or campaigns/update sends it there`);
      }
      return reply(200, result.value, YmModerationResponse);
    },
    takeYooMoneyOffer: ({ tenant, params }) => {
      const id = campaignIdParam(params["ymCampaignId"]);
      if (id === undefined) return notAnId(params["ymCampaignId"]);
      const result = takeOffer(tenant, id);
      if (!result.ok) {
        if (result.error.kind === "notFound") return noCampaign(id);
        return fail(409, "campaign_not_started", `campaign ${id} is ${result.error.status}; users can take offers only while it is started`);
      }
      const offer = result.value;
      return reply(201, { ...offer, issuedAt: iso(offer.issuedAt), expiresAt: iso(offer.expiresAt) }, YmOfferResponse);
    },
  },
  {},
);
