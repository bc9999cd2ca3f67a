import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { touch } from "./campaign-status.js";
import { WB_CONFIG } from "./config.js";
import type { AutoParams, Campaign } from "./model.js";
import { liveCampaign, MAX_MINUS_PHRASES, unique } from "./phrases.js";

export type AutoError = { kind: "notFound" } | { kind: "wrongType" } | { kind: "tooMany"; max: number };

/** What updatenm did: the nms really added and deleted (everything else was silently dropped). */
export interface NmChange {
  added: number[];
  deleted: number[];
}

function automatic(tenant: Tenant, advertId: number): Result<{ campaign: Campaign; params: AutoParams }, AutoError> {
  const campaign = liveCampaign(tenant, advertId);
  if (campaign === undefined) return fail({ kind: "notFound" });
  if (campaign.type !== 8 || campaign.autoParams === null) return fail({ kind: "wrongType" });
  return ok({ campaign, params: campaign.autoParams });
}

/** The seller's nms of the campaign's subject that are not in it yet, ascending. */
function addable(tenant: Tenant, params: AutoParams): number[] {
  const inCampaign = new Set(params.nms);
  const nms = peekState(tenant, "wildberries")?.catalogue.nms ?? [];
  return nms
    .filter((n) => n.subjectId === params.subjectId && !inCampaign.has(n.nm))
    .map((n) => n.nm)
    .sort((a, b) => a - b);
}

/** GET /adv/v1/auto/getnmtoadd. */
export function nmsToAdd(tenant: Tenant, advertId: number): Result<number[], AutoError> {
  const found = automatic(tenant, advertId);
  if (!found.ok) return found;
  return ok(addable(tenant, found.value.params));
}

/**
 * POST /adv/v1/auto/updatenm. Adds only nms getnmtoadd offers, up to max_auto_nms in all; deletes
 * only nms of the campaign, never the last one. Everything else is dropped without a word (the real
 * method answers 200 whatever it did). New nms get the campaign's bid.
 */
export function updateAutoNms(tenant: Tenant, advertId: number, add: readonly number[], remove: readonly number[]): Result<NmChange, AutoError> {
  const found = automatic(tenant, advertId);
  if (!found.ok) return found;
  const { campaign, params } = found.value;
  const offered = new Set(addable(tenant, params));
  const next = [...params.nms];
  const added: number[] = [];
  const deleted: number[] = [];
  for (const nm of remove) {
    const at = next.indexOf(nm);
    if (at === -1) continue;
    // The only nm stays, unless something valid is being added in its place.
    const addsLeft = add.filter((a) => offered.has(a) && !added.includes(a)).length;
    if (next.length - 1 + addsLeft < 1) continue;
    next.splice(at, 1);
    deleted.push(nm);
  }
  for (const nm of add) {
    if (!offered.has(nm) || next.includes(nm) || next.length >= WB_CONFIG.maxAutoNms) continue;
    next.push(nm);
    added.push(nm);
  }
  if (added.length === 0 && deleted.length === 0) return ok({ added, deleted });
  touch(tenant, campaign);
  params.nms = next;
  const bids = new Map(params.nmCpm.map((b) => [b.nm, b.cpm]));
  params.nmCpm = next.map((nm) => ({ nm, cpm: bids.get(nm) ?? params.cpm }));
  tenant.record({ provider: "wildberries", entity: "campaign-nms", id: String(advertId), from: [...bids.keys()], to: [...next] });
  return ok({ added, deleted });
}

/** POST /adv/v1/auto/set-excluded: replaces the minus-phrases (shown by /adv/v2/auto/stat-words). */
export function setAutoExcluded(tenant: Tenant, advertId: number, phrases: readonly string[]): Result<void, AutoError> {
  const found = automatic(tenant, advertId);
  if (!found.ok) return found;
  const list = unique(phrases);
  if (list.length > MAX_MINUS_PHRASES) return fail({ kind: "tooMany", max: MAX_MINUS_PHRASES });
  found.value.campaign.phrases.excluded = list;
  return ok(undefined);
}
