import type { VerifierOptions } from "@pact-foundation/pact";
import { z, type ZodType } from "zod";
import { SandboxAdvance, SandboxClock, SandboxFreeze, SandboxReset, SandboxSettings } from "../../src/contracts/sandbox/index.js";
import { WbSeacatSaveAdResponse } from "../../src/contracts/wildberries/campaigns.js";
import { WbSupplierNms, WbSupplierSubjects } from "../../src/contracts/wildberries/catalogue.js";
import { DEPOSIT, WB_PACT_TOKEN, WB_STATES } from "./wildberries-pact.js";

type StateHandlers = NonNullable<VerifierOptions["stateHandlers"]>;

const Empty = z.literal("");
const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;
/** The burst of POST /adv/v1/promotion/adverts (research §3.6: 5/s, burst 5). */
const ADVERTS_BURST = 5;

const moscowDate = (instant: number): string => new Date(instant + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Sets the Wildberries provider states through HTTP only: the control plane (reset, settings, balance,
 * clock) and the Promotion API itself (catalogue, seacat/save-ad, deposit, start, stop), as a seller
 * using the sandbox would. Every state starts with a reset of the pact's tenant and, except the rate-limit
 * one, sets consistency immediate with rate limits off, so each interaction sees its own state at once.
 */
export class WildberriesStates {
  constructor(private readonly baseUrl: string) {}

  private async request<S extends ZodType>(verb: "GET" | "POST" | "PATCH", path: string, body: unknown, status: number, schema: S): Promise<z.output<S>> {
    const control = path.startsWith("/__sandbox");
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: verb,
      // The control plane takes `Bearer `; the Promotion API the raw token. Both name the same tenant.
      headers: { Authorization: control ? `Bearer ${WB_PACT_TOKEN}` : WB_PACT_TOKEN, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status !== status) throw new Error(`provider state setup: ${verb} ${path} answered HTTP ${response.status}, expected ${status}: ${text}`);
    const parsed = schema.safeParse(text === "" ? "" : JSON.parse(text));
    if (!parsed.success) throw new Error(`provider state setup: ${verb} ${path} answered an unexpected body: ${text}`);
    return parsed.data;
  }

  /** reset + immediate consistency + rate limits off. */
  async seller(): Promise<void> {
    await this.request("POST", "/__sandbox/reset", {}, 200, SandboxReset);
    await this.request("PATCH", "/__sandbox/settings", { consistency: "immediate", rateLimits: "off" }, 200, SandboxSettings);
  }

  /** ... + the first nm of the seller's first subject. */
  async catalogue(): Promise<{ nm: number }> {
    await this.seller();
    const subjects = await this.request("GET", "/adv/v1/supplier/subjects", undefined, 200, WbSupplierSubjects);
    const subject = subjects?.[0];
    if (subject === undefined) throw new Error("provider state setup: the seller's catalogue has no subjects");
    const nms = await this.request("POST", "/adv/v2/supplier/nms", [subject.id], 200, WbSupplierNms);
    const nm = nms[0]?.nm;
    if (nm === undefined) throw new Error(`provider state setup: subject ${subject.id} has no nms`);
    return { nm };
  }

  /** ... + seacat/save-ad: an Auction campaign in status 4 with no budget, and 100 000 on the account. */
  async auctionReady(): Promise<{ advertId: number }> {
    const { nm } = await this.catalogue();
    const advertId = await this.request("POST", "/adv/v2/seacat/save-ad", { campaignName: "Pact", nms: [nm] }, 200, WbSeacatSaveAdResponse);
    await this.request("POST", "/__sandbox/wildberries/balance", { balance: 100_000 }, 200, z.unknown());
    return { advertId };
  }

  /** ... + a deposit of 1000 from the account. */
  async auctionFunded(): Promise<{ advertId: number }> {
    const { advertId } = await this.auctionReady();
    await this.request("POST", `/adv/v1/budget/deposit?id=${advertId}`, { ...DEPOSIT, return: false }, 200, Empty);
    return { advertId };
  }

  /** ... + start: status 9. */
  async auctionActive(): Promise<{ advertId: number }> {
    const { advertId } = await this.auctionFunded();
    await this.request("GET", `/adv/v0/start?id=${advertId}`, undefined, 200, Empty);
    return { advertId };
  }

  /** ... + two virtual days: statistics for the Moscow dates begin..end. */
  async auctionRan(): Promise<{ advertId: number; begin: string; end: string }> {
    const { advertId } = await this.auctionActive();
    const advanced = await this.request("POST", "/__sandbox/clock/advance", { by: "P2D" }, 200, SandboxAdvance);
    const now = Date.parse(advanced.now);
    return { advertId, begin: moscowDate(now - 2 * DAY_MS), end: moscowDate(now) };
  }

  /** ... active, then stop: status 7. */
  async auctionCompleted(): Promise<{ advertId: number }> {
    const { advertId } = await this.auctionActive();
    await this.request("GET", `/adv/v0/stop?id=${advertId}`, undefined, 200, Empty);
    return { advertId };
  }

  /** reset (rate limits enforced), clock frozen so the bucket cannot refill, the promotion/adverts burst spent. */
  async advertsExhausted(): Promise<Record<string, never>> {
    await this.request("POST", "/__sandbox/reset", {}, 200, SandboxReset);
    await this.request("POST", "/__sandbox/clock/freeze", {}, 200, SandboxFreeze);
    const clock = await this.request("GET", "/__sandbox/clock", undefined, 200, SandboxClock);
    if (!clock.frozen) throw new Error("provider state setup: the clock did not freeze");
    // A seller without campaigns: each call answers 204 and takes a token.
    for (let i = 0; i < ADVERTS_BURST; i++) await this.request("POST", "/adv/v1/promotion/adverts?status=9", [], 204, Empty);
    return {};
  }

  /** Why state setups failed (the Verifier only logs a failing handler and goes on with the example values). */
  readonly failures: string[] = [];

  private guarded<T>(state: string, setup: () => Promise<T>): () => Promise<T> {
    return async () => {
      try {
        return await setup();
      } catch (error) {
        this.failures.push(`${state}: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    };
  }

  /** The Verifier's handlers: each returns the values the pact injects with fromProviderState. */
  handlers(): StateHandlers {
    return {
      [WB_STATES.catalogue]: this.guarded(WB_STATES.catalogue, () => this.catalogue()),
      [WB_STATES.auctionReady]: this.guarded(WB_STATES.auctionReady, () => this.auctionReady()),
      [WB_STATES.auctionFunded]: this.guarded(WB_STATES.auctionFunded, () => this.auctionFunded()),
      [WB_STATES.auctionActive]: this.guarded(WB_STATES.auctionActive, () => this.auctionActive()),
      [WB_STATES.auctionRan]: this.guarded(WB_STATES.auctionRan, () => this.auctionRan()),
      [WB_STATES.auctionCompleted]: this.guarded(WB_STATES.auctionCompleted, () => this.auctionCompleted()),
      [WB_STATES.advertsExhausted]: this.guarded(WB_STATES.advertsExhausted, () => this.advertsExhausted()),
    };
  }
}
