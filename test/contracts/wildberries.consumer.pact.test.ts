import { rm } from "node:fs/promises";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { beforeAll, describe, expect, it } from "vitest";
import { WildberriesClient } from "../../src/clients/wildberries/index.js";
import * as Campaigns from "../../src/contracts/wildberries/campaigns.js";
import { WbErrorText, WbGatewayError } from "../../src/contracts/wildberries/errors.js";
import * as Finance from "../../src/contracts/wildberries/finance.js";
import * as Stats from "../../src/contracts/wildberries/stats.js";
import { contractBody, integerContract, likeContract } from "./ym-matchers.js";
import { DEPOSIT, WB_CONSUMER, WB_PACT_DIR, WB_PACT_FILE, WB_PACT_TOKEN, WB_PROVIDER, WB_STATES } from "./wildberries-pact.js";

const pact = new PactV4({ consumer: WB_CONSUMER, provider: WB_PROVIDER, dir: WB_PACT_DIR, logLevel: "warn" });

/** The token goes raw in Authorization (no Bearer), as Wildberries documents. */
const withToken = { Authorization: WB_PACT_TOKEN };
const withTokenJson = { ...withToken, "Content-Type": "application/json" };
const jsonHeaders = { "Content-Type": MatchersV3.regex("^application/json(;.*)?$", "application/json; charset=utf-8") };
const client = (server: { url: string }) => new WildberriesClient({ baseUrl: server.url, token: WB_PACT_TOKEN });

const ADVERT_ID = 1234567;
const NM = 146168367;
const MOSCOW_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+03:00$";
const advertIdFromState = () => MatchersV3.fromProviderState("${advertId}", ADVERT_ID);
const advertIdQuery = () => ({ id: MatchersV3.fromProviderState("${advertId}", String(ADVERT_ID)) });
const moscowTime = (example: string) => MatchersV3.regex(MOSCOW_TIME, example);

beforeAll(async () => {
  // Interactions merge into an existing pact file: start from nothing so removed ones do not linger.
  await rm(WB_PACT_FILE, { force: true });
});

