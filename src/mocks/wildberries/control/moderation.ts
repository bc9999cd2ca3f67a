import { WB_CONTROL, WbModerationRequest, WbModerationResponse } from "../../../contracts/wildberries/control.js";
import { describeIssues } from "../../../state/kernel/issues.js";
import { findCampaign } from "../../../state/wildberries/campaign-lookup.js";
import { declineCampaign } from "../../../state/wildberries/campaign-machine.js";
import { fail, reply } from "../../sandbox/answers.js";
import type { SomeControlHandlers } from "../../sandbox/control-plug.js";

/** A path's `{advertId}` as a number, or undefined when it is not a positive integer of at most 10 digits. */
export function advertIdParam(raw: string | undefined): number | undefined {
  return raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
}

/** The moderator's decline (status 8) of a promotion campaign. */
export const MODERATION_CONTROL = {
  declineWildberriesCampaign: ({ tenant, params, body }) => {
    const raw = params["advertId"];
    const id = advertIdParam(raw);
    if (id === undefined) return fail(404, "campaign_not_found", `"${raw ?? ""}" is not an advertId`);
    const verdict = WbModerationRequest.safeParse(body ?? {});
    if (!verdict.success) return fail(400, "invalid_request", `send {"decision": "decline"}: ${describeIssues(verdict.error)}`);
    const campaign = findCampaign(tenant, id);
    if (campaign === undefined) return fail(404, "campaign_not_found", `this tenant has no Wildberries promotion campaign ${id}`);
    const result = declineCampaign(tenant, campaign);
    if (!result.ok) return fail(409, "not_declinable", `campaign ${id} has status ${campaign.status}; only campaigns in 4, 9 or 11 can be declined`);
    return reply(200, { advertId: id, status: 8 }, WbModerationResponse);
  },
} satisfies SomeControlHandlers<typeof WB_CONTROL.routes>;
