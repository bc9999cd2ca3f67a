import { Tenant } from "../../../src/state/kernel/tenant.js";
import { DEFAULT_SETTINGS } from "../../../src/state/kernel/settings.js";
import { syncWindow } from "../../../src/state/wildberries/campaign-status.js";
import type { Campaign, CampaignStatus } from "../../../src/state/wildberries/model.js";
import { wildberriesProvider } from "../../../src/state/wildberries/provider.js";
import { nextAdvertId, wildberriesState } from "../../../src/state/wildberries/state.js";
import { campaignStatusChanged } from "../../../src/state/wildberries/status-hooks.js";

/** 2026-01-15T09:00:00Z = 12:00 Moscow. */
export const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A tenant standing at T0 with the Wildberries timers (immediate consistency). */
export function wbTenant(id = "seller", seed = "seed"): Tenant {
  return new Tenant(id, () => T0, seed, { ...DEFAULT_SETTINGS, consistency: "immediate" }, new Map(Object.entries(wildberriesProvider.timers)), {
    journalSize: 10,
    eventLogSize: 10_000,
  });
}

/**
 * A campaign put straight into the tenant's state (no HTTP), type 8 with the first two nms of the
 * first subject, or type 9 with them at searchCPM 150; `status` 9 starts its traffic.
 */
export function putCampaign(tenant: Tenant, opts: { type?: 8 | 9; budget?: number; status?: CampaignStatus; cpm?: number } = {}): Campaign {
  const state = wildberriesState(tenant);
  const type = opts.type ?? 8;
  const subject = state.catalogue.subjects[0];
  if (subject === undefined) throw new Error("no subject");
  const nms = state.catalogue.nms.filter((n) => n.subjectId === subject.id).slice(0, 2).map((n) => n.nm);
  const now = tenant.now();
  const cpm = opts.cpm ?? (type === 8 ? 150 : 150);
  const campaign: Campaign = {
    advertId: nextAdvertId(tenant, state),
    type,
    name: `Кампания ${type}`,
    status: opts.status ?? 9,
    createTime: now,
    changeTime: now,
    startTime: null,
    endTime: null,
    autoParams: type === 8 ? { subjectId: subject.id, nms, nmCpm: nms.map((nm) => ({ nm, cpm })), cpm, active: { carousel: true, recom: true, booster: true } } : null,
    unitedParams: type === 9 ? [{ subjectId: subject.id, nms, searchCPM: cpm, catalogCPM: 0 }] : null,
    searchPluseState: false,
    budget: opts.budget ?? 1000,
    budgetSource: 0,
    phrases: { pluse: [], phrase: [], strong: [], excluded: [], fixed: false },
    startNotBefore: null,
    pendingAction: null,
    pendingActionTimer: null,
    pendingBids: [],
    pendingBidTimer: null,
    published: null,
    changedInWindow: syncWindow(now),
    purgeAt: null,
  };
  state.campaigns.set(campaign.advertId, campaign);
  if (campaign.status === 9) {
    campaign.startTime = now;
    campaignStatusChanged(tenant, campaign, 4);
  }
  return campaign;
}
