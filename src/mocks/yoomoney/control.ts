import {
  YM_CONTROL,
  YmAcceptUrlRequest,
  YmAcceptUrlResponse,
  YmCampaignsOverview,
  YmMerchant,
  YmModerationRequest,
  YmModerationResponse,
  YmOfferResponse,
} from "../../contracts/yoomoney/control.js";
import { describeIssues } from "../../state/kernel/issues.js";
import { setAcceptUrlReachable } from "../../state/yoomoney/accept-url-reach.js";
import { merchantKindOf, setMerchantKind } from "../../state/yoomoney/merchant.js";
import { moderate } from "../../state/yoomoney/moderation.js";
import { takeOffer } from "../../state/yoomoney/offers.js";
import { yoomoneyOverview } from "../../state/yoomoney/overview.js";
import { fail, reply } from "../sandbox/answers.js";
import { defineControl } from "../sandbox/control-plug.js";
import { iso } from "../sandbox/instant.js";

/** A ymCampaignId as the path gives it, or undefined (a 404: no campaign has that id). */
function campaignIdParam(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

const notAnId = (raw: string | undefined) => fail(404, "campaign_not_found", `"${raw ?? ""}" is not a ymCampaignId`);
const noCampaign = (id: number) => fail(404, "campaign_not_found", `this tenant has no YooMoney campaign ${id}`);

/** The YooMoney side the real API has no call for (under /__sandbox): the moderator, users taking offers, the partner's kind (store or aggregator) and whether its links can be reached. */
export const yoomoneyControl = defineControl(
  YM_CONTROL,
  {
    listYooMoneyCampaigns: ({ tenant }) => reply(200, { campaigns: yoomoneyOverview(tenant) }, YmCampaignsOverview),
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
    getYooMoneyMerchant: ({ tenant }) => reply(200, { kind: merchantKindOf(tenant) }, YmMerchant),
    putYooMoneyMerchant: ({ tenant, body }) => {
      const parsed = YmMerchant.safeParse(body ?? {});
      if (!parsed.success) return fail(400, "invalid_request", `send {"kind": "store" | "aggregator"}: ${describeIssues(parsed.error)}`);
      return reply(200, { kind: setMerchantKind(tenant, parsed.data.kind) }, YmMerchant);
    },
    markYooMoneyAcceptUrl: ({ tenant, params, body }) => {
      const id = campaignIdParam(params["ymCampaignId"]);
      if (id === undefined) return notAnId(params["ymCampaignId"]);
      const parsed = YmAcceptUrlRequest.safeParse(body ?? {});
      if (!parsed.success) return fail(400, "invalid_request", `send {"reachable": true | false}: ${describeIssues(parsed.error)}`);
      const result = setAcceptUrlReachable(tenant, id, parsed.data.reachable);
      if (!result.ok) {
        if (result.error.kind === "notFound") return noCampaign(id);
        return fail(409, "no_accept_url", `campaign ${id} (${result.error.campaignType}) has no acceptUrl to reach; only a campaign with a link can be marked`);
      }
      return reply(200, result.value, YmAcceptUrlResponse);
    },
    takeYooMoneyOffer: ({ tenant, params }) => {
      const id = campaignIdParam(params["ymCampaignId"]);
      if (id === undefined) return notAnId(params["ymCampaignId"]);
      const result = takeOffer(tenant, id);
      if (!result.ok) {
        if (result.error.kind === "notFound") return noCampaign(id);
        if (result.error.kind === "acceptUrlUnreachable") {
          return fail(
            409,
            "accept_url_unreachable",
            `the user following campaign ${id}'s acceptUrl got an error (it is marked unreachable), so no offer was taken and the campaign is ${result.error.status}; PUT /__sandbox/yoomoney/campaigns/${id}/accept-url {"reachable": true}, then campaigns/start`,
          );
        }
        return fail(409, "campaign_not_started", `campaign ${id} is ${result.error.status}; users can take offers only while it is started`);
      }
      const offer = result.value;
      return reply(201, { ...offer, issuedAt: iso(offer.issuedAt), expiresAt: iso(offer.expiresAt) }, YmOfferResponse);
    },
  },
  {},
);