describe("Wildberries Promotion API, as the client uses it", () => {
  it("seacat/save-ad creates an Auction campaign and answers its id as a JSON integer", async () => {
    const body = { campaignName: "Pact аукцион", nms: [MatchersV3.fromProviderState("${nm}", NM)] };
    await pact
      .addInteraction()
      .given(WB_STATES.catalogue)
      .uponReceiving("seacat/save-ad with one nm of the seller's catalogue")
      .withRequest("POST", "/adv/v2/seacat/save-ad", (b) => b.headers(withTokenJson).jsonBody(contractBody(Campaigns.WbSeacatSaveAdRequest, body)))
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(integerContract(Campaigns.WbSeacatSaveAdResponse, ADVERT_ID)))
      .executeTest(async (server) => {
        expect(await client(server).createAuction({ campaignName: "Pact аукцион", nms: [NM] })).toEqual({ ok: true, httpStatus: 200, result: ADVERT_ID });
      });
  });

  it("budget/deposit with return: true answers the new budget", async () => {
    await pact
      .addInteraction()
      .given(WB_STATES.auctionReady)
      .uponReceiving("budget/deposit of 1000 from the account into a new Auction campaign, with return")
      .withRequest("POST", "/adv/v1/budget/deposit", (b) => b.headers(withTokenJson).query(advertIdQuery()).jsonBody(contractBody(Finance.WbDepositRequest, DEPOSIT)))
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(contractBody(Finance.WbDepositResponse, { total: integerContract(Finance.WbDepositResponse.shape.total, 1000) })))
      .executeTest(async (server) => {
        expect(await client(server).deposit(ADVERT_ID, DEPOSIT)).toEqual({ ok: true, httpStatus: 200, result: { total: 1000 } });
      });
  });

  it("fullstats by interval answers totals, days, apps and nms", async () => {
    const BEGIN = "2026-01-15";
    const END = "2026-01-17";
    const stat = { views: 653, clicks: 24, ctr: 3.68, cpc: 4.08, sum: 97.95, atbs: 4, orders: 2, cr: 8.33, shks: 2, sum_price: 3980 };
    const statMatchers = {
      views: MatchersV3.integer(stat.views),
      clicks: MatchersV3.integer(stat.clicks),
      ctr: MatchersV3.number(stat.ctr),
      cpc: MatchersV3.number(stat.cpc),
      sum: MatchersV3.number(stat.sum),
      atbs: MatchersV3.integer(stat.atbs),
      orders: MatchersV3.integer(stat.orders),
      cr: MatchersV3.number(stat.cr),
      shks: MatchersV3.integer(stat.shks),
      sum_price: MatchersV3.number(stat.sum_price),
    };
    const date = "^\\d{4}-\\d{2}-\\d{2}$";
    const nm = { ...stat, name: "Плед", nmId: NM };
    const app = { ...stat, appType: 1, nm: [nm] };
    const day = { date: "2026-01-15T00:00:00+03:00", ...stat, apps: [app] };
    // boosterStats is for automatic campaigns: an Auction's is empty.
    const example = { interval: { begin: BEGIN, end: END }, ...stat, days: [day], boosterStats: [], advertId: ADVERT_ID };
    const template = [
      {
        interval: { begin: MatchersV3.regex(date, BEGIN), end: MatchersV3.regex(date, END) },
        ...statMatchers,
        days: MatchersV3.eachLike(
          {
            date: moscowTime(day.date),
            ...statMatchers,
            apps: MatchersV3.eachLike({ ...statMatchers, appType: MatchersV3.integer(1), nm: MatchersV3.eachLike({ ...statMatchers, name: MatchersV3.string(nm.name), nmId: MatchersV3.integer(NM) }, 1) }, 1),
          },
          1,
        ),
        boosterStats: [],
        advertId: advertIdFromState(),
      },
    ];
    const request = [
      { id: advertIdFromState(), interval: { begin: MatchersV3.fromProviderState("${begin}", BEGIN), end: MatchersV3.fromProviderState("${end}", END) } },
    ];
    await pact
      .addInteraction()
      .given(WB_STATES.auctionRan)
      .uponReceiving("fullstats of an Auction campaign over the interval it ran")
      .withRequest("POST", "/adv/v2/fullstats", (b) => b.headers(withTokenJson).jsonBody(contractBody(Stats.WbFullstatsRequest, request)))
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(contractBody(Stats.WbFullstatsResponse, template)))
      .executeTest(async (server) => {
        expect(await client(server).fullstats([{ id: ADVERT_ID, interval: { begin: BEGIN, end: END } }])).toEqual({ ok: true, httpStatus: 200, result: [example] });
      });
  });

  it("start launches a campaign with a budget: an empty 200", async () => {
    await pact
      .addInteraction()
      .given(WB_STATES.auctionFunded)
      .uponReceiving("start of a funded Auction campaign in status 4")
      .withRequest("GET", "/adv/v0/start", (b) => b.headers(withToken).query(advertIdQuery()))
      .willRespondWith(200)
      .executeTest(async (server) => {
        expect(await client(server).start(ADVERT_ID)).toEqual({ ok: true, httpStatus: 200, result: undefined });
      });
  });

  it("start of a completed campaign is 422 \"Статус кампании не изменен\"", async () => {
    const message = "Статус кампании не изменен";
    await pact
      .addInteraction()
      .given(WB_STATES.auctionCompleted)
      .uponReceiving("start of a completed (7) Auction campaign")
      .withRequest("GET", "/adv/v0/start", (b) => b.headers(withToken).query(advertIdQuery()))
      // A bare JSON string (with its quotes), as the seed-era API answers its errors. jsonBody takes a
      // string as JSON text already serialised, hence the stringify.
      .willRespondWith(422, (b) => b.headers(jsonHeaders).jsonBody(JSON.stringify(WbErrorText.parse(message))))
      .executeTest(async (server) => {
        expect(await client(server).start(ADVERT_ID)).toEqual({ ok: false, kind: "method", httpStatus: 422, message, format: "text" });
      });
  });

  it("promotion/adverts by id answers the Auction campaign's information", async () => {
    const example = {
      endTime: "2100-01-01T00:00:00+03:00",
      createTime: "2026-01-15T12:00:00.000000+03:00",
      changeTime: "2026-01-15T12:00:00.000000+03:00",
      startTime: "2026-01-15T12:00:00.000000+03:00",
      searchPluseState: false,
      name: "Pact",
      unitedParams: [{ subject: { id: 765, name: "Пледы" }, menus: [{ id: -1, name: "" }], nms: [NM], searchCPM: 150, catalogCPM: 0 }],
      dailyBudget: 0,
      advertId: ADVERT_ID,
      status: 9,
      type: 9,
      paymentType: "cpm",
    } as const;
    const template = {
      ...example,
      endTime: moscowTime(example.endTime),
      createTime: moscowTime(example.createTime),
      changeTime: moscowTime(example.changeTime),
      startTime: moscowTime(example.startTime),
      name: "Pact",
      unitedParams: MatchersV3.eachLike(
        {
          subject: likeContract(Campaigns.WbAdvertType9.shape.unitedParams.element.shape.subject, example.unitedParams[0].subject),
          menus: MatchersV3.eachLike({ id: MatchersV3.integer(-1), name: MatchersV3.string("") }),
          nms: MatchersV3.eachLike(MatchersV3.integer(NM)),
          searchCPM: MatchersV3.integer(150),
          catalogCPM: MatchersV3.integer(0),
        },
        1,
      ),
      advertId: advertIdFromState(),
    };
    await pact
      .addInteraction()
      .given(WB_STATES.auctionActive)
      .uponReceiving("promotion/adverts for the id of an active Auction campaign")
      .withRequest("POST", "/adv/v1/promotion/adverts", (b) => b.headers(withTokenJson).jsonBody(contractBody(Campaigns.WbAdvertsRequest, [advertIdFromState()])))
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(contractBody(Campaigns.WbAdverts, [template])))
      .executeTest(async (server) => {
        expect(await client(server).campaigns({ ids: [ADVERT_ID] })).toEqual({ ok: true, httpStatus: 200, result: [example] });
      });
  });

  it("promotion/adverts beyond its burst is 429 with X-Ratelimit-Retry and the gateway's object", async () => {
    const gateway = {
      title: "too many requests",
      detail: "limited by c122a060-a7fb-4bb4-abb0-32fd4e18d489",
      code: "07e4668e-ac2242c5c8c5-[UK-4dx7JUdskGZ]",
      requestId: "9d3c02cc698f8b041c661a7c28bed293",
      origin: "s2s-api-auth-adv",
      status: 429,
      statusText: "Too Many Requests",
      timestamp: "2026-01-15T09:00:00Z",
    };
    const template = {
      ...gateway,
      detail: MatchersV3.regex("^limited by [0-9a-f-]{36}$", gateway.detail),
      code: MatchersV3.string(gateway.code),
      requestId: MatchersV3.regex("^[0-9a-f]{32}$", gateway.requestId),
      origin: MatchersV3.string(gateway.origin),
      timestamp: MatchersV3.regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", gateway.timestamp),
    };
    const seconds = (example: string) => MatchersV3.regex("^[1-9]\\d*$", example);
    await pact
      .addInteraction()
      .given(WB_STATES.advertsExhausted)
      .uponReceiving("a sixth promotion/adverts call within the same instant")
      .withRequest("POST", "/adv/v1/promotion/adverts", (b) => b.headers(withTokenJson).query({ status: "9" }).jsonBody(contractBody(Campaigns.WbAdvertsRequest, [])))
      .willRespondWith(429, (b) =>
        b
          .headers({ ...jsonHeaders, "X-Ratelimit-Retry": seconds("1"), "X-Ratelimit-Limit": "5", "X-Ratelimit-Reset": seconds("1") })
          .jsonBody(contractBody(WbGatewayError, template)),
      )
      .executeTest(async (server) => {
        expect(await client(server).campaigns({ filters: { status: 9 } })).toEqual({
          ok: false,
          kind: "rateLimited",
          httpStatus: 429,
          retryAfterSeconds: 1,
          limit: 5,
          resetSeconds: 1,
          gateway,
        });
      });
  });
});

