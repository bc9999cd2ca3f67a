import { z } from "zod";
import { WB_ROUTES, type WbOperationId } from "../../contracts/wildberries/routes.js";
import { fail, ok, type Result } from "../../state/kernel/result.js";
import { CONSISTENCY_MODES, RATE_LIMIT_MODES } from "../../state/kernel/settings.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import { createAuctionCampaign, createAutoCampaign } from "../../state/wildberries/campaign-create.js";
import { requestAction } from "../../state/wildberries/campaign-machine.js";
import { depositBudget } from "../../state/wildberries/deposits.js";
import { createMedia } from "../../state/wildberries/media.js";
import { moderateMedia } from "../../state/wildberries/media-moderation.js";
import type { Campaign, MediaStatus } from "../../state/wildberries/model.js";
import { DAY_MS, moscowDate } from "../../state/wildberries/moscow-time.js";
import { topUpMoney } from "../../state/wildberries/payments.js";
import { wildberriesState } from "../../state/wildberries/state.js";
import { catalogueState, stateList } from "../sandbox/provider-states-catalogue.js";
import { WILDBERRIES_RATE_LIMITS } from "./rate-limits.js";

const PROVIDER = "wildberries";

/**
 * How the seller's calls behave after the state: by default every change shows at once and no call
 * answers 429, so each interaction sees exactly its state (override to verify the 3-minute lag or a 429).
 */
const Behaviour = {
  consistency: z.enum(CONSISTENCY_MODES).default("immediate"),
  rateLimits: z.enum(RATE_LIMIT_MODES).default("off"),
};

const Money = {
  balance: z.number().int().min(0).max(100_000_000).default(100_000),
  net: z.number().int().min(0).max(100_000_000).default(0),
  bonus: z.number().int().min(0).max(100_000_000).default(0),
};

const SellerParams = z.object({ ...Behaviour, ...Money });

const CampaignParams = z.object({
  ...Behaviour,
  ...Money,
  /** 9 Auction (seacat/save-ad), 8 automatic (save-ad). */
  type: z.union([z.literal(9), z.literal(8)]).default(9),
  /** 4 ready, 9 active, 11 paused, 7 completed (an automatic campaign is never 4). */
  status: z.union([z.literal(4), z.literal(9), z.literal(11), z.literal(7)]).default(9),
  /** Rubles moved from the account into the campaign's budget (an automatic campaign needs 1000 or more). */
  budget: z.number().int().min(0).max(10_000_000).default(1000),
  name: z.string().min(1).max(128).default("Pact"),
  /** Days of traffic after the setup (the clock moves that far; an active campaign gets views and spends). */
  trafficDays: z.number().int().min(0).max(365).default(0),
});

const MEDIA_STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const MediaParams = z.object({
  ...Behaviour,
  /** 9 paused by the seller (default), 6 running, 2 in moderation, 11 paused for its budget (with budget 0: the "top up" reason), 7 completed, ... (research §7.2). */
  status: z.number().int().min(1).max(11).default(9),
  type: z.union([z.literal(1), z.literal(2)]).default(2),
  name: z.string().min(1).default("Pact media"),
  brand: z.string().min(1).default("Pact"),
  budget: z.number().int().min(0).default(10_000),
  trafficDays: z.number().int().min(0).max(365).default(0),
});

const ModeratedParams = z.object({
  ...Behaviour,
  /** approve: ready to launch (4); reject: rejected (3) with the comment in extended.reason. */
  decision: z.enum(["approve", "reject"]).default("reject"),
  /** The moderator's comment (a rejection without one gets the sandbox's text). */
  reason: z.string().min(1).max(1024).optional(),
  type: z.union([z.literal(1), z.literal(2)]).default(2),
  name: z.string().min(1).default("Pact media"),
  brand: z.string().min(1).default("Pact"),
  budget: z.number().int().min(0).default(10_000),
});

const isOperation = (id: string): id is WbOperationId => Object.hasOwn(WB_ROUTES, id);
const ExhaustedParams = z.object({
  /** The operation id whose bucket is spent (src/contracts/wildberries/routes.ts). */
  operation: z.string().refine(isOperation, "not an operation id of src/contracts/wildberries/routes.ts (e.g. getCampaigns)").default("getCampaigns"),
});

