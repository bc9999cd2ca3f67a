import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type Result } from "../kernel/result.js";
import { findCampaign } from "./campaign-lookup.js";
import { touch } from "./campaign-status.js";
import type { Campaign } from "./model.js";

/** Fixed (plus) phrases per Auction campaign, and minus-phrases per list (research §5.11). */
export const MAX_PLUS_PHRASES = 100;
export const MAX_MINUS_PHRASES = 1000;

/** Which minus-phrase list a method sets: phrase match, exact match, or search exclusions. */
export type MinusList = "phrase" | "strong" | "excluded";

export type PhraseError = { kind: "notFound" } | { kind: "wrongType" } | { kind: "tooMany"; max: number };

/** Phrase lists keep the first of exact duplicates, in the order sent. */
export function unique(phrases: readonly string[]): string[] {
  return [...new Set(phrases)];
}

/** The tenant's campaign `advertId` when it exists and is not being deleted (-1). */
export function liveCampaign(tenant: Tenant, advertId: number): Campaign | undefined {
  const campaign = findCampaign(tenant, advertId);
  return campaign === undefined || campaign.status === -1 ? undefined : campaign;
}

function auction(tenant: Tenant, advertId: number): Result<Campaign, PhraseError> {
  const campaign = liveCampaign(tenant, advertId);
  if (campaign === undefined) return fail({ kind: "notFound" });
  if (campaign.type !== 9) return fail({ kind: "wrongType" });
  return ok(campaign);
}

/** Fixed phrases on or off; the campaign's searchPluseState mirrors it. */
function applyFixed(tenant: Tenant, campaign: Campaign, fixed: boolean): void {
  if (campaign.phrases.fixed === fixed && campaign.searchPluseState === fixed) return;
  touch(tenant, campaign);
  campaign.phrases.fixed = fixed;
  campaign.searchPluseState = fixed;
}

/** GET /adv/v1/search/set-plus?fixed=: makes the fixed phrases active or inactive. */
export function setFixedActivity(tenant: Tenant, advertId: number, fixed: boolean): Result<void, PhraseError> {
  const found = auction(tenant, advertId);
  if (!found.ok) return found;
  applyFixed(tenant, found.value, fixed);
  return ok(undefined);
}

/** POST /adv/v1/search/set-plus: replaces the fixed phrases; an empty list also switches them off. */
export function setPlusPhrases(tenant: Tenant, advertId: number, phrases: readonly string[]): Result<string[], PhraseError> {
  const found = auction(tenant, advertId);
  if (!found.ok) return found;
  const list = unique(phrases);
  if (list.length > MAX_PLUS_PHRASES) return fail({ kind: "tooMany", max: MAX_PLUS_PHRASES });
  const campaign = found.value;
  campaign.phrases.pluse = list;
  if (list.length === 0) applyFixed(tenant, campaign, false);
  return ok([...list]);
}

/** POST /adv/v1/search/set-phrase | set-strong | set-excluded: replaces one minus-phrase list. */
export function setMinusPhrases(tenant: Tenant, advertId: number, which: MinusList, phrases: readonly string[]): Result<void, PhraseError> {
  const found = auction(tenant, advertId);
  if (!found.ok) return found;
  const list = unique(phrases);
  if (list.length > MAX_MINUS_PHRASES) return fail({ kind: "tooMany", max: MAX_MINUS_PHRASES });
  found.value.phrases[which] = list;
  return ok(undefined);
}
