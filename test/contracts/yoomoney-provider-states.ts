import type { VerifierOptions } from "@pact-foundation/pact";
import { z, type ZodType } from "zod";
import { SandboxAdvance, SandboxReset } from "../../src/contracts/sandbox/index.js";
import { YmModerationResponse, YmOfferResponse } from "../../src/contracts/yoomoney/control.js";
import * as C from "../../src/contracts/yoomoney/index.js";
import { CREATE_BODY, PACT_TOKEN, STATES } from "./yoomoney-pact.js";

const PinParams = z.object({ pinContent: C.PinContent });

function pinContentOf(state: string, params: unknown): string {
  const parsed = PinParams.safeParse(params);
  if (!parsed.success) throw new Error(`provider state "${state}" needs params {"pinContent": a promo code}; the pact gave ${JSON.stringify(params)}`);
  return parsed.data.pinContent;
}

type StateHandlers = NonNullable<VerifierOptions["stateHandlers"]>;

/**
 * Sets the YooMoney provider states through HTTP only: the control plane (reset, moderation, offers,
 * clock) and the provider API (campaigns/create, add-pins, start), as a user of the sandbox would.
 * Every state starts with a reset of the pact's tenant, so nothing leaks between interactions.
 */
export class YooMoneyStates {
  constructor(private readonly baseUrl: string) {}

  private async post<S extends ZodType>(path: string, body: unknown, status: number, schema: S): Promise<z.output<S>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${PACT_TOKEN}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== status) {
      throw new Error(`provider state setup: POST ${path} answered HTTP ${response.status}, expected ${status}: ${text}`);
    }
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`provider state setup: POST ${path} answered an unexpected body: ${text}`);
    return parsed.data;
  }

  async reset(): Promise<void> {
    await this.post("/__sandbox/reset", {}, 200, SandboxReset);
  }

  /** reset + campaigns/create: a one-off code campaign in moderation. */
  async inModeration(): Promise<number> {
    await this.reset();
    const created = await this.post("/api/offerwall/v1/campaigns/create", CREATE_BODY, 200, C.CampaignStateResponse);
    return created.result.ymCampaignId;
  }

  /** ... + the moderator approves: verified, no pins. */
  async verified(): Promise<number> {
    const id = await this.inModeration();
    const verdict = await this.post(`/__sandbox/yoomoney/campaigns/${id}/moderation`, { decision: "approve" }, 200, YmModerationResponse);
    if (verdict.campaignStatus !== "verified") throw new Error(`provider state setup: approval left campaign ${id} ${verdict.campaignStatus}`);
    return id;
  }

  /** ... + campaigns/start without pins: failPin, pin-required. */
  async pinRequired(): Promise<number> {
    const id = await this.verified();
    const started = await this.post("/api/offerwall/v1/campaigns/start", { ymCampaignId: id }, 200, C.ErrorResponse);
    if (started.result?.campaignStatus !== "pin-required") {
      throw new Error(`provider state setup: campaigns/start without pins gave ${JSON.stringify(started)}, expected pin-required`);
    }
    return id;
  }

  /** ... verified + add-pins [pinContent] + start + a user takes the offer: the pin is accepted_by_user. */
  async acceptedPin(pinContent: string): Promise<{ ymCampaignId: number; clickId: string }> {
    const id = await this.verified();
    await this.post("/api/offerwall/v1/campaigns/add-pins", { ymCampaignId: id, pinList: [pinContent] }, 200, C.AddPinsResponse);
    const started = await this.post("/api/offerwall/v1/campaigns/start", { ymCampaignId: id }, 200, C.CampaignStateResponse);
    if (started.result.campaignStatus !== "started") throw new Error(`provider state setup: campaign ${id} is ${started.result.campaignStatus}, not started`);
    const offer = await this.post(`/__sandbox/yoomoney/campaigns/${id}/offers`, {}, 201, YmOfferResponse);
    if (offer.pinContent !== pinContent) throw new Error(`provider state setup: the offer handed out ${offer.pinContent}, expected ${pinContent}`);
    return { ymCampaignId: id, clickId: offer.clickId };
  }

  /** Moves the tenant's virtual clock (never a sleep). */
  async advance(by: string): Promise<void> {
    await this.post("/__sandbox/clock/advance", { by }, 200, SandboxAdvance);
  }

  /** The Verifier's handlers: each returns the values the pact injects with fromProviderState. */
  handlers(): StateHandlers {
    return {
      [STATES.noCampaigns]: async () => {
        await this.reset();
        return {};
      },
      [STATES.inModeration]: async () => ({ ymCampaignId: await this.inModeration() }),
      [STATES.verifiedWithoutPins]: async () => ({ ymCampaignId: await this.verified() }),
      [STATES.pinRequired]: async () => ({ ymCampaignId: await this.pinRequired() }),
      [STATES.acceptedPin]: async (params?: unknown) => this.acceptedPin(pinContentOf(STATES.acceptedPin, params)),
      [STATES.expiredOffer]: async (params?: unknown) => {
        const ids = await this.acceptedPin(pinContentOf(STATES.expiredOffer, params));
        // offerDuration defaults to 336 hours (14 days).
        await this.advance("P15D");
        return ids;
      },
    };
  }
}
