import type { Tenant } from "../kernel/tenant.js";
import { campaignStatusChanged } from "./status-hooks.js";
import type { Campaign, CampaignStatus, CampaignView } from "./model.js";

/** Wildberries syncs what campaign lists and info show every 3 minutes (research §7.1). */
export const SYNC_MS = 3 * 60_000;

/** Start of the 3-minute sync window that contains `at`. */
export const syncWindow = (at: number): number => Math.floor(at / SYNC_MS) * SYNC_MS;

/** The reader-visible fields of a campaign, copied. */
export function viewOf(c: CampaignView): CampaignView {
  return {
    name: c.name,
    status: c.status,
    changeTime: c.changeTime,
    startTime: c.startTime,
    endTime: c.endTime,
    autoParams: c.autoParams === null ? null : { ...c.autoParams, nms: [...c.autoParams.nms], nmCpm: c.autoParams.nmCpm.map((x) => ({ ...x })), active: { ...c.autoParams.active } },
    unitedParams: c.unitedParams === null ? null : c.unitedParams.map((u) => ({ ...u, nms: [...u.nms] })),
    searchPluseState: c.searchPluseState,
  };
}

/**
 * Call before changing anything a reader sees (status, name, bids, nms, phrases toggle). The first
 * change in a sync window keeps the state as it stood at the window's start, which realistic readers
 * see until the next sync.
 */
export function touch(tenant: Tenant, campaign: Campaign): void {
  const now = tenant.now();
  const window = syncWindow(now);
  if (campaign.changedInWindow !== window) {
    campaign.published = viewOf(campaign);
    campaign.changedInWindow = window;
  }
  campaign.changeTime = now;
}

/**
 * What readers of lists and info see at `at`: everything under `immediate` consistency; under
 * `realistic`, the state of the last 3-minute sync (undefined: the campaign did not exist yet).
 */
export function visibleView(tenant: Tenant, campaign: Campaign): CampaignView | undefined {
  if (tenant.settings.consistency === "immediate") return campaign;
  if (syncWindow(tenant.now()) > campaign.changedInWindow) return campaign;
  return campaign.published ?? undefined;
}

/**
 * The one way a promotion campaign changes status (API call, timer or control plane): keeps the
 * sync view, stamps times, records the event and tells the traffic simulation.
 */
export function setCampaignStatus(tenant: Tenant, campaign: Campaign, to: CampaignStatus): void {
  const from = campaign.status;
  if (from === to) return;
  touch(tenant, campaign);
  const now = tenant.now();
  campaign.status = to;
  // startTime is the last launch ("Дата последнего запуска", the 2025 spec).
  if (to === 9) campaign.startTime = now;
  if (to === 7 || to === 8) campaign.endTime = now;
  tenant.record({ provider: "wildberries", entity: "campaign", id: String(campaign.advertId), from, to });
  campaignStatusChanged(tenant, campaign, from);
}
