import type { z, ZodType } from "zod";
import * as Campaigns from "../../contracts/wildberries/campaigns.js";
import { WbErrorObject, WbErrorText, WbGatewayError } from "../../contracts/wildberries/errors.js";
import * as Finance from "../../contracts/wildberries/finance.js";
import * as Stats from "../../contracts/wildberries/stats.js";
import type { WbResult } from "./result.js";
import { WbUnexpectedResponse } from "./unexpected-response.js";

export interface WildberriesClientOptions {
  /** e.g. https://advert-api.wildberries.ru or http://127.0.0.1:8787 (the sandbox serves /adv/... at its root). */
  baseUrl: string;
  /** The seller's Promotion API token, sent raw in `Authorization` (no `Bearer `), as Wildberries documents. */
  token: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

type In<S extends ZodType> = z.input<S>;
type Out<S extends ZodType> = z.output<S>;

/** Query filters of POST /adv/v1/promotion/adverts (used instead of an id list). */
export type CampaignFilters = In<typeof Campaigns.WbAdvertsQuery>;

interface RawAnswer {
  status: number;
  text: string;
  headers: Headers;
}

/** How a method reads its success answer (2xx): the value, or a reason it cannot. */
type SuccessReader<T> = (answer: RawAnswer, json: unknown) => { value: T } | { why: string };

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "no detail";
  const path = issue.path.map(String).join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}

/** A 200 whose JSON body is `schema`, mapped by `pick`. */
function jsonOf<S extends ZodType, T>(schema: S, pick: (parsed: Out<S>) => T): SuccessReader<T> {
  return (answer, json) => {
    if (answer.status !== 200) return { why: `HTTP ${answer.status} instead of 200` };
    const parsed = schema.safeParse(json);
    return parsed.success ? { value: pick(parsed.data) } : { why: `it does not match the method's contract (${describeIssue(parsed.error)})` };
  };
}

/** A 200 with an empty body (start, pause, stop and most writes). */
const emptyOk: SuccessReader<undefined> = (answer) =>
  answer.status === 200 && answer.text === "" ? { value: undefined } : { why: `expected an empty 200, got HTTP ${answer.status}` };

const headerInt = (headers: Headers, name: string): number | undefined => {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
};

/**
 * A typed client of the Wildberries Promotion API (advert-api), December 2024 edition. Every answer is
 * parsed with the sandbox's zod contracts (src/contracts/wildberries). Documented errors resolve to
 * `{ ok: false, kind, ... }`: the method's own 400/422 text, 429 with the seconds to wait
 * (X-Ratelimit-Retry), or the gateway's 401/404 object. Anything else throws WbUnexpectedResponse.
 */
