import { WB_CONTROL, WbMediaBudgetRequest, WbMediaBudgetResponse } from "../../../contracts/wildberries/control.js";
import { describeIssues } from "../../../state/kernel/issues.js";
import { fundMedia } from "../../../state/wildberries/media-budget.js";
import { fail, reply } from "../../sandbox/answers.js";
import type { SomeControlHandlers } from "../../sandbox/control-plug.js";
import { advertIdParam } from "./moderation.js";

/** The seller's payment into a views media campaign's budget. */
export const MEDIA_BUDGET_CONTROL = {
  fundWildberriesMediaCampaign: ({ tenant, params, body }) => {
    const raw = params["advertId"];
    const id = advertIdParam(raw);
    if (id === undefined) return fail(404, "media_campaign_not_found", `"${raw ?? ""}" is not an advertId`);
    const payment = WbMediaBudgetRequest.safeParse(body ?? {});
    if (!payment.success) return fail(400, "invalid_request", `send {"sum": whole rubles, at least 1}: ${describeIssues(payment.error)}`);
    const result = fundMedia(tenant, id, payment.data.sum);
    if (!result.ok) {
      const error = result.error;
      if (error.kind === "notFound") return fail(404, "media_campaign_not_found", `this tenant has no Wildberries media campaign ${id}`);
      if (error.kind === "byDays") return fail(409, "no_budget", `media campaign ${id} is a placement by days (type 1), which has no budget; only views campaigns (type 2) take one`);
      return fail(409, "not_fundable", `media campaign ${id} has status ${error.status} (completed or refused) and takes no more money`);
    }
    const { campaign, after } = result.value;
    return reply(200, { advertId: id, status: campaign.status, budget: after }, WbMediaBudgetResponse);
  },
} satisfies SomeControlHandlers<typeof WB_CONTROL.routes>;
