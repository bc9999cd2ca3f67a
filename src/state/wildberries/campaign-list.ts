import type { WbAdvertType8, WbAdvertType9, WbPromotionCount } from "../../contracts/wildberries/campaigns.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { visibleView } from "./campaign-status.js";
import { renderCampaign } from "./campaign-views.js";
import type { Campaign, CampaignView } from "./model.js";
import { moscowTimestamp } from "./moscow-time.js";

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

interface Visible {
  campaign: Campaign;
  view: CampaignView;
}

/** Every campaign readers can see now, with the view they see (realistic: as of the last 3-minute sync). */
function visibleCampaigns(tenant: Tenant): Visible[] {
  const state = peekState(tenant, "wildberries");
  if (state === undefined) return [];
  const out: Visible[] = [];
  for (const campaign of state.campaigns.values()) {
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
export function listCampaigns(tenant: Tenant, query: AdvertsQuery): (WbAdvertType8 | WbAdvertType9)[] {
  const state = peekState(tenant, "wildberries");
  if (state === undefined) return [];
  const wanted = query.ids === undefined ? undefined : new Set(query.ids);
  const sign = query.direction === "asc" ? 1 : -1;
  return visibleCampaigns(tenant)
    .filter((v) => wanted === undefined || wanted.has(v.campaign.advertId))
    .filter((v) => query.status === undefined || v.view.status === query.status)
    .filter((v) => query.type === undefined || v.campaign.type === query.type)
    .sort((a, b) => sign * (sortKey(a, query.order) - sortKey(b, query.order) || a.campaign.advertId - b.campaign.advertId))
    .map((v) => renderCampaign(state.catalogue, v.campaign, v.view));
}

/** GET /adv/v1/promotion/count: groups by (type, status), newest change first; `adverts` null when there are none. */
export function countCampaigns(tenant: Tenant): WbPromotionCount {
  const groups = new Map<string, { type: number; status: number; items: Visible[] }>();
  const visible = visibleCampaigns(tenant);
  for (const v of visible) {
    const key = `${v.campaign.type}:${v.view.status}`;
    const group = groups.get(key) ?? { type: v.campaign.type, status: v.view.status, items: [] };
    group.items.push(v);
    groups.set(key, group);
  }
  if (groups.size === 0) return { adverts: null, all: 0 };
  const adverts = [...groups.values()]
    .sort((a, b) => a.type - b.type || a.status - b.status)
    .map((g) => ({
      type: g.type,
      status: g.status,
      count: g.items.length,
      advert_list: g.items
        .sort((a, b) => b.view.changeTime - a.view.changeTime || b.campaign.advertId - a.campaign.advertId)
        .map((v) => ({ advertId: v.campaign.advertId, changeTime: moscowTimestamp(v.view.changeTime) })),
    }));
  return { adverts, all: visible.length };
}
