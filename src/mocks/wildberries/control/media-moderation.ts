import { WB_CONTROL, WbMediaModerationRequest, WbMediaModerationResponse } from "../../../contracts/wildberries/control.js";
import { describeIssues } from "../../../state/kernel/issues.js";
import { moderateMedia } from "../../../state/wildberries/media-moderation.js";
import { fail, reply } from "../../sandbox/answers.js";
import type { SomeControlHandlers } from "../../sandbox/control-plug.js";
import { advertIdParam } from "./moderation.js";

/** The moderator's decision on a media campaign in moderation (2 -> 4 or 3). */
export const MEDIA_MODERATION_CONTROL = {
  moderateWildberriesMediaCampaign: ({ tenant, params, body }) => {
    const raw = params["advertId"];
    const id = advertIdParam(raw);
    if (id === undefined) return fail(404, "media_campaign_not_found", `"${raw ?? ""}" is not an advertId`);
    const verdict = WbMediaModerationRequest.safeParse(body ?? {});
    if (!verdict.success) return fail(400, "invalid_request", `send {"decision": "approve" | "reject", "reason"?: text}: ${describeIssues(verdict.error)}`);
    const result = moderateMedia(tenant, id, verdict.data.decision, verdict.data.reason);
    if (!result.ok) {
      if (result.error.kind === "notFound") return fail(404, "media_campaign_not_found", `this tenant has no Wildberries media campaign ${id}`);
      return fail(409, "not_in_moderation", `media campaign ${id} has status ${result.error.status}; only a campaign in moderation (2) can be approved or rejected`);
    }
    const campaign = result.value;
    const status = campaign.status === 4 ? 4 : 3;
    return reply(200, { advertId: id, status, reason: campaign.reason }, WbMediaModerationResponse);
  },
} satisfies SomeControlHandlers<typeof WB_CONTROL.routes>;
