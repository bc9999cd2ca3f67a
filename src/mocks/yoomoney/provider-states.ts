import { z } from "zod";
import type { CreateCampaignRequest } from "../../contracts/yoomoney/campaign-fields.js";
import { MerchantKind } from "../../contracts/yoomoney/enums.js";
import { fail, ok, type Result } from "../../state/kernel/result.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import { finish } from "../../state/yoomoney/campaign-machine.js";
import { createCampaign, startCampaign, stopCampaign } from "../../state/yoomoney/campaigns.js";
import { moderate } from "../../state/yoomoney/moderation.js";
import { takeOffer } from "../../state/yoomoney/offers.js";
import { addPins } from "../../state/yoomoney/pins.js";
import { setMerchantKind } from "../../state/yoomoney/merchant.js";
import { DEFAULT_MERCHANT_KIND } from "../../state/yoomoney/model.js";
import { findCampaign } from "../../state/yoomoney/state.js";
import { catalogueState, stateList } from "../sandbox/provider-states-catalogue.js";

const PROVIDER = "yoomoney";
const HOUR_MS = 3_600_000;

/** The statuses a state can leave a campaign in ("created" lasts no longer than the create call). */
const SETTABLE_STATUSES = ["moderation", "verified", "declined", "pin-required", "started", "paused", "finished"] as const;

const CampaignParams = z.object({
  status: z.enum(SETTABLE_STATUSES).default("started"),
  campaignType: z.enum(["codeOnline", "codeOffline"]).default("codeOnline"),
  pinType: z.enum(["one-off", "reusable"]).default("one-off"),
  partnerCampaignId: z.number().int().positive().default(20),
  /** One-off codes still unused (a started one-off campaign needs at least one, unless some were taken). */
  unusedPins: z.number().int().min(0).max(10_000).default(10),
  /** One-off codes users already took (each an offer with its clickId). */
  acceptedPins: z.number().int().min(0).max(1_000).default(0),
  /** The codes' prefix: codes are PREFIX0001, PREFIX0002, ... */
  pinPrefix: z.string().regex(/^[A-Za-z0-9]{1,20}$/).default("PACTPIN"),
  /** What the partner is: an aggregator's approved campaign starts at once, so it is never left verified. */
  merchantKind: MerchantKind.default(DEFAULT_MERCHANT_KIND),
});

const OfferParams = z.object({
  /** The one-off code the user took. */
  pinContent: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).default("PACTPIN1"),
  /** How long ago the user took it; past offerDuration (336 hours) the offer has expired. */
  takenHoursAgo: z.number().min(0).max(24 * 366).default(0),
});

/** A campaigns/create body the domain accepts; campaignEnd 90 days after the tenant's now. */
function createBody(tenant: Tenant, params: z.output<typeof CampaignParams>): CreateCampaignRequest {
  return {
    partnerCampaignId: params.partnerCampaignId,
    categoryId: 39,
    campaignType: params.campaignType,
    pinType: params.pinType,
    pinDisplayType: "text",
    ...(params.pinType === "reusable" ? { couponCode: `${params.pinPrefix}REUSABLE` } : {}),
    ...(params.campaignType === "codeOnline" ? { acceptUrl: "https://example.com/promo?code={{couponCode}}" } : {}),
    campaignEnd: new Date(tenant.now() + 90 * 24 * HOUR_MS).toISOString(),
    merchantDomain: "example.com",
    merchantLogoSvg: "https://example.com/i/logo.svg",
    merchantLogoPng: "https://example.com/i/logo.png",
    merchantName: "Магазин",
    backgroundColor: "#1e1e1e",
    fontColor: "#ffffff",
    description: "Скидка на товары для детей",
    conditions: "Промокод действует 10 дней",
    discountType: "percent",
    discountAmount: "10",
    campaignFee: "100",
    feeType: "fix",
  };
}

