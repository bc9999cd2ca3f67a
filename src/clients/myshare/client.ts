import type { z, ZodType } from "zod";
import * as C from "../../contracts/myshare/index.js";
import type { MsResult } from "./result.js";
import { MsUnexpectedResponse } from "./unexpected-response.js";

export interface MyshareClientOptions {
  /** e.g. https://api.myshare.systems or http://127.0.0.1:8787 */
  baseUrl: string;
  /** The business partner's token, sent as `Authorization: <token>` (no prefix) when set. */
  token?: string | undefined;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

type In<S extends ZodType> = z.input<S>;
type Out<S extends ZodType> = z.output<S>;
type Verb = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

const segment = (id: string) => encodeURIComponent(id);

/**
 * A typed client of the myshare affiliate API. Answers are parsed with their contracts; DRF errors
 * resolve to `{ ok: false, error }` (field errors or a detail); anything else throws MsUnexpectedResponse.
 */
export class MyshareClient {
  private readonly baseUrl: string;
  private readonly token: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(options: MyshareClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.token = options.token;
    this.fetchImpl = options.fetch ?? fetch;
  }

  createCatalog(body: In<typeof C.MsCatalogCreateRequest>): Promise<MsResult<Out<typeof C.MsCatalogWriteResponse>>> {
    return this.call("POST", "/catalog/", body, C.MsCatalogWriteResponse);
  }

  getCatalog(id: string): Promise<MsResult<Out<typeof C.MsCatalog>>> {
    return this.call("GET", `/catalog/${segment(id)}/`, undefined, C.MsCatalog);
  }

  listCatalogs(page?: { page?: number; page_size?: number }): Promise<MsResult<Out<typeof C.MsCatalogList>>> {
    const query = new URLSearchParams();
    if (page?.page !== undefined) query.set("page", String(page.page));
    if (page?.page_size !== undefined) query.set("page_size", String(page.page_size));
    const text = query.toString();
    return this.call("GET", `/catalog/${text === "" ? "" : `?${text}`}`, undefined, C.MsCatalogList);
  }

  updateCatalog(id: string, body: In<typeof C.MsCatalogUpdateRequest>): Promise<MsResult<Out<typeof C.MsCatalogWriteResponse>>> {
    return this.call("PATCH", `/catalog/${segment(id)}/`, body, C.MsCatalogWriteResponse);
  }

  createOffer(body: In<typeof C.MsOfferCreateRequest>): Promise<MsResult<Out<typeof C.MsOffer>>> {
    return this.call("POST", "/offer/", body, C.MsOffer);
  }

  getOffer(id: string): Promise<MsResult<Out<typeof C.MsOffer>>> {
    return this.call("GET", `/offer/${segment(id)}/`, undefined, C.MsOffer);
  }

  updateOffer(id: string, body: In<typeof C.MsOfferUpdateRequest>): Promise<MsResult<Out<typeof C.MsOffer>>> {
    return this.call("PATCH", `/offer/${segment(id)}/`, body, C.MsOffer);
  }

  createLanding(body: In<typeof C.MsLandingCreateRequest>): Promise<MsResult<Out<typeof C.MsLanding>>> {
    return this.call("POST", "/landing/", body, C.MsLanding);
  }

  updateLanding(id: string, body: In<typeof C.MsLandingUpdateRequest>): Promise<MsResult<Out<typeof C.MsLanding>>> {
    return this.call("PATCH", `/landing/${segment(id)}/`, body, C.MsLanding);
  }

  /** DELETE /landing/{id}/: 204 with no body. */
  deleteLanding(id: string): Promise<MsResult<null>> {
    return this.call("DELETE", `/landing/${segment(id)}/`, undefined, null);
  }

  /** POST /deal/: 201 for a new deal, 200 when the deal_id existed and its status changed. */
  createDeal(body: In<typeof C.MsDealCreateRequest>): Promise<MsResult<Out<typeof C.MsDealCreateResponse>>> {
    return this.call("POST", "/deal/", body, C.MsDealCreateResponse);
  }

  /** GET /deal/{id}/ by your deal_id (or the system id). */
  getDeal(id: string): Promise<MsResult<Out<typeof C.MsDeal>>> {
    return this.call("GET", `/deal/${segment(id)}/`, undefined, C.MsDeal);
  }

  updateDeal(id: string, body: In<typeof C.MsDealUpdateRequest>): Promise<MsResult<Out<typeof C.MsDealUpdateResponse>>> {
    return this.call("PATCH", `/deal/${segment(id)}/`, body, C.MsDealUpdateResponse);
  }

  /** GET /promo/check_promo/: `catalogId` is the catalog's 5-character catalog_id. */
  checkPromo(code: string, catalogId: string): Promise<MsResult<Out<typeof C.MsCheckPromoResponse>>> {
    const query = new URLSearchParams({ code, catalog_id: catalogId });
    return this.call("GET", `/promo/check_promo/?${query.toString()}`, undefined, C.MsCheckPromoResponse);
  }

  checkUuid(uid: string): Promise<MsResult<Out<typeof C.MsCheckUuidResponse>>> {
    const query = new URLSearchParams({ code: uid });
    return this.call("GET", `/promo/check_uuid/?${query.toString()}`, undefined, C.MsCheckUuidResponse);
  }

  private async call<S extends ZodType>(verb: Verb, path: string, body: unknown, success: S): Promise<MsResult<Out<S>>>;
  private async call(verb: Verb, path: string, body: unknown, success: null): Promise<MsResult<null>>;
  private async call<S extends ZodType>(verb: Verb, path: string, body: unknown, success: S | null): Promise<MsResult<Out<S> | null>> {
    const name = `${verb} ${path.split("?")[0] ?? path}`;
    const headers: Record<string, string> = { Accept: "application/json" };
    if (this.token !== undefined) headers.Authorization = this.token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      method: verb,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (success === null && response.status === 204) return { ok: true, httpStatus: 204, value: null };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MsUnexpectedResponse(name, response.status, text, "the body is not JSON");
    }
    if (response.status >= 200 && response.status < 300 && success !== null) {
      const parsed = success.safeParse(json);
      if (parsed.success) return { ok: true, httpStatus: response.status, value: parsed.data };
      throw new MsUnexpectedResponse(name, response.status, text, `it does not match the call's contract (${parsed.error.issues[0]?.message ?? "no detail"})`);
    }
    const detail = C.MsDetailError.safeParse(json);
    if (detail.success) return { ok: false, httpStatus: response.status, error: { kind: "detail", detail: detail.data.detail } };
    const fields = C.MsValidationError.safeParse(json);
    if (fields.success && response.status === 400) return { ok: false, httpStatus: 400, error: { kind: "validation", fields: fields.data } };
    throw new MsUnexpectedResponse(name, response.status, text, "it is neither the call's result nor a DRF error");
  }
}
