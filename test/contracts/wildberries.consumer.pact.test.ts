import { rm } from "node:fs/promises";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { beforeAll, describe, expect, it } from "vitest";
import { createWildberriesClient } from "../../src/clients/wildberries/index.js";
import * as Campaigns from "../../src/contracts/wildberries/campaigns.js";
import { WbErrorText, WbGatewayError } from "../../src/contracts/wildberries/errors.js";
import * as Finance from "../../src/contracts/wildberries/finance.js";
import * as Stats from "../../src/contracts/wildberries/stats.js";
import { WILDBERRIES_STATES } from "../../src/mocks/wildberries/provider-states.js";
import { fromState, matchersFor } from "../../src/pact/index.js";
import { contractBody, exact } from "./ym-matchers.js";
import { DEPOSIT, WB_CONSUMER, WB_PACT_DIR, WB_PACT_FILE, WB_PACT_TOKEN, WB_PROVIDER, WB_STATES } from "./wildberries-pact.js";

const pact = new PactV4({ consumer: WB_CONSUMER, provider: WB_PROVIDER, dir: WB_PACT_DIR, logLevel: "warn" });

/** The token goes raw in Authorization (no Bearer), as Wildberries documents. */
const withToken = { Authorization: WB_PACT_TOKEN };
const withTokenJson = { ...withToken, "Content-Type": "application/json" };
const jsonHeaders = { "Content-Type": MatchersV3.regex("^application/json(;.*)?$", "application/json; charset=utf-8") };
const client = (server: { url: string }) => createWildberriesClient({ baseUrl: server.url, token: WB_PACT_TOKEN });
/** What a reply says, without its Headers object. */
const seen = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

const ADVERT_ID = 1234567;
const NM = 146168367;
const MOSCOW_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+03:00$";
/** The id of the campaign the state created (the verifier injects the real one). */
const advertIdFromState = () => fromState(WILDBERRIES_STATES.campaign, "advertId", ADVERT_ID);
const advertIdQuery = () => ({ id: advertIdFromState() });
const moscowTime = (example: string) => MatchersV3.regex(MOSCOW_TIME, example);

beforeAll(async () => {
  // Interactions merge into an existing pact file: start from nothing so removed ones do not linger.
  await rm(WB_PACT_FILE, { force: true });
});