/** The reset seller with its behaviour set and money paid in; returns the first nm of its first subject. */
function seller(tenant: Tenant, params: z.output<typeof SellerParams>): Result<{ nm: number; subjectId: number }, string> {
  tenant.settings = { ...tenant.settings, consistency: params.consistency, rateLimits: params.rateLimits };
  const { balance, net, bonus } = params;
  if (balance + net + bonus > 0) topUpMoney(tenant, { balance, net, bonus });
  const { catalogue } = wildberriesState(tenant);
  const nm = catalogue.nms[0];
  if (nm === undefined) return fail("the seller's seeded catalogue has no nms: change the sandbox's --seed");
  return ok({ nm: nm.nm, subjectId: nm.subjectId });
}

const refused = (step: string, why: unknown) => `${step} refused: ${JSON.stringify(why)}`;

/** Moves the campaign to `status` through the seller's own actions. */
function walk(tenant: Tenant, campaign: Campaign, status: 4 | 9 | 11 | 7): Result<void, string> {
  const steps: ("start" | "pause" | "stop")[] = status === 9 ? ["start"] : status === 11 ? ["start", "pause"] : status === 7 ? ["start", "stop"] : [];
  for (const action of steps) {
    if (campaign.status === 9 && action === "start") continue;
    const done = requestAction(tenant, campaign, action);
    if (!done.ok) return fail(`${action} was not allowed from status ${campaign.status}`);
  }
  return ok(undefined);
}

function buildCampaign(tenant: Tenant, params: z.output<typeof CampaignParams>, nm: number, subjectId: number): Result<Campaign, string> {
  if (params.type === 8) {
    if (params.status === 4) return fail("an automatic campaign (type 8) starts active or paused, never ready (4): send status 9, 11 or 7, or type 9");
    const created = createAutoCampaign(tenant, { type: 8, name: params.name, subjectId, sum: params.budget, btype: 0, onPause: false, nms: [nm], cpm: undefined });
    return created.ok ? ok(created.value) : fail(refused("save-ad", created.error) + " (budget is the sum: 1000 or more, a multiple of 50; balance must hold it)");
  }
  const created = createAuctionCampaign(tenant, { name: params.name, nms: [nm] });
  if (!created.ok) return fail(refused("seacat/save-ad", created.error));
  if (params.budget > 0) {
    const deposited = depositBudget(tenant, created.value, { sum: params.budget, type: 0 });
    if (!deposited.ok) return fail(refused("budget/deposit", deposited.error) + " (budget: 1000 or more, a multiple of 50; balance must hold it)");
  } else if (params.status !== 4) {
    return fail(`an Auction campaign without budget cannot start: send budget 1000 or more, or status 4`);
  }
  return ok(created.value);
}

/** The Moscow dates of the traffic the clock move gave (today twice when there was none). */
function trafficDates(tenant: Tenant, days: number): { begin: string; end: string } {
  const now = tenant.now();
  return { begin: moscowDate(now - days * DAY_MS), end: moscowDate(now) };
}

