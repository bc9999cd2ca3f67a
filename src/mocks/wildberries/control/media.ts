import { WB_CONTROL, WbMediaCreateRequest, WbMediaCreateResponse } from "../../../contracts/wildberries/control.js";
import { createMedia } from "../../../state/wildberries/media.js";
import type { MediaStatus } from "../../../state/wildberries/model.js";
import { fail, reply } from "../../sandbox/answers.js";
import type { SomeControlHandlers } from "../../sandbox/control-plug.js";

const STATUSES: readonly MediaStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const mediaStatus = (n: number | undefined): MediaStatus | undefined => STATUSES.find((s) => s === n);

/** Creating media campaigns, which the API cannot. */
export const MEDIA_CONTROL = {
  createWildberriesMediaCampaign: ({ tenant, body }) => {
    const parsed = WbMediaCreateRequest.safeParse(body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined || issue.path.length === 0 ? "body" : issue.path.join(".");
      return fail(
        400,
        "invalid_request",
        `${where}: ${issue?.message ?? "invalid"}; send {"name","brand","type":1|2,"status"?:1-11,"budget"?,"from"?,"to"?,"items"?:[{"name","cpm",...}]}`,
      );
    }
    const d = parsed.data;
    const result = createMedia(tenant, {
      name: d.name,
      brand: d.brand,
      type: d.type,
      status: mediaStatus(d.status),
      budget: d.budget,
      from: d.from === undefined ? undefined : Date.parse(d.from),
      to: d.to === undefined ? undefined : Date.parse(d.to),
      items: d.items?.map((item) => ({
        name: item.name,
        cpm: item.cpm,
        budget: item.budget,
        dailyLimit: item.daily_limit,
        place: item.place,
        advertType: item.advert_type,
        categoryName: item.category_name,
        creative: {
          url: item.url,
          bottomText1: item.bottomText1,
          bottomText2: item.bottomText2,
          message: item.message,
          additionalSettings: item.additionalSettings,
          receiversCount: item.receiversCount,
          actionName: item.action_name,
          showHours: item.show_hours?.map((h) => ({ from: h.From, to: h.To })),
          erid: item.Erid,
        },
      })),
    });
    if (!result.ok) {
      if (result.error.kind === "endBeforeStart") return fail(400, "invalid_request", "to must be later than from");
      return fail(400, "invalid_request", "status 5 (scheduled) needs a from in the future; send from, or another status");
    }
    const campaign = result.value;
    return reply(201, { advertId: campaign.advertId, itemIds: campaign.items.map((i) => i.id) }, WbMediaCreateResponse);
  },
} satisfies SomeControlHandlers<typeof WB_CONTROL.routes>;
