import type { VerifierOptions } from "@pact-foundation/pact";
import type { z, ZodType } from "zod";
import { MsCatalogWriteResponse, MsDealCreateResponse, MsOffer } from "../../src/contracts/myshare/index.js";
import { SandboxReset } from "../../src/contracts/sandbox/index.js";
import { MsPartnerResponse } from "../../src/contracts/myshare/control.js";
import { CATALOG_BODY, MS_DEAL_ID, MS_PACT_TOKEN, MS_STATES, offerBody } from "./myshare-pact.js";

type StateHandlers = NonNullable<VerifierOptions["stateHandlers"]>;

/**
 * Sets the myshare provider states through HTTP only: the control plane (reset, partners) and the
 * myshare API (catalog, offer, deal), as a user of the sandbox would. Every state starts with a reset
 * of the pact's tenant.
 */
export class MyshareStates {
  constructor(private readonly baseUrl: string) {}

  private async post<S extends ZodType>(path: string, body: unknown, status: number, schema: S): Promise<z.output<S>> {
    const control = path.startsWith("/__sandbox");
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: control ? `Bearer ${MS_PACT_TOKEN}` : MS_PACT_TOKEN },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== status) throw new Error(`provider state setup: POST ${path} answered HTTP ${response.status}, expected ${status}: ${text}`);
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`provider state setup: POST ${path} answered an unexpected body: ${text}`);
    return parsed.data;
  }

  async reset(): Promise<void> {
    await this.post("/__sandbox/reset", {}, 200, SandboxReset);
  }

  async catalog(): Promise<{ catalogId: string; publicId: string }> {
    await this.reset();
    const catalog = await this.post("/catalog/", CATALOG_BODY, 201, MsCatalogWriteResponse);
    return { catalogId: catalog.id, publicId: catalog.catalog_id };
  }

  async partner(): Promise<{ catalogId: string; publicId: string; promoCode: string; uid: string }> {
    const catalog = await this.catalog();
    await this.post("/offer/", offerBody(catalog.catalogId), 201, MsOffer);
    const partner = await this.post("/__sandbox/myshare/partners", { catalog_id: catalog.catalogId }, 201, MsPartnerResponse);
    return { ...catalog, promoCode: partner.promo_code, uid: partner.uid };
  }

  async createdDeal(): Promise<void> {
    const { uid } = await this.partner();
    const deal = { status: "Created", offer: "Basic", cost: 100, currency: "USD", deal_id: MS_DEAL_ID, catalog_code: CATALOG_BODY.catalog_code, another_data: `myshare=${uid}` };
    await this.post("/deal/", deal, 201, MsDealCreateResponse);
  }

  handlers(): StateHandlers {
    return {
      [MS_STATES.noCatalogs]: async () => {
        await this.reset();
        return {};
      },
      [MS_STATES.catalog]: async () => this.catalog(),
      [MS_STATES.partner]: async () => this.partner(),
      [MS_STATES.createdDeal]: async () => {
        await this.createdDeal();
        return {};
      },
    };
  }
}