const refused = (step: string, why: unknown) => `${step} refused: ${JSON.stringify(why)}`;
const codes = (prefix: string, from: number, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(from + i).padStart(4, "0")}`);

interface BuiltCampaign {
  ymCampaignId: number;
  partnerCampaignId: number;
  clickIds: string[];
}

/** Creates a campaign through campaigns/create and walks it to `status`, with the pins asked for. */
function buildCampaign(tenant: Tenant, params: z.output<typeof CampaignParams>): Result<BuiltCampaign, string> {
  const oneOff = params.pinType === "one-off";
  // A reusable campaign has one couponCode and no pin counts: unusedPins is ignored there.
  if (!oneOff && params.acceptedPins > 0) return fail('acceptedPins counts one-off codes: use pinType "one-off", or acceptedPins 0');
  const pinTotal = oneOff ? params.unusedPins + params.acceptedPins : 0;
  if (params.status === "pin-required" && oneOff && params.unusedPins > 0) {
    return fail('status "pin-required" means no unused code is left: send unusedPins 0 (acceptedPins may be more)');
  }
  if (params.status === "started" && oneOff && params.unusedPins === 0 && params.acceptedPins === 0) {
    return fail('a started one-off campaign needs codes: send unusedPins 1 or more (or status "pin-required")');
  }
  if (params.acceptedPins > 0 && !["started", "paused", "pin-required", "finished"].includes(params.status)) {
    return fail(`users take offers only from a started campaign: acceptedPins ${params.acceptedPins} needs status started, paused, pin-required or finished, not ${params.status}`);
  }
  if (params.status === "verified" && params.merchantKind === "aggregator") {
    return fail('an aggregator\'s approved campaign starts at once (it has no campaignStart): status "verified" needs merchantKind "store"');
  }
  setMerchantKind(tenant, params.merchantKind);
  const created = createCampaign(tenant, createBody(tenant, params));
  if (!created.ok) return fail(refused("campaigns/create", created.error));
  const id = created.value.ymCampaignId;
  const built: BuiltCampaign = { ymCampaignId: id, partnerCampaignId: params.partnerCampaignId, clickIds: [] };
  if (params.status === "moderation") return ok(built);
  const verdict = moderate(tenant, id, params.status === "declined" ? "decline" : "approve", null);
  if (!verdict.ok) return fail(refused("moderation", verdict.error));
  if (params.status === "declined" || params.status === "verified") return ok(built);

  if (pinTotal > 0) {
    const added = addPins(tenant, { ymCampaignId: id }, codes(params.pinPrefix, 1, pinTotal));
    if (!added.ok) return fail(refused("campaigns/add-pins", added.error));
  }
  const started = startCampaign(tenant, { ymCampaignId: id });
  if (!started.ok && !(params.status === "pin-required" && pinTotal === 0)) return fail(refused("campaigns/start", started.error));
  for (let i = 0; i < (oneOff ? params.acceptedPins : 0); i++) {
    const offer = takeOffer(tenant, id);
    if (!offer.ok) return fail(refused("taking an offer", offer.error));
    built.clickIds.push(offer.value.clickId);
  }
  if (params.status === "paused") {
    const stopped = stopCampaign(tenant, { ymCampaignId: id });
    if (!stopped.ok) return fail(refused("campaigns/stop", stopped.error));
  }
  const campaign = findCampaign(tenant, id);
  if (campaign === undefined) return fail(`campaign ${id} vanished while its state was set up`);
  if (params.status === "finished") finish(tenant, campaign);
  if (campaign.status !== params.status) return fail(`campaign ${id} ended up ${campaign.status}, not ${params.status}: change the pin counts`);
  return ok(built);
}

/** The YooMoney offer program's provider states. */
export const YOOMONEY_STATES = {
  noCampaigns: catalogueState({
    name: "no YooMoney campaigns",
    provider: PROVIDER,
    summary: "The partner has no campaigns (a reset tenant).",
    params: z.object({}),
    returns: {},
    example: {},
    setup: () => ok({}),
  }),
  campaign: catalogueState({
    name: "a YooMoney campaign exists",
    provider: PROVIDER,
    summary:
      "A code campaign created through campaigns/create and walked to `status`, with `unusedPins` + `acceptedPins` one-off codes (accepted ones taken by users); the partner is a `merchantKind` (store or aggregator).",
    params: CampaignParams,
    returns: { ymCampaignId: "the campaign's id", partnerCampaignId: "the partner's id of it", clickId: "the first accepted offer's clickId (empty without acceptedPins)" },
    example: { status: "started", unusedPins: 2, acceptedPins: 1, merchantKind: "aggregator" },
    setup: ({ tenant }, params) => {
      const built = buildCampaign(tenant, params);
      if (!built.ok) return built;
      const { ymCampaignId, partnerCampaignId, clickIds } = built.value;
      return ok({ ymCampaignId, partnerCampaignId, clickId: clickIds[0] ?? "" });
    },
  }),
  offerTaken: catalogueState({
    name: "a YooMoney offer was taken",
    provider: PROVIDER,
    summary: "A started one-off campaign whose only code `pinContent` a user took `takenHoursAgo` hours ago (past 336 hours its offer has expired).",
    params: OfferParams,
    returns: { ymCampaignId: "the campaign's id", clickId: "the offer's clickId", pinContent: "the code taken" },
    example: { pinContent: "PACTPIN1", takenHoursAgo: 0 },
    setup: async ({ tenant, advance }, params) => {
      const created = createCampaign(tenant, createBody(tenant, CampaignParams.parse({})));
      if (!created.ok) return fail(refused("campaigns/create", created.error));
      const id = created.value.ymCampaignId;
      const verdict = moderate(tenant, id, "approve", null);
      if (!verdict.ok) return fail(refused("moderation", verdict.error));
      const added = addPins(tenant, { ymCampaignId: id }, [params.pinContent]);
      if (!added.ok) return fail(refused("campaigns/add-pins", added.error));
      const started = startCampaign(tenant, { ymCampaignId: id });
      if (!started.ok) return fail(refused("campaigns/start", started.error));
      const offer = takeOffer(tenant, id);
      if (!offer.ok) return fail(refused("taking an offer", offer.error));
      if (params.takenHoursAgo > 0) await advance(Math.round(params.takenHoursAgo * HOUR_MS));
      return ok({ ymCampaignId: id, clickId: offer.value.clickId, pinContent: params.pinContent });
    },
  }),
};

export const YOOMONEY_STATE_LIST = stateList(YOOMONEY_STATES);
