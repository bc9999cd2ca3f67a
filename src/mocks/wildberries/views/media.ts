import type { WbMediaAdvert, WbMediaCount, WbMediaListItem } from "../../../contracts/wildberries/media.js";
import { wholeRubles } from "../../../state/wildberries/media-budget.js";
import type { MediaCount } from "../../../state/wildberries/media-list.js";
import type { MediaCampaign } from "../../../state/wildberries/model.js";
import { moscowTimestamp } from "../../../state/wildberries/moscow-time.js";

/** GET /adv/v1/count: `adverts` null when there are none. */
export function renderMediaCount(count: MediaCount): WbMediaCount {
  return { all: count.all, adverts: count.groups.length === 0 ? null : count.groups };
}

/** One media campaign as GET /adv/v1/adverts lists it. */
export function mediaListItem(c: MediaCampaign): WbMediaListItem {
  return { ...mediaHead(c), ...(c.endTime === null ? {} : { endTime: moscowTimestamp(c.endTime) }) };
}

/** What the list and the single campaign both start with, in this order. */
function mediaHead(c: MediaCampaign) {
  return { advertId: c.advertId, name: c.name, brand: c.brand, type: c.type, status: c.status, createTime: moscowTimestamp(c.createTime) };
}

/** GET /adv/v1/advert: the whole campaign with `extended` and its banners. */
export function renderMedia(c: MediaCampaign): WbMediaAdvert {
  return {
    ...mediaHead(c),
    extended: {
      reason: c.reason,
      expenses: Math.round(c.expenses),
      from: moscowTimestamp(c.from),
      to: moscowTimestamp(c.to),
      updated_at: moscowTimestamp(c.updatedAt),
      price: c.type === 1 ? c.items.reduce((sum, item) => sum + item.cpm, 0) : 0,
      budget: c.type === 2 ? wholeRubles(c.budget) : 0,
      operation: c.operation,
      contract_id: 0,
    },
    items: c.items.map((item) => ({
      id: item.id,
      name: item.name,
      status: item.status,
      place: item.place,
      budget: item.budget,
      daily_limit: item.dailyLimit,
      category_name: item.categoryName,
      cpm: item.cpm,
      advert_type: item.advertType,
      created_at: moscowTimestamp(item.createdAt),
      updated_at: moscowTimestamp(item.updatedAt),
      date_from: moscowTimestamp(item.dateFrom),
      date_to: moscowTimestamp(item.dateTo),
      nms: [...item.nms],
      subject_id: item.subjectId,
      subject_name: item.subjectName,
      url: item.creative.url,
      bottomText1: item.creative.bottomText1,
      bottomText2: item.creative.bottomText2,
      message: item.creative.message,
      additionalSettings: item.creative.additionalSettings,
      receiversCount: item.creative.receiversCount,
      action_name: item.creative.actionName,
      show_hours: item.creative.showHours.map((h) => ({ From: h.from, To: h.to })),
      Erid: item.creative.erid,
    })),
  };
}
