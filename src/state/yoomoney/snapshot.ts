import { YooMoneySnapshot } from "../../contracts/yoomoney/snapshot.js";
import { describeIssues } from "../kernel/issues.js";
import type { JsonObject, JsonValue } from "../kernel/json.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { peekState, replaceState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import type { Campaign, YooMoneyState } from "./model.js";
import { PinStore } from "./pin-store.js";
import { claimCampaigns, releaseCampaigns } from "./campaign-owners.js";

/**
 * The tenant's YooMoney state as plain JSON; null when the tenant never used YooMoney (exporting must
 * not create the state, which would draw from the tenant's random sequence and change later answers).
 */
export function exportYooMoney(tenant: Tenant): JsonValue {
  const view = viewYooMoney(tenant);
  if (view === null) return null;
  // Plain JSON by a round trip, but for the codes (already strings, and up to millions of them: a
  // round trip of those blocked every tenant for seconds); they go in where the placeholder stood.
  const plain: { nextId: JsonValue; clickIds: JsonValue; merchantKind: JsonValue; campaigns: JsonObject[] } = JSON.parse(
    JSON.stringify({ ...view, campaigns: view.campaigns.map((campaign) => ({ ...campaign, pins: noPins() })) }),
  );
  plain.campaigns.forEach((campaign, i) => {
    const pins = view.campaigns[i]?.pins ?? noPins();
    campaign["pins"] = { codes: pins.codes, statuses: pins.statuses };
  });
  return plain;
}

/** The export's data, sharing the live state's objects but for the codes, copied (ProviderModule.viewState). */
export function viewYooMoney(tenant: Tenant): YooMoneySnapshot | null {
  const state = peekState(tenant, "yoomoney");
  if (state === undefined) return null;
  return {
    nextId: state.nextId,
    clickIds: [...state.clickIds],
    merchantKind: state.merchantKind,
    campaigns: [...state.campaigns.values()].map((c) => ({
      ymCampaignId: c.ymCampaignId,
      status: c.status,
      fields: c.fields,
      pins: c.pins.snapshot(),
      offers: [...c.offers.values()],
      leads: [...c.leads.values()],
      shows: c.shows,
      moderationComment: c.moderationComment,
      acceptUrlReachable: c.acceptUrlReachable,
      timers: c.timers,
    })),
  };
}

/** The placeholder of a campaign's codes in the export (its codes go in after the round trip). */
const noPins = (): { codes: string[]; statuses: string } => ({ codes: [], statuses: "" });

/**
 * Rebuilds the tenant's YooMoney state from a snapshot (null: not used yet), or says what is wrong with
 * it, paths relative to the YooMoney part (the kernel names the part).
 */
export function importYooMoney(tenant: Tenant, data: unknown): Result<void, string> {
  if (data === null) return ok(undefined);
  const parsed = YooMoneySnapshot.safeParse(data);
  if (!parsed.success) return fail(describeIssues(parsed.error));
  const state: YooMoneyState = {
    campaigns: new Map(),
    byPartnerId: new Map(),
    nextId: parsed.data.nextId,
    clickIds: new Set(parsed.data.clickIds),
    merchantKind: parsed.data.merchantKind,
  };
  const highest = parsed.data.campaigns.reduce((max, c) => Math.max(max, c.ymCampaignId), 0);
  if (highest >= parsed.data.nextId) {
    return fail(`nextId: ${parsed.data.nextId} must be above every ymCampaignId (campaign ${highest}); set it to at least ${highest + 1}`);
  }
  for (const c of parsed.data.campaigns) {
    const dangling = [...c.offers, ...c.leads].find((o) => o.pinIndex !== null && o.pinIndex >= c.pins.codes.length);
    if (dangling !== undefined) {
      return fail(`campaign ${c.ymCampaignId}: pinIndex ${dangling.pinIndex} points past its ${c.pins.codes.length} codes; add the code or set that pinIndex to null`);
    }
    const unknownClick = c.offers.find((o) => !state.clickIds.has(o.clickId));
    if (unknownClick !== undefined) {
      return fail(`campaign ${c.ymCampaignId}: offer clickId ${unknownClick.clickId} is missing from clickIds; add it there`);
    }
    if (!c.acceptUrlReachable && c.fields.acceptUrl === undefined) {
      return fail(`campaign ${c.ymCampaignId}: acceptUrlReachable is false but the campaign has no acceptUrl; set it to true`);
    }
    const pins = PinStore.restore(c.pins);
    if (pins.counters.total !== c.pins.codes.length || c.pins.statuses.length !== c.pins.codes.length) {
      return fail(`campaign ${c.ymCampaignId}: pin codes must be unique (case-insensitively) with one status digit each`);
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
      acceptUrlReachable: c.acceptUrlReachable,
      timers: c.timers,
    };
    if (state.campaigns.has(c.ymCampaignId) || state.byPartnerId.has(c.fields.partnerCampaignId)) {
      return fail(`campaign ${c.ymCampaignId} (partnerCampaignId ${c.fields.partnerCampaignId}) appears twice; keep one of them`);
    }
    state.campaigns.set(c.ymCampaignId, campaign);
    state.byPartnerId.set(c.fields.partnerCampaignId, c.ymCampaignId);
  }
  const previous = peekState(tenant, "yoomoney");
  if (previous !== undefined) releaseCampaigns(tenant, previous.campaigns.keys());
  claimCampaigns(tenant, state.campaigns.keys());
  replaceState(tenant, "yoomoney", state);
  return ok(undefined);
}
