import { YooMoneySnapshot } from "../../contracts/yoomoney/snapshot.js";
import type { JsonObject, JsonValue } from "../kernel/json.js";
import { fail, ok, type Result } from "../kernel/result.js";
import type { Tenant } from "../kernel/tenant.js";
import type { Campaign, YooMoneyState } from "./model.js";
import { PinStore } from "./pin-store.js";
import { claimCampaigns, releaseCampaigns } from "./campaign-owners.js";
import { existingState, replaceState } from "./state.js";

/**
 * The tenant's YooMoney state as plain JSON; null when the tenant never used YooMoney (exporting must
 * not create the state, which would draw from the tenant's random sequence and change later answers).
 */
export function exportYooMoney(tenant: Tenant): JsonValue {
  const state = existingState(tenant);
  if (state === undefined) return null;
  const snapshot: YooMoneySnapshot = {
    nextId: state.nextId,
    clickIds: [...state.clickIds],
    campaigns: [...state.campaigns.values()].map((c) => ({
      ymCampaignId: c.ymCampaignId,
      status: c.status,
      fields: c.fields,
      pins: NO_PINS,
      offers: [...c.offers.values()],
      leads: [...c.leads.values()],
      shows: c.shows,
      moderationComment: c.moderationComment,
      timers: c.timers,
    })),
  };
  // Plain JSON by a round trip, but for the codes (already strings, and up to millions of them: a
  // round trip of those blocked every tenant for seconds); they go in where the placeholder stood.
  const plain: { nextId: JsonValue; clickIds: JsonValue; campaigns: JsonObject[] } = JSON.parse(JSON.stringify(snapshot));
  const campaigns = [...state.campaigns.values()];
  plain.campaigns.forEach((campaign, i) => {
    const pins = campaigns[i]?.pins.snapshot() ?? NO_PINS;
    campaign["pins"] = { codes: pins.codes, statuses: pins.statuses };
  });
  return plain;
}

const NO_PINS = { codes: [], statuses: "" };

/** Rebuilds the tenant's YooMoney state from a snapshot, or says what is wrong with it. */
export function importYooMoney(tenant: Tenant, data: unknown): Result<YooMoneyState | null, string> {
  if (data === null) return ok(null);
  const parsed = YooMoneySnapshot.safeParse(data);
  if (!parsed.success) return fail(`yoomoney: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const state: YooMoneyState = { campaigns: new Map(), byPartnerId: new Map(), nextId: parsed.data.nextId, clickIds: new Set(parsed.data.clickIds) };
  for (const c of parsed.data.campaigns) {
    if (c.ymCampaignId >= parsed.data.nextId) {
      return fail(`yoomoney: nextId ${parsed.data.nextId} must be above every ymCampaignId (campaign ${c.ymCampaignId})`);
    }
    const dangling = [...c.offers, ...c.leads].find((o) => o.pinIndex !== null && o.pinIndex >= c.pins.codes.length);
    if (dangling !== undefined) {
      return fail(`yoomoney: campaign ${c.ymCampaignId}: pinIndex ${dangling.pinIndex} points past its ${c.pins.codes.length} codes`);
    }
    const unknownClick = c.offers.find((o) => !state.clickIds.has(o.clickId));
    if (unknownClick !== undefined) {
      return fail(`yoomoney: campaign ${c.ymCampaignId}: offer clickId ${unknownClick.clickId} is missing from clickIds`);
    }
    const pins = PinStore.restore(c.pins);
    if (pins.counters.total !== c.pins.codes.length || c.pins.statuses.length !== c.pins.codes.length) {
      return fail(`yoomoney: campaign ${c.ymCampaignId}: pin codes must be unique (case-insensitively) with one status digit each`);
    }
    const campaign: Campaign = {
      ymCampaignId: c.ymCampaignId,
      status: c.status,
      fields: c.fields,
      pins,
      offers: new Map(c.offers.map((o) => [o.clickId, o])),
      offerByPin: new Map(c.offers.flatMap((o) => (o.pinIndex === null ? [] : [[o.pinIndex, o.clickId] as const]))),
      leads: new Map(c.leads.map((l) => [l.transactionId, l])),
      shows: c.shows,
      moderationComment: c.moderationComment,
      timers: c.timers,
    };
    if (state.campaigns.has(c.ymCampaignId) || state.byPartnerId.has(c.fields.partnerCampaignId)) {
      return fail(`yoomoney: campaign ${c.ymCampaignId} (partnerCampaignId ${c.fields.partnerCampaignId}) appears twice`);
    }
    state.campaigns.set(c.ymCampaignId, campaign);
    state.byPartnerId.set(c.fields.partnerCampaignId, c.ymCampaignId);
  }
  const previous = existingState(tenant);
  if (previous !== undefined) releaseCampaigns(tenant, previous.campaigns.keys());
  claimCampaigns(tenant, state.campaigns.keys());
  replaceState(tenant, state);
  return ok(state);
}
