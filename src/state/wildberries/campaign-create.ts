import type { Tenant } from "../kernel/tenant.js";
import { fail, ok, type ErrorOf, type NoFields, type Result } from "../kernel/result.js";
import { checkTopUp, type TopUpErrors } from "./budget-rules.js";
import { syncWindow } from "./campaign-status.js";
import { WB_CONFIG } from "./config.js";
import { debit, isMoneySource } from "./money.js";
import type { Campaign, CampaignStatus, CampaignType, UnitedParam } from "./model.js";
import { campaignStatusChanged } from "./status-hooks.js";
import { nextAdvertId, wildberriesState, type WildberriesState } from "./state.js";

/** save-ad with on_pause: no start before 3 minutes after creation. */
export const ON_PAUSE_START_DELAY_MS = 3 * 60_000;
export const MAX_NAME = 128;

/** A save-ad body, its JSON types already checked. */
export interface AutoInput {
  type: number;
  name: string;
  subjectId: number;
  sum: number;
  btype: number;
  onPause: boolean;
  nms: number[];
  cpm: number | undefined;
}

/** A seacat/save-ad body, its JSON types already checked. */
export interface AuctionInput {
  name: string;
  nms: number[];
}

const validName = (name: string, max: number) => name.trim().length > 0 && [...name].length <= max;
const unique = (nms: number[]) => [...new Set(nms)];

function newCampaign(tenant: Tenant, state: WildberriesState, type: CampaignType, name: string, status: CampaignStatus): Campaign {
  const now = tenant.now();
  const advertId = nextAdvertId(tenant, state);
  const campaign: Campaign = {
    advertId,
    type,
    name,
    status,
    createTime: now,
    changeTime: now,
    startTime: status === 9 ? now : null,
    endTime: null,
    autoParams: null,
    unitedParams: null,
    searchPluseState: false,
    budget: 0,
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
  return campaign;
}

/** Stores a new campaign, records its birth and, when it starts active, tells the traffic simulation. */
function register(tenant: Tenant, state: WildberriesState, campaign: Campaign): void {
  state.campaigns.set(campaign.advertId, campaign);
  tenant.record({ provider: "wildberries", entity: "campaign", id: String(campaign.advertId), from: null, to: campaign.status });
  // The traffic hook only cares about entering or leaving 9; a new campaign came from "not running".
  if (campaign.status === 9) campaignStatusChanged(tenant, campaign, 4);
}

/** Why save-ad refused, with the values its message needs (the mocks render Wildberries' text). */
export interface AutoCampaignErrors extends TopUpErrors {
  type: NoFields;
  name: { max: number };
  unknownSubject: { subjectId: number };
  noNms: NoFields;
  tooManyNms: { max: number };
  foreignNm: { nm: number; subjectId: number };
  source: NoFields;
  funds: NoFields;
}
export type AutoCampaignError = ErrorOf<AutoCampaignErrors>;

/** POST /adv/v1/save-ad: an automatic campaign (type 8), its budget funded from `btype`. */
export function createAutoCampaign(tenant: Tenant, input: AutoInput): Result<Campaign, AutoCampaignError> {
  const state = wildberriesState(tenant);
  if (input.type !== 8) return fail({ kind: "type" });
  if (!validName(input.name, MAX_NAME)) return fail({ kind: "name", max: MAX_NAME });
  const subject = state.catalogue.subjects.find((s) => s.id === input.subjectId);
  if (subject === undefined) return fail({ kind: "unknownSubject", subjectId: input.subjectId });
  const nms = unique(input.nms);
  if (nms.length === 0) return fail({ kind: "noNms" });
  if (nms.length > WB_CONFIG.maxAutoNms) return fail({ kind: "tooManyNms", max: WB_CONFIG.maxAutoNms });
  for (const nm of nms) {
    if (!state.catalogue.nms.some((n) => n.nm === nm && n.subjectId === subject.id)) return fail({ kind: "foreignNm", nm, subjectId: subject.id });
  }
  if (!isMoneySource(input.btype)) return fail({ kind: "source" });
  const sumError = checkTopUp(input.sum);
  if (sumError !== undefined) return fail(sumError);
  if (!debit(state.money, input.btype, input.sum)) return fail({ kind: "funds" });

  const cpm = Math.max(input.cpm ?? 0, WB_CONFIG.cpmMinBooster);
  const campaign = newCampaign(tenant, state, 8, input.name, input.onPause ? 11 : 9);
  campaign.autoParams = {
    subjectId: subject.id,
    nms,
    nmCpm: nms.map((nm) => ({ nm, cpm })),
    cpm,
    active: { carousel: true, recom: true, booster: true },
  };
  campaign.budget = input.sum;
  campaign.budgetSource = input.btype;
  if (input.onPause) campaign.startNotBefore = campaign.createTime + ON_PAUSE_START_DELAY_MS;
  register(tenant, state, campaign);
  return ok(campaign);
}

/** Why seacat/save-ad refused; the adapter renders each as Wildberries' bare JSON string. */
export type AuctionError = "name" | "noNms" | "tooManyNms" | "foreignNm";

/** POST /adv/v2/seacat/save-ad: an Auction campaign (type 9), nms grouped by subject, status 4, budget 0. */
export function createAuctionCampaign(tenant: Tenant, input: AuctionInput): Result<Campaign, AuctionError> {
  const state = wildberriesState(tenant);
  if (!validName(input.name, MAX_NAME)) return fail("name");
  const nms = unique(input.nms);
  if (nms.length === 0) return fail("noNms");
  if (nms.length > WB_CONFIG.maxNmCount) return fail("tooManyNms");
  const params: UnitedParam[] = [];
  for (const nm of nms) {
    const card = state.catalogue.nms.find((n) => n.nm === nm);
    if (card === undefined) return fail("foreignNm");
    let param = params.find((p) => p.subjectId === card.subjectId);
    if (param === undefined) {
      param = { subjectId: card.subjectId, nms: [], searchCPM: WB_CONFIG.cpmMinSearchCatalog, catalogCPM: 0 };
      params.push(param);
    }
    param.nms.push(nm);
  }
  const campaign = newCampaign(tenant, state, 9, input.name, 4);
  campaign.unitedParams = params;
  register(tenant, state, campaign);
  return ok(campaign);
}