/** The Wildberries Promotion API's provider states. */
export const WILDBERRIES_STATES = {
  seller: catalogueState({
    name: "a Wildberries seller has money",
    provider: PROVIDER,
    summary: "A seller with its seeded catalogue and `balance`, `net` and `bonus` rubles paid in (a payments row for balance).",
    params: SellerParams,
    returns: { nm: "an nm of the seller's catalogue", subjectId: "that nm's subject", balance: "the account", net: "the net balance", bonus: "the bonuses" },
    example: { balance: 100_000, bonus: 500 },
    setup: ({ tenant }, params) => {
      const found = seller(tenant, params);
      if (!found.ok) return found;
      return ok({ ...found.value, balance: params.balance, net: params.net, bonus: params.bonus });
    },
  }),
  campaign: catalogueState({
    name: "a Wildberries campaign exists",
    provider: PROVIDER,
    summary: "A funded seller's campaign of `type` with `budget` from the account, moved to `status` by the seller's own start/pause/stop, then `trafficDays` of virtual time.",
    params: CampaignParams,
    returns: { advertId: "the campaign's id", nm: "its nm", subjectId: "its subject", begin: "the Moscow date trafficDays ago", end: "today's Moscow date" },
    example: { type: 9, status: 9, budget: 1000, trafficDays: 2 },
    setup: async ({ tenant, advance }, params) => {
      const found = seller(tenant, params);
      if (!found.ok) return found;
      const { nm, subjectId } = found.value;
      const built = buildCampaign(tenant, params, nm, subjectId);
      if (!built.ok) return built;
      const walked = walk(tenant, built.value, params.status);
      if (!walked.ok) return walked;
      if (params.trafficDays > 0) await advance(params.trafficDays * DAY_MS);
      return ok({ advertId: built.value.advertId, nm, subjectId, ...trafficDates(tenant, params.trafficDays) });
    },
  }),
  media: catalogueState({
    name: "a Wildberries media campaign exists",
    provider: PROVIDER,
    summary: "A media (banner) campaign with one banner, in `status`, then `trafficDays` of virtual time.",
    params: MediaParams,
    returns: { advertId: "the media campaign's id", itemId: "its banner's id", begin: "the Moscow date trafficDays ago", end: "today's Moscow date" },
    example: { status: 9, trafficDays: 1 },
    setup: async ({ tenant, advance }, params) => {
      tenant.settings = { ...tenant.settings, consistency: params.consistency, rateLimits: params.rateLimits };
      const status: MediaStatus | undefined = MEDIA_STATUSES.find((s) => s === params.status);
      const created = createMedia(tenant, { name: params.name, brand: params.brand, type: params.type, status, budget: params.budget, items: [{ name: "Banner", cpm: 300 }] });
      if (!created.ok) return fail(refused("creating the media campaign", created.error));
      const itemId = created.value.items[0]?.id;
      if (itemId === undefined) return fail("the media campaign was created without a banner");
      if (params.trafficDays > 0) await advance(params.trafficDays * DAY_MS);
      return ok({ advertId: created.value.advertId, itemId, ...trafficDates(tenant, params.trafficDays) });
    },
  }),
  mediaModerated: catalogueState({
    name: "a Wildberries media campaign was moderated",
    provider: PROVIDER,
    summary:
      "A media campaign with one banner sent to moderation (2), then approved (4, ready to launch) or rejected (3, the comment in extended.reason) by the moderator, as POST /__sandbox/wildberries/media-campaigns/{advertId}/moderation does. For one still in moderation, or paused for its budget (status 11, budget 0), use \"a Wildberries media campaign exists\".",
    params: ModeratedParams,
    returns: { advertId: "the media campaign's id", itemId: "its banner's id", status: "4 or 3", reason: "extended.reason (\"\" when it is null: an approval without a comment)" },
    example: { decision: "reject", reason: "Баннер не соответствует требованиям" },
    setup: ({ tenant }, params) => {
      tenant.settings = { ...tenant.settings, consistency: params.consistency, rateLimits: params.rateLimits };
      const created = createMedia(tenant, { name: params.name, brand: params.brand, type: params.type, status: 2, budget: params.budget, items: [{ name: "Banner", cpm: 300 }] });
      if (!created.ok) return fail(refused("creating the media campaign", created.error));
      const itemId = created.value.items[0]?.id;
      if (itemId === undefined) return fail("the media campaign was created without a banner");
      const moderated = moderateMedia(tenant, created.value.advertId, params.decision, params.reason);
      if (!moderated.ok) return fail(refused("moderating the media campaign", moderated.error));
      return ok({ advertId: created.value.advertId, itemId, status: moderated.value.status, reason: moderated.value.reason ?? "" });
    },
  }),
  rateLimited: catalogueState({
    name: "a Wildberries rate limit is used up",
    provider: PROVIDER,
    summary: "Rate limits enforced, the clock frozen (no refill) and the whole burst of `operation` spent: its next call answers 429.",
    params: ExhaustedParams,
    returns: {},
    example: { operation: "getCampaigns" },
    setup: ({ tenant }, params) => {
      const rule = isOperation(params.operation) ? WILDBERRIES_RATE_LIMITS[params.operation] : undefined;
      if (rule === undefined) return fail(`${params.operation} has no rate limit in the sandbox: pick another operation`);
      tenant.settings = { ...tenant.settings, rateLimits: "enforce" };
      tenant.clock.freeze();
      const now = tenant.clock.now();
      while (tenant.limiter.take(rule.bucket ?? params.operation, rule, now).allowed);
      return ok({});
    },
  }),
};

export const WILDBERRIES_STATE_LIST = stateList(WILDBERRIES_STATES);
