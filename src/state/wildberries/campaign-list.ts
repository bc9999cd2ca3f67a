import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { isUnlisted } from "./campaign-machine.js";
import { visibleView } from "./campaign-status.js";
import type { Campaign, CampaignView, Catalogue } from "./model.js";

export type AdvertsOrder = "create" | "change" | "id";
export type AdvertsDirection = "asc" | "desc";

export interface AdvertsQuery {
  /** Filters (used without ids). */
  status: number | undefined;
  type: number | undefined;
  /** An id list (used without filters); unknown ids are skipped. */
  ids: number[] | undefined;
  order: AdvertsOrder;
  direction: AdvertsDirection;
}

/** A campaign and what readers see of it now (realistic: as of the last 3-minute sync). */
export interface Visible {
  campaign: Campaign;
  view: CampaignView;
}

/** The campaigns a list call found, with the catalogue their subjects come from. */
export interface CampaignListing {
  catalogue: Catalogue;
  found: Visible[];
}

/** One (type, status) group of GET /adv/v1/promotion/count, newest change first. */
export interface CampaignGroup {
  type: number;
  status: number;
  items: Visible[];
}

/** Every campaign readers can see now, with the view they see (realistic: as of the last 3-minute sync). */
function visibleCampaigns(tenant: Tenant): Visible[] {
  const state = peekState(tenant, "wildberries");
  if (state === undefined) return [];
  const out: Visible[] = [];
  for (const campaign of state.campaigns.values()) {
    if (isUnlisted(tenant, campaign)) continue;
    const view = visibleView(tenant, campaign);
    if (view !== undefined) out.push({ campaign, view });
  }
  return out;
}

function sortKey(v: Visible, order: AdvertsOrder): number {
  if (order === "create") return v.campaign.createTime;
  if (order === "change") return v.view.changeTime;
  return v.campaign.advertId;
}

/** POST /adv/v1/promotion/adverts: the matching campaigns, ordered; empty means 204. */
export function listCampaigns(tenant: Tenant, query: AdvertsQuery): CampaignListing {
  const state = peekState(tenant, "wildberries");
  if (state === undefined) return { catalogue: { subjects: [], nms: [] }, found: [] };
  const wanted = query.ids === undefined ? undefined : new Set(query.ids);
  const sign = query.direction === "asc" ? 1 : -1;
  const found = visibleCampaigns(tenant)
    .filter((v) => wanted === undefined || wanted.has(v.campaign.advertId))
    .filter((v) => query.status === undefined || v.view.status === query.status)
    .filter((v) => query.type === undefined || v.campaign.type === query.type)
    .sort((a, b) => sign * (sortKey(a, query.order) - sortKey(b, query.order) || a.campaign.advertId - b.campaign.advertId));
  return { catalogue: state.catalogue, found };
}

/** GET /adv/v1/promotion/count: what readers see, grouped by (type, status), each group newest change first. */
export function countCampaigns(tenant: Tenant): { all: number; groups: CampaignGroup[] } {
  const groups = new Map<string, CampaignGroup>();
  const visible = visibleCampaigns(tenant);
  for (const v of visible) {
    const key = `${v.campaign.type}:${v.view.status}`;
    const group = groups.get(key) ?? { type: v.campaign.type, status: v.view.status, items: [] };
    group.items.push(v);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => a.type - b.type || a.status - b.status);
  for (const group of sorted) group.items.sort((a, b) => b.view.changeTime - a.view.changeTime || b.campaign.advertId - a.campaign.advertId);
  return { all: visible.length, groups: sorted };
}