describe("Wildberries Promotion API, as the client uses it", () => {
  it("seacat/save-ad creates an Auction campaign and answers its id as a JSON integer", async () => {
    const body = { campaignName: "Pact аукцион", nms: [fromState(WILDBERRIES_STATES.seller, "nm", NM)] };
    await pact
      .addInteraction()
      .given(...WB_STATES.catalogue)
      .uponReceiving("seacat/save-ad with one nm of the seller's catalogue")
      .withRequest("POST", "/adv/v2/seacat/save-ad", (b) => b.headers(withTokenJson).jsonBody(contractBody(Campaigns.WbSeacatSaveAdRequest, body)))
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(matchersFor(Campaigns.WbSeacatSaveAdResponse, ADVERT_ID)))
      .executeTest(async (server) => {
        expect(seen(await client(server).createAuctionCampaign({ body: { campaignName: "Pact аукцион", nms: [NM] } }))).toEqual({ status: 200, body: ADVERT_ID });
      });
  });

  it("budget/deposit with return: true answers the new budget", async () => {
    await pact
      .addInteraction()
      .given(...WB_STATES.auctionReady)
      .uponReceiving("budget/deposit of 1000 from the account into a new Auction campaign, with return")
      .withRequest("POST", "/adv/v1/budget/deposit", (b) => b.headers(withTokenJson).query(advertIdQuery()).jsonBody(contractBody(Finance.WbDepositRequest, DEPOSIT)))
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(matchersFor(Finance.WbDepositResponse, { total: 1000 })))
      .executeTest(async (server) => {
        expect(seen(await client(server).depositCampaignBudget({ query: { id: ADVERT_ID }, body: DEPOSIT }))).toEqual({ status: 200, body: { total: 1000 } });
      });
  });

  it("fullstats by interval answers totals, days, apps and nms", async () => {
    const BEGIN = "2026-01-15";
    const END = "2026-01-17";
    const stat = { views: 653, clicks: 24, ctr: 3.68, cpc: 4.08, sum: 97.95, atbs: 4, orders: 2, cr: 8.33, shks: 2, sum_price: 3980 };
    const date = "^\\d{4}-\\d{2}-\\d{2}$";
    const nm = { ...stat, name: "Плед", nmId: NM };
    const app = { ...stat, appType: 1, nm: [nm] };
    const day = { date: "2026-01-15T00:00:00+03:00", ...stat, apps: [app] };
    // boosterStats is for automatic campaigns: an Auction's is empty.
    const example = { interval: { begin: BEGIN, end: END }, ...stat, days: [day], boosterStats: [], advertId: ADVERT_ID };
    const template = [
      {
        ...example,
        interval: { begin: MatchersV3.regex(date, BEGIN), end: MatchersV3.regex(date, END) },
        days: [{ ...day, date: moscowTime(day.date) }],
        boosterStats: exact([]),
        advertId: advertIdFromState(),
      },
    ];
    const request = [
      { id: advertIdFromState(), interval: { begin: fromState(WILDBERRIES_STATES.campaign, "begin", BEGIN), end: fromState(WILDBERRIES_STATES.campaign, "end", END) } },
    ];
    await pact
      .addInteraction()
      .given(...WB_STATES.auctionRan)
      .uponReceiving("fullstats of an Auction campaign over the interval it ran")
      .withRequest("POST", "/adv/v2/fullstats", (b) => b.headers(withTokenJson).jsonBody(contractBody(Stats.WbFullstatsRequest, request)))
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(matchersFor(Stats.WbFullstatsResponse, template)))
      .executeTest(async (server) => {
        expect(seen(await client(server).getFullStats({ body: [{ id: ADVERT_ID, interval: { begin: BEGIN, end: END } }] }))).toEqual({ status: 200, body: [example] });
      });
  });

  it("start launches a campaign with a budget: an empty 200", async () => {
    await pact
      .addInteraction()
      .given(...WB_STATES.auctionFunded)
      .uponReceiving("start of a funded Auction campaign in status 4")
      .withRequest("GET", "/adv/v0/start", (b) => b.headers(withToken).query(advertIdQuery()))
      .willRespondWith(200)
      .executeTest(async (server) => {
        expect(seen(await client(server).startCampaign({ query: { id: ADVERT_ID } }))).toEqual({ status: 200, body: undefined });
      });
  });

  it("start of a completed campaign is 422 \"Статус кампании не изменен\"", async () => {
    const message = "Статус кампании не изменен";
    await pact
      .addInteraction()
      .given(...WB_STATES.auctionCompleted)
      .uponReceiving("start of a completed (7) Auction campaign")
      .withRequest("GET", "/adv/v0/start", (b) => b.headers(withToken).query(advertIdQuery()))
      // A bare JSON string (with its quotes), as the seed-era API answers its errors. jsonBody takes a
      // string as JSON text already serialised, hence the stringify.
      .willRespondWith(422, (b) => b.headers(jsonHeaders).jsonBody(JSON.stringify(WbErrorText.parse(message))))
      .executeTest(async (server) => {
        expect(seen(await client(server).startCampaign({ query: { id: ADVERT_ID } }))).toEqual({ status: 422, body: message });
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
      name: exact("Pact"),
      status: exact(9),
      advertId: advertIdFromState(),
    };
    await pact
      .addInteraction()
      .given(...WB_STATES.auctionActive)
      .uponReceiving("promotion/adverts for the id of an active Auction campaign")
      .withRequest("POST", "/adv/v1/promotion/adverts", (b) => b.headers(withTokenJson).jsonBody(contractBody(Campaigns.WbAdvertsRequest, [advertIdFromState()])))
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(matchersFor(Campaigns.WbAdverts, [template])))
      .executeTest(async (server) => {
        expect(seen(await client(server).getCampaigns({ body: [ADVERT_ID] }))).toEqual({ status: 200, body: [example] });
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
      title: exact(gateway.title),
      status: exact(gateway.status),
      statusText: exact(gateway.statusText),
      detail: MatchersV3.regex("^limited by [0-9a-f-]{36}$", gateway.detail),
      code: MatchersV3.string(gateway.code),
      requestId: MatchersV3.regex("^[0-9a-f]{32}$", gateway.requestId),
      origin: MatchersV3.string(gateway.origin),
      timestamp: MatchersV3.regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", gateway.timestamp),
    };
    const seconds = (example: string) => MatchersV3.regex("^[1-9]\\d*$", example);
    await pact
      .addInteraction()
      .given(...WB_STATES.advertsExhausted)
      .uponReceiving("a sixth promotion/adverts call within the same instant")
      .withRequest("POST", "/adv/v1/promotion/adverts", (b) => b.headers(withTokenJson).query({ status: "9" }).jsonBody(contractBody(Campaigns.WbAdvertsRequest, [])))
      .willRespondWith(429, (b) =>
        b
          .headers({ ...jsonHeaders, "X-Ratelimit-Retry": seconds("1"), "X-Ratelimit-Limit": "5", "X-Ratelimit-Reset": seconds("1") })
          .jsonBody(matchersFor(WbGatewayError, template)),
      )
      .executeTest(async (server) => {
        const reply = await client(server).getCampaigns({ query: { status: 9 }, body: [] });
        expect(seen(reply)).toEqual({ status: 429, body: gateway });
        expect(["x-ratelimit-retry", "x-ratelimit-limit", "x-ratelimit-reset"].map((name) => reply.headers.get(name))).toEqual(["1", "5", "1"]);
      });
  });
});
