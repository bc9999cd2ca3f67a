import type { WbAdvertType8, WbAdvertType9, WbPromotionCount } from "../../../contracts/wildberries/campaigns.js";
import type { CampaignGroup, CampaignListing } from "../../../state/wildberries/campaign-list.js";
import type { Catalogue, Campaign, CampaignView } from "../../../state/wildberries/model.js";
import { moscowTimestamp, NEVER_ENDS } from "../../../state/wildberries/moscow-time.js";

/** A type 9 subject's menu as Wildberries shows an Auction it did not place in a catalog menu. */
const NO_MENU = { id: -1, name: "" } as const;

function subjectRef(catalogue: Catalogue, subjectId: number): { id: number; name: string } {
  return { id: subjectId, name: catalogue.subjects.find((s) => s.id === subjectId)?.name ?? "" };
}

/**
 * One campaign as POST /adv/v1/promotion/adverts shows it: identity and creation time from the
 * campaign, everything else from `view` (what readers see now, see visibleView).
 */
export function renderCampaign(catalogue: Catalogue, campaign: Campaign, view: CampaignView): WbAdvertType8 | WbAdvertType9 {
  const common = {
    endTime: view.endTime === null ? NEVER_ENDS : moscowTimestamp(view.endTime),
    createTime: moscowTimestamp(campaign.createTime),
    changeTime: moscowTimestamp(view.changeTime),
    startTime: moscowTimestamp(view.startTime ?? campaign.createTime),
    name: view.name,
    dailyBudget: 0,
    advertId: campaign.advertId,
    status: view.status,
    paymentType: "cpm" as const,
  };
  if (campaign.type === 8) {
    const auto = view.autoParams;
    return {
      ...common,
      type: 8,
      autoParams: {
        subject: subjectRef(catalogue, auto?.subjectId ?? 0),
        sets: [],
        menus: [],
        active: { ...(auto?.active ?? { carousel: true, recom: true, booster: true }) },
        nmCPM: (auto?.nmCpm ?? []).map((x) => ({ nm: x.nm, cpm: x.cpm })),
        nms: [...(auto?.nms ?? [])],
        cpm: auto?.cpm ?? 0,
      },
    };
  }
  return {
    ...common,
    type: 9,
    searchPluseState: view.searchPluseState,
    unitedParams: (view.unitedParams ?? []).map((p) => ({
      subject: subjectRef(catalogue, p.subjectId),
      menus: [{ ...NO_MENU }],
      nms: [...p.nms],
      searchCPM: p.searchCPM,
      catalogCPM: p.catalogCPM,
    })),
  };
}

/** POST /adv/v1/promotion/adverts: the campaigns found, in order. */
export function renderCampaigns(listing: CampaignListing): (WbAdvertType8 | WbAdvertType9)[] {
  return listing.found.map((v) => renderCampaign(listing.catalogue, v.campaign, v.view));
}

/** GET /adv/v1/promotion/count: `adverts` null when there are none. */
export function renderCampaignCount(count: { all: number; groups: CampaignGroup[] }): WbPromotionCount {
  if (count.groups.length === 0) return { adverts: null, all: 0 };
  const adverts = count.groups.map((g) => ({
    type: g.type,
    status: g.status,
    count: g.items.length,
    advert_list: g.items.map((v) => ({ advertId: v.campaign.advertId, changeTime: moscowTimestamp(v.view.changeTime) })),
  }));
  return { adverts, all: count.all };
}
