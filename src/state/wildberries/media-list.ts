import type { Tenant } from "../kernel/tenant.js";
import { allMedia } from "./media-lookup.js";
import type { MediaCampaign } from "./model.js";

export interface MediaListQuery {
  status: number | undefined;
  type: number | undefined;
  limit: number | undefined;
  offset: number;
  order: "create" | "id";
  direction: "asc" | "desc";
}

/** How many media campaigns there are, and how many of each (type, status), in that order. */
export interface MediaCount {
  all: number;
  groups: { type: number; status: number; count: number }[];
}

/** GET /adv/v1/count: the seller's media campaigns grouped by (type, status). */
export function countMedia(tenant: Tenant): MediaCount {
  const groups = new Map<string, { type: number; status: number; count: number }>();
  const media = allMedia(tenant);
  for (const c of media) {
    const key = `${c.type}/${c.status}`;
    const group = groups.get(key) ?? { type: c.type, status: c.status, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return { all: media.length, groups: [...groups.values()].sort((a, b) => a.type - b.type || a.status - b.status) };
}

/** GET /adv/v1/adverts: filtered, ordered, then offset and limit; empty means 204. */
export function listMedia(tenant: Tenant, query: MediaListQuery): MediaCampaign[] {
  const sign = query.direction === "asc" ? 1 : -1;
  const key = (c: MediaCampaign) => (query.order === "create" ? c.createTime : c.advertId);
  const matching = allMedia(tenant)
    .filter((c) => query.status === undefined || c.status === query.status)
    .filter((c) => query.type === undefined || c.type === query.type)
    .sort((a, b) => sign * (key(a) - key(b) || a.advertId - b.advertId));
  const end = query.limit === undefined ? undefined : query.offset + query.limit;
  return matching.slice(query.offset, end);
}