describe("WildberriesClient on answers no pact covers", () => {
  interface Sent {
    url: string;
    method: string | undefined;
    headers: Headers;
    body: string | undefined;
  }

  /** A fetch that records the request and answers `status` with `body` (a string is sent as is) and `headers`. */
  function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
    const sent: Sent[] = [];
    const fake: typeof fetch = async (input, init) => {
      sent.push({ url: String(input), method: init?.method, headers: new Headers(init?.headers), body: typeof init?.body === "string" ? init.body : undefined });
      const text = body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body);
      return new Response(text, { status, headers });
    };
    return { sent, wb: new WildberriesClient({ baseUrl: "http://wb.test/", token: "raw-token", fetch: fake }) };
  }

  const gatewayBody = (status: number, title: string) => ({
    title,
    detail: "limited by c122a060-a7fb-4bb4-abb0-32fd4e18d489",
    code: "07e4668e-ac2242c5c8c5-[UK-4dx7JUdskGZ]",
    requestId: "9d3c02cc698f8b041c661a7c28bed293",
    origin: "s2s-api-auth-adv",
    status,
    statusText: "Too Many Requests",
    timestamp: "2026-01-15T09:00:00Z",
  });

  it("sends the token raw in Authorization, the id in the query, and reads X-Ratelimit-Remaining", async () => {
    const { sent, wb } = answering(200, undefined, { "X-Ratelimit-Remaining": "4" });
    expect(await wb.pause(42)).toEqual({ ok: true, httpStatus: 200, result: undefined, rateLimitRemaining: 4 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe("http://wb.test/adv/v0/pause?id=42");
    expect(sent[0]?.method).toBe("GET");
    expect(sent[0]?.headers.get("authorization")).toBe("raw-token");
    expect(sent[0]?.body).toBeUndefined();
  });

  it("campaigns by filters sends them as query parameters with an empty id list; 204 is an empty list", async () => {
    const { sent, wb } = answering(204, undefined);
    expect(await wb.campaigns({ filters: { status: 9, type: 9, order: "id", direction: "asc" } })).toEqual({ ok: true, httpStatus: 204, result: [] });
    expect(sent[0]?.url).toBe("http://wb.test/adv/v1/promotion/adverts?status=9&type=9&order=id&direction=asc");
    expect(sent[0]?.method).toBe("POST");
    expect(sent[0]?.body).toBe("[]");
  });

  it("save-ad's JSON string id becomes a number", async () => {
    const { sent, wb } = answering(200, JSON.stringify("9008917"));
    const body = { type: 8, name: "Авто", subjectId: 765, sum: 1000, btype: 0, on_pause: true, nms: [146168367], cpm: 150 };
    expect(await wb.createAuto(body)).toEqual({ ok: true, httpStatus: 200, result: 9008917 });
    expect(sent[0]?.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(sent[0]?.body ?? "null")).toEqual(body);
  });

  it("429 resolves to rateLimited with X-Ratelimit-Retry, -Limit and -Reset", async () => {
    const gateway = gatewayBody(429, "too many requests");
    const { wb } = answering(429, gateway, { "X-Ratelimit-Retry": "12", "X-Ratelimit-Limit": "5", "X-Ratelimit-Reset": "60" });
    expect(await wb.createAuction({ campaignName: "A", nms: [1] })).toEqual({
      ok: false,
      kind: "rateLimited",
      httpStatus: 429,
      retryAfterSeconds: 12,
      limit: 5,
      resetSeconds: 60,
      gateway,
    });
  });

  it("a 429 without X-Ratelimit-Retry throws: the client cannot say when to retry", async () => {
    const { wb } = answering(429, gatewayBody(429, "too many requests"));
    await expect(wb.start(1)).rejects.toThrow("Wildberries start answered HTTP 429 with a body the client cannot read: a 429 came without an X-Ratelimit-Retry header");
  });

  it("401 resolves to the gateway's object", async () => {
    const gateway = { ...gatewayBody(401, "unauthorized"), detail: "empty Authorization header", statusText: "Unauthorized" };
    const { wb } = answering(401, gateway);
    expect(await wb.stop(1)).toEqual({ ok: false, kind: "gateway", httpStatus: 401, gateway });
  });

  it.each([
    [400, { error: "Некорректный ID кампании" }, "Некорректный ID кампании", "object"],
    [400, "Некорректный идентификатор РК", "Некорректный идентификатор РК", "text"],
  ] as const)("HTTP %i with %j is the method's own error", async (status, body, message, format) => {
    const { wb } = answering(status, JSON.stringify(body));
    expect(await wb.start(1)).toEqual({ ok: false, kind: "method", httpStatus: status, message, format });
  });

  it("a text/plain error (not JSON) is taken as the message", async () => {
    const { wb } = answering(422, "Статус кампании не изменен", { "Content-Type": "text/plain" });
    expect(await wb.start(1)).toEqual({ ok: false, kind: "method", httpStatus: 422, message: "Статус кампании не изменен", format: "text" });
  });

  it("throws, quoting the body, when a 200 is not JSON", async () => {
    const { wb } = answering(200, "<html>Bad Gateway</html>");
    await expect(wb.createAuction({ campaignName: "A", nms: [1] })).rejects.toThrow(
      'Wildberries seacat/save-ad answered HTTP 200 with a body the client cannot read: the body is not JSON. Check baseUrl points at the Promotion API (advert-api) (it got: "<html>Bad Gateway</html>")',
    );
  });

  it("throws, naming the first problem, when a 200 breaks the method's contract", async () => {
    const { wb } = answering(200, JSON.stringify("1234567"));
    await expect(wb.createAuction({ campaignName: "A", nms: [1] })).rejects.toThrow(
      "Wildberries seacat/save-ad answered HTTP 200 with a body the client cannot read: it does not match the method's contract (Invalid input: expected number, received string)",
    );
  });

  it("throws when start answers a body instead of an empty 200", async () => {
    const { wb } = answering(200, { ok: true });
    await expect(wb.start(1)).rejects.toThrow("Wildberries start answered HTTP 200 with a body the client cannot read: expected an empty 200, got HTTP 200");
  });
});
