import type { WbMediaAdvert, WbMediaCount, WbMediaListItem } from "../../contracts/wildberries/media.js";
import type { Tenant } from "../kernel/tenant.js";
import { allMedia } from "./media-lookup.js";
import type { MediaCampaign } from "./model.js";
import { moscowTimestamp } from "./moscow-time.js";

export interface MediaListQuery {
  status: number | undefined;
  type: number | undefined;
  limit: number | undefined;
  offset: number;
  order: "create" | "id";
  direction: "asc" | "desc";
}

/** GET /adv/v1/count: one group per (type, status) in that order; `adverts` null when there are none. */
export function countMedia(tenant: Tenant): WbMediaCount {
  const groups = new Map<string, { type: number; status: number; count: number }>();
  const media = allMedia(tenant);
  for (const c of media) {
    const key = `${c.type}/${c.status}`;
    const group = groups.get(key) ?? { type: c.type, status: c.status, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  const adverts = [...groups.values()].sort((a, b) => a.type - b.type || a.status - b.status);
  return { all: media.length, adverts: adverts.length === 0 ? null : adverts };
}

function listItem(c: MediaCampaign): WbMediaListItem {
  return {
    advertId: c.advertId,
    name: c.name,
    brand: c.brand,
    type: c.type,
    status: c.status,
    createTime: moscowTimestamp(c.createTime),
    ...(c.endTime === null ? {} : { endTime: moscowTimestamp(c.endTime) }),
  };
}

/** GET /adv/v1/adverts: filtered, ordered, then offset and limit; empty means 204. */
export function listMedia(tenant: Tenant, query: MediaListQuery): WbMediaListItem[] {
  const sign = query.direction === "asc" ? 1 : -1;
  const key = (c: MediaCampaign) => (query.order === "create" ? c.createTime : c.advertId);
  const matching = allMedia(tenant)
    .filter((c) => query.status === undefined || c.status === query.status)
    .filter((c) => query.type === undefined || c.type === query.type)
    .sort((a, b) => sign * (key(a) - key(b) || a.advertId - b.advertId));
  const end = query.limit === undefined ? undefined : query.offset + query.limit;
  return matching.slice(query.offset, end).map(listItem);
}

/** GET /adv/v1/advert: the whole campaign with `extended` and its banners. */
export function renderMedia(c: MediaCampaign): WbMediaAdvert {
  return {
    advertId: c.advertId,
    name: c.name,
    brand: c.brand,
    type: c.type,
    status: c.status,
    createTime: moscowTimestamp(c.createTime),
    extended: {
      reason: c.reason,
      expenses: Math.round(c.expenses),
      from: moscowTimestamp(c.from),
      to: moscowTimestamp(c.to),
      updated_at: moscowTimestamp(c.updatedAt),
      price: c.type === 1 ? c.items.reduce((sum, item) => sum + item.cpm, 0) : 0,
      budget: c.type === 2 ? Math.floor(c.budget + 1e-6) : 0,
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
    })),
  };
}