export class WildberriesClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: WildberriesClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.token = options.token;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** POST /adv/v1/save-ad: an automatic campaign (type 8). Resolves to the new advertId (sent as a JSON string). */
  createAuto(body: In<typeof Campaigns.WbSaveAdRequest>): Promise<WbResult<number>> {
    return this.call("save-ad", "POST", "/adv/v1/save-ad", body, jsonOf(Campaigns.WbSaveAdResponse, Number));
  }

  /** POST /adv/v2/seacat/save-ad: an Auction campaign (type 9), status 4 with no budget. Resolves to the advertId. */
  createAuction(body: In<typeof Campaigns.WbSeacatSaveAdRequest>): Promise<WbResult<number>> {
    return this.call("seacat/save-ad", "POST", "/adv/v2/seacat/save-ad", body, jsonOf(Campaigns.WbSeacatSaveAdResponse, (id) => id));
  }

  /** GET /adv/v0/start?id=: launches a campaign (4 or 11 with a budget). 422 "Статус кампании не изменен" otherwise. */
  start(advertId: number): Promise<WbResult<undefined>> {
    return this.call("start", "GET", `/adv/v0/start?id=${advertId}`, undefined, emptyOk);
  }

  /** GET /adv/v0/pause?id=: pauses an active campaign (9 -> 11). */
  pause(advertId: number): Promise<WbResult<undefined>> {
    return this.call("pause", "GET", `/adv/v0/pause?id=${advertId}`, undefined, emptyOk);
  }

  /** GET /adv/v0/stop?id=: completes a campaign (4, 9 or 11 -> 7). */
  stop(advertId: number): Promise<WbResult<undefined>> {
    return this.call("stop", "GET", `/adv/v0/stop?id=${advertId}`, undefined, emptyOk);
  }

  /**
   * POST /adv/v1/promotion/adverts: campaign information, either for `ids` (at most 50) or by filters,
   * never both. "Nothing found" (204) resolves to an empty array.
   */
  campaigns(select: { ids: number[] } | { filters: CampaignFilters }): Promise<WbResult<Out<typeof Campaigns.WbAdverts>>> {
    const query = new URLSearchParams();
    if ("filters" in select) {
      for (const [key, value] of Object.entries(select.filters)) if (value !== undefined) query.set(key, String(value));
    }
    const target = query.size === 0 ? "/adv/v1/promotion/adverts" : `/adv/v1/promotion/adverts?${query.toString()}`;
    const read = jsonOf(Campaigns.WbAdverts, (list) => list);
    return this.call("promotion/adverts", "POST", target, "ids" in select ? select.ids : [], (answer, json) =>
      answer.status === 204 ? { value: [] } : read(answer, json),
    );
  }

  /**
   * POST /adv/v1/budget/deposit?id=: tops up a campaign's budget from the account (type 0), balance (1)
   * or bonuses (3). With `return: true` resolves to `{ total }` (the new budget), otherwise to undefined.
   */
  deposit(advertId: number, body: In<typeof Finance.WbDepositRequest>): Promise<WbResult<Out<typeof Finance.WbDepositResponse> | undefined>> {
    const read = jsonOf(Finance.WbDepositResponse, (parsed): Out<typeof Finance.WbDepositResponse> | undefined => parsed);
    return this.call("budget/deposit", "POST", `/adv/v1/budget/deposit?id=${advertId}`, body, (answer, json) =>
      answer.status === 200 && answer.text === "" ? { value: undefined } : read(answer, json),
    );
  }

  /** GET /adv/v1/balance: the seller's account (balance), balance (net) and bonuses, whole rubles. */
  balance(): Promise<WbResult<Out<typeof Finance.WbBalance>>> {
    return this.call("balance", "GET", "/adv/v1/balance", undefined, jsonOf(Finance.WbBalance, (parsed) => parsed));
  }

  /**
   * POST /adv/v2/fullstats: statistics of 1-100 campaigns (statuses 7, 9, 11), each by `dates`, by
   * `interval` or for the last day. Rate limit: 1 per minute.
   */
  fullstats(items: In<typeof Stats.WbFullstatsRequest>): Promise<WbResult<Out<typeof Stats.WbFullstatsResponse>>> {
    return this.call("fullstats", "POST", "/adv/v2/fullstats", items, jsonOf(Stats.WbFullstatsResponse, (parsed) => parsed));
  }

  /** Sends the request and reads the answer: success by `success`, failures by the documented error shapes. */
  protected async call<T>(method: string, verb: "GET" | "POST", target: string, body: unknown, success: SuccessReader<T>): Promise<WbResult<T>> {
    const headers: Record<string, string> = { Authorization: this.token, Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await this.fetchImpl(`${this.baseUrl}${target}`, {
      method: verb,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer: RawAnswer = { status: response.status, text: await response.text(), headers: response.headers };
    let json: unknown;
    if (answer.text !== "") {
      try {
        json = JSON.parse(answer.text);
      } catch {
        // The provider's files document some 400/422 errors as text/plain: take the text as the message.
        if (answer.status === 400 || answer.status === 422) return { ok: false, kind: "method", httpStatus: answer.status, message: answer.text, format: "text" };
        throw new WbUnexpectedResponse(method, answer.status, answer.text, "the body is not JSON");
      }
    }

    if (answer.status >= 200 && answer.status < 300) {
      const read = success(answer, json);
      if ("why" in read) throw new WbUnexpectedResponse(method, answer.status, answer.text, read.why);
      const remaining = headerInt(answer.headers, "X-Ratelimit-Remaining");
      return { ok: true, httpStatus: answer.status, result: read.value, ...(remaining === undefined ? {} : { rateLimitRemaining: remaining }) };
    }

    const gateway = WbGatewayError.safeParse(json);
    if (gateway.success) {
      if (answer.status !== 429) return { ok: false, kind: "gateway", httpStatus: answer.status, gateway: gateway.data };
      const retry = headerInt(answer.headers, "X-Ratelimit-Retry");
      if (retry === undefined) throw new WbUnexpectedResponse(method, 429, answer.text, "a 429 came without an X-Ratelimit-Retry header");
      return {
        ok: false,
        kind: "rateLimited",
        httpStatus: 429,
        retryAfterSeconds: retry,
        limit: headerInt(answer.headers, "X-Ratelimit-Limit"),
        resetSeconds: headerInt(answer.headers, "X-Ratelimit-Reset"),
        gateway: gateway.data,
      };
    }
    const text = WbErrorText.safeParse(json);
    if (text.success) return { ok: false, kind: "method", httpStatus: answer.status, message: text.data, format: "text" };
    const object = WbErrorObject.safeParse(json);
    if (object.success) return { ok: false, kind: "method", httpStatus: answer.status, message: object.data.error, format: "object" };
    throw new WbUnexpectedResponse(method, answer.status, answer.text, "it is neither a documented error string, {\"error\"} object nor the gateway's error object");
  }
}
