import type { z, ZodType } from "zod";
import * as C from "../../contracts/yoomoney/index.js";
import { YmUnexpectedResponse } from "./unexpected-response.js";
import type { YmResult } from "./result.js";

export interface YooMoneyClientOptions {
  /** e.g. https://yoomoney.ru or http://127.0.0.1:8787 (no /api/offerwall/v1 suffix). */
  baseUrl: string;
  /** The access token (users/login's accessToken); sent as `Authorization: Bearer <token>` when set. */
  token?: string | undefined;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

type In<S extends ZodType> = z.input<S>;
type Out<S extends ZodType> = z.output<S>;
type Result<S extends ZodType> = Out<S> extends { result: infer R } ? R : never;

const API_PATH = "/api/offerwall/v1";

/**
 * A typed client of the YooMoney offer-program API. Every call is `POST {baseUrl}/api/offerwall/v1/<method>`
 * with a JSON body; the answer is parsed with the method's contract. Business errors (HTTP 200) and the
 * 400/401/404/405/413/429/500 envelopes resolve to `{ ok: false, error }`; a body that fits neither the
 * method's result nor the error envelope throws YmUnexpectedResponse.
 */
export class YooMoneyClient {
  private readonly baseUrl: string;
  private readonly token: string | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(options: YooMoneyClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.token = options.token;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** users/login: the only answer without the status/result envelope, so `result` is the whole body. */
  login(body: In<typeof C.LoginRequest>): Promise<YmResult<Out<typeof C.LoginResponse>>> {
    return this.call("users/login", body, C.LoginResponse, (parsed) => parsed);
  }

  categories(): Promise<YmResult<Result<typeof C.CategoriesResponse>>> {
    return this.call("categories/get", {}, C.CategoriesResponse, (parsed) => parsed.result);
  }

  createCampaign(body: In<typeof C.CreateCampaignRequest>): Promise<YmResult<Result<typeof C.CampaignStateResponse>>> {
    return this.call("campaigns/create", body, C.CampaignStateResponse, (parsed) => parsed.result);
  }

  updateCampaign(body: In<typeof C.UpdateCampaignRequest>): Promise<YmResult<Result<typeof C.CampaignStateResponse>>> {
    return this.call("campaigns/update", body, C.CampaignStateResponse, (parsed) => parsed.result);
  }

  startCampaign(key: In<typeof C.CampaignKeyRequest>): Promise<YmResult<Result<typeof C.CampaignStateResponse>>> {
    return this.call("campaigns/start", key, C.CampaignStateResponse, (parsed) => parsed.result);
  }

  stopCampaign(key: In<typeof C.CampaignKeyRequest>): Promise<YmResult<Result<typeof C.StopCampaignResponse>>> {
    return this.call("campaigns/stop", key, C.StopCampaignResponse, (parsed) => parsed.result);
  }

  addPins(body: In<typeof C.AddPinsRequest>): Promise<YmResult<Result<typeof C.AddPinsResponse>>> {
    return this.call("campaigns/add-pins", body, C.AddPinsResponse, (parsed) => parsed.result);
  }

  redeem(body: In<typeof C.RedeemRequest>): Promise<YmResult<Result<typeof C.RedeemResponse>>> {
    return this.call("campaigns/redeem", body, C.RedeemResponse, (parsed) => parsed.result);
  }

  getCampaign(key: In<typeof C.CampaignKeyRequest>): Promise<YmResult<Result<typeof C.GetCampaignResponse>>> {
    return this.call("campaigns/get", key, C.GetCampaignResponse, (parsed) => parsed.result);
  }

  campaignInfo(key: In<typeof C.CampaignKeyRequest>): Promise<YmResult<Result<typeof C.CampaignInfoResponse>>> {
    return this.call("campaigns/info", key, C.CampaignInfoResponse, (parsed) => parsed.result);
  }

  /** campaigns/get-all-campaigns: no result wrapper, so `result` is `{ total, campaigns }`. */
  listCampaigns(
    page: In<typeof C.ListCampaignsRequest>,
  ): Promise<YmResult<{ total: number; campaigns: Out<typeof C.ListCampaignsResponse>["campaigns"] }>> {
    return this.call("campaigns/get-all-campaigns", page, C.ListCampaignsResponse, ({ total, campaigns }) => ({ total, campaigns }));
  }

  pinsByStatus(body: In<typeof C.PinsByStatusRequest>): Promise<YmResult<Result<typeof C.PinsByStatusResponse>>> {
    return this.call("campaigns/get-pins-by-status", body, C.PinsByStatusResponse, (parsed) => parsed.result);
  }

  private async call<S extends ZodType, R>(method: string, body: unknown, success: S, pick: (parsed: Out<S>) => R): Promise<YmResult<R>> {
    const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
    if (this.token !== undefined) headers.Authorization = `Bearer ${this.token}`;
    const response = await this.fetchImpl(`${this.baseUrl}${API_PATH}/${method}`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new YmUnexpectedResponse(method, response.status, text, "the body is not JSON");
    }

    const error = C.ErrorResponse.safeParse(json);
    if (error.success) {
      const { errors, result } = error.data;
      return { ok: false, httpStatus: response.status, error: errors, ...(result === undefined ? {} : { result }) };
    }
    const parsed = success.safeParse(json);
    if (response.status === 200 && parsed.success) return { ok: true, httpStatus: 200, result: pick(parsed.data) };
    const why = parsed.success
      ? `a result body came with HTTP ${response.status} instead of 200`
      : `it is neither the method's result nor the error envelope (${describeIssue(parsed.error)})`;
    throw new YmUnexpectedResponse(method, response.status, text, why);
  }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "no detail";
  const path = issue.path.map(String).join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}
