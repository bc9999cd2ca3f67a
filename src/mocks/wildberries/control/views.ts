import { WB_CONTROL, WbCampaignTraffic, WbOverview } from "../../../contracts/wildberries/control.js";
import { wildberriesOverview } from "../../../state/wildberries/overview.js";
import { campaignTrafficView } from "../../../state/wildberries/traffic-view.js";
import { fail, reply } from "../../sandbox/answers.js";
import type { SomeControlHandlers } from "../../sandbox/control-plug.js";
import { iso } from "../../sandbox/instant.js";

/** Read-only views of the seller for the web console: no provider call, so nothing journaled and no rate limit spent. */
export const VIEW_CONTROL = {
  getWildberriesOverview: ({ tenant }) => {
    const view = wildberriesOverview(tenant);
    return reply(
      200,
      {
        money: { balance: view.money.balance, net: view.money.net, bonus: view.money.bonus },
        campaigns: view.campaigns.map(({ todaySpendKop, createTime, ...rest }) => ({ ...rest, todaySpend: todaySpendKop / 100, createTime: iso(createTime) })),
        media: view.media.map(({ from, to, ...rest }) => ({ ...rest, from: iso(from), to: iso(to) })),
      },
      WbOverview,
    );
  },
  getWildberriesCampaignTraffic: ({ tenant, params }) => {
    const raw = params["advertId"] ?? "";
    const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
    const view = id === undefined ? undefined : campaignTrafficView(tenant, id);
    if (view === undefined || !view.ok) return fail(404, "campaign_not_found", `this tenant has no Wildberries promotion campaign "${raw}"; use an advertId save-ad or seacat/save-ad returned`);
    return reply(200, view.value, WbCampaignTraffic);
  },
} satisfies SomeControlHandlers<typeof WB_CONTROL.routes>;
