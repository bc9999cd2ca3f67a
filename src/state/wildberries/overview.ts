import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import type { CampaignStatus, CampaignType, MediaStatus, Money } from "./model.js";
import { moscowDate } from "./moscow-time.js";
import { METRICS, SPEND_KOP, type CampaignTraffic } from "./traffic-model.js";

/** A promotion campaign as the control plane's read-only view shows it. Instants are epoch ms. */
export type WbCampaignOverview = {
  advertId: number;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  budget: number;
  /** Kopecks spent on the current Moscow day, from the traffic cells fullstats reads. */
  todaySpendKop: number;
  createTime: number;
};

/** A WB Media campaign as the read-only view shows it. Instants are epoch ms. */
export type WbMediaOverview = {
  advertId: number;
  name: string;
  brand: string;
  type: 1 | 2;
  status: MediaStatus;
  budget: number;
  expenses: number;
  from: number;
  to: number;
  items: number;
};

export type WbOverview = {
  money: Money;
  campaigns: WbCampaignOverview[];
  media: WbMediaOverview[];
};

/** The spend (kopecks) of one campaign's traffic cells on `day`. */
function spendOn(traffic: CampaignTraffic | undefined, day: string): number {
  const cells = traffic?.days.findLast((d) => d.day === day)?.cells;
  if (cells === undefined) return 0;
  let kop = 0;
  for (let at = SPEND_KOP; at < cells.length; at += METRICS) kop += cells[at] ?? 0;
  return kop;
}

/**
 * The tenant's Wildberries seller at a glance: money, promotion campaigns (with today's spend) and media
 * campaigns, by id. A pure read: it neither settles timers nor creates the seller (no catalogue drawn).
 */
export function wildberriesOverview(tenant: Tenant): WbOverview {
  const state = peekState(tenant, "wildberries");
  if (state === undefined) return { money: { balance: 0, net: 0, bonus: 0 }, campaigns: [], media: [] };
  const today = moscowDate(tenant.now());
  const campaigns = [...state.campaigns.values()]
    .sort((a, b) => a.advertId - b.advertId)
    .map((c) => ({
      advertId: c.advertId,
      name: c.name,
      type: c.type,
      status: c.status,
      budget: c.budget,
      todaySpendKop: spendOn(state.traffic.byCampaign.get(c.advertId), today),
      createTime: c.createTime,
    }));
  const media = [...state.media.values()]
    .sort((a, b) => a.advertId - b.advertId)
    .map((m) => ({
      advertId: m.advertId,
      name: m.name,
      brand: m.brand,
      type: m.type,
      status: m.status,
      budget: m.budget,
      expenses: m.expenses,
      from: m.from,
      to: m.to,
      items: m.items.length,
    }));
  return { money: { ...state.money }, campaigns, media };
}
