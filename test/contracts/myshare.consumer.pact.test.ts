import { rm } from "node:fs/promises";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { beforeAll, describe, expect, it } from "vitest";
import { createMyshareClient } from "../../src/clients/myshare/index.js";
import * as C from "../../src/contracts/myshare/index.js";
import { CATALOG_BODY, MS_CONSUMER, MS_DEAL_ID, MS_PACT_DIR, MS_PACT_FILE, MS_PACT_TOKEN, MS_PROVIDER, MS_STATES, offerBody } from "./myshare-pact.js";
import { MYSHARE_STATES } from "../../src/mocks/myshare/provider-states.js";
import { fromState, matchersFor } from "../../src/pact/index.js";
import { contractBody, exact } from "./ym-matchers.js";

const pact = new PactV4({ consumer: MS_CONSUMER, provider: MS_PROVIDER, dir: MS_PACT_DIR, logLevel: "warn" });

const withToken = { Authorization: MS_PACT_TOKEN };
const withJson = { ...withToken, "Content-Type": "application/json" };
const jsonHeaders = { "Content-Type": MatchersV3.regex("^application/json(;.*)?$", "application/json; charset=utf-8") };
const client = (server: { url: string }, token: string | undefined = MS_PACT_TOKEN) => createMyshareClient({ baseUrl: server.url, token });
/** What a reply says, without its Headers object. */
const seen = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

const CATALOG_UUID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const OFFER_UUID = "47774d8c-d4dd-451e-a709-b407a4dac427";
const PUBLIC_ID = "HN3W8";
const PROMO = "D4ZMUNUGAKWJ";
const UID = "PLD2JXPR";
const CREATED_AT = "2026-01-15T09:00:00";

const uuid = (example: string) => MatchersV3.uuid(example);
const dateTime = (example: string) => MatchersV3.regex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?$", example);
const detail = (text: string) => contractBody(C.MsDetailError, { detail: text });

beforeAll(async () => {
  await rm(MS_PACT_FILE, { force: true });
});

describe("myshare affiliate API, as the client uses it", () => {
  it("POST /catalog/ creates a catalog (201)", async () => {
    const response = {
      id: uuid(CATALOG_UUID),
      title: "SuperCatalog",
      catalog_code: "super_catalog",
      offers: [],
      icon: null,
      hold_duration: "30 00:00:00",
      canceled_duration: "14 00:00:00",
      is_promocode_allowed: true,
      category: uuid("86d23d13-9dbb-46f3-82d0-25253c7750c3"),
      business_partner_id: uuid("86d23d13-9dbb-46f3-82d0-25253c7750c4"),
      offer_geo: ["WW"],
      catalog_id: MatchersV3.regex("^[A-Z0-9]{5}$", PUBLIC_ID),
      description: "some_text",
      reward_type: "RevShare",
      localizations: [],
      devices: "All",
      cookies_storage_days: 30,
      moderation_type: "FREE_ENTRY",
      max_promo_code_percent: MatchersV3.number(5),
      min_promo_code_percent: MatchersV3.number(5),
      is_published: true,
      created_at: dateTime(CREATED_AT),
    } as const;
    await pact
      .addInteraction()
      .given(...MS_STATES.noCatalogs)
      .uponReceiving("POST /catalog/ with the documented body")
      .withRequest("POST", "/catalog/", (b) => b.headers(withJson).jsonBody(contractBody(C.MsCatalogCreateRequest, CATALOG_BODY)))
      .willRespondWith(201, (b) => b.headers(jsonHeaders).jsonBody(matchersFor(C.MsCatalogWriteResponse, response)))
      .executeTest(async (server) => {
        const created = await client(server).createCatalog({ body: CATALOG_BODY });
        expect(created).toMatchObject({ status: 201, body: { id: CATALOG_UUID, catalog_id: PUBLIC_ID, hold_duration: "30 00:00:00" } });
      });
  });

  it("POST /offer/ adds an offer to the catalog (201)", async () => {
    const catalogId = fromState(MYSHARE_STATES.catalog, "catalogId", CATALOG_UUID);
    await pact
      .addInteraction()
      .given(...MS_STATES.catalog)
      .uponReceiving("POST /offer/ with a 5 % reward")
      .withRequest("POST", "/offer/", (b) => b.headers(withJson).jsonBody(contractBody(C.MsOfferCreateRequest, { ...offerBody(CATALOG_UUID), catalog_id: catalogId })))
      .willRespondWith(201, (b) =>
        b.headers(jsonHeaders).jsonBody(
          matchersFor(C.MsOffer, {
            id: uuid(OFFER_UUID),
            name: exact("Basic"),
            is_promocode_allowed: true,
            catalog_id: catalogId,
            is_active: true,
            fix_remuneration: null,
            reward_percent: MatchersV3.number(5),
            prices: [{ cost: MatchersV3.number(100), currency: "USD" }],
            description: "Offer description",
          }),
        ),
      )
      .executeTest(async (server) => {
        const created = await client(server).createOffer({ body: offerBody(CATALOG_UUID) });
        expect(created).toMatchObject({ status: 201, body: { id: OFFER_UUID, catalog_id: CATALOG_UUID, reward_percent: 5 } });
      });
  });

  it("POST /deal/ reports a deal a partner's link brought (201)", async () => {
    const anotherData = MatchersV3.fromProviderState("myshare=${uid}&subid=pact", `myshare=${UID}&subid=pact`);
    const body = { status: "Created", offer: "Basic", cost: 100, currency: "USD", deal_id: "pact-deal-2", catalog_code: "super_catalog" } as const;
    await pact
      .addInteraction()
      .given(...MS_STATES.partner)
      .uponReceiving("POST /deal/ with another_data myshare=<uid>")
      .withRequest("POST", "/deal/", (b) => b.headers(withJson).jsonBody(contractBody(C.MsDealCreateRequest, { ...body, another_data: anotherData })))
      .willRespondWith(201, (b) =>
        b.headers(jsonHeaders).jsonBody(
          matchersFor(C.MsDealCreateResponse, {
            another_data: anotherData,
            cost: MatchersV3.number(100),
            is_returned: false,
            promo_code: null,
            currency: "USD",
            status: exact("Created"),
            offer: "Basic",
            deal_id: exact("pact-deal-2"),
            catalog_code: "super_catalog",
          }),
        ),
      )
      .executeTest(async (server) => {
        const created = await client(server).createDeal({ body: { ...body, another_data: `myshare=${UID}&subid=pact` } });
        expect(created).toMatchObject({ status: 201, body: { status: "Created", deal_id: "pact-deal-2" } });
      });
  });

  it("PATCH /deal/{deal_id}/ pays a created deal (cost comes back as a decimal string)", async () => {
    await pact
      .addInteraction()
      .given(...MS_STATES.createdDeal)
      .uponReceiving("PATCH /deal/pact-deal-1/ with status Paid")
      .withRequest("PATCH", `/deal/${MS_DEAL_ID}/`, (b) => b.headers(withJson).jsonBody(contractBody(C.MsDealUpdateRequest, { status: "Paid" })))
      .willRespondWith(200, (b) =>
        b.headers(jsonHeaders).jsonBody(matchersFor(C.MsDealUpdateResponse, { status: exact("Paid"), cost: exact("100.00"), is_returned: false, comment: null })),
      )
      .executeTest(async (server) => {
        expect(seen(await client(server).patchDeal({ params: { id: MS_DEAL_ID }, body: { status: "Paid" } }))).toEqual({
          status: 200,
          body: { status: "Paid", cost: "100.00", is_returned: false, comment: null },
        });
      });
  });

  it("GET /promo/check_promo/ answers a partner code's discount", async () => {
    await pact
      .addInteraction()
      .given(...MS_STATES.partner)
      .uponReceiving("GET /promo/check_promo/ for a partner's code in its catalog")
      .withRequest("GET", "/promo/check_promo/", (b) =>
        b.headers(withToken).query({ code: fromState(MYSHARE_STATES.partner, "promoCode", PROMO), catalog_id: fromState(MYSHARE_STATES.partner, "publicId", PUBLIC_ID) }),
      )
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(matchersFor(C.MsCheckPromoResponse, { percent_discounts: 5 })))
      .executeTest(async (server) => {
        expect(seen(await client(server).checkPromo({ query: { code: PROMO, catalog_id: PUBLIC_ID } }))).toEqual({ status: 200, body: { percent_discounts: 5 } });
      });
  });

  it("GET /deal/{id}/ of an unknown deal is 404 Not found.", async () => {
    await pact
      .addInteraction()
      .given(...MS_STATES.noCatalogs)
      .uponReceiving("GET /deal/no-such-deal/")
      .withRequest("GET", "/deal/no-such-deal/", (b) => b.headers(withToken))
      .willRespondWith(404, (b) => b.headers(jsonHeaders).jsonBody(detail("Not found.")))
      .executeTest(async (server) => {
        expect(seen(await client(server).getDeal({ params: { id: "no-such-deal" } }))).toEqual({ status: 404, body: { detail: "Not found." } });
      });
  });

  it("POST /deal/ without promo_code and another_data is a 400 non_field_errors", async () => {
    const body = { status: "Created", offer: "Basic", cost: 100, currency: "USD", deal_id: "pact-deal-3", catalog_code: "super_catalog" } as const;
    const errors = { non_field_errors: ["Either promo_code or another_data must be provided."] };
    // The body breaks the request contract on purpose (neither promo_code nor another_data): the 400 is the answer to that.
    expect(C.MsDealCreateRequest.safeParse(body).success).toBe(false);
    await pact
      .addInteraction()
      .given(...MS_STATES.partner)
      .uponReceiving("POST /deal/ with no attribution")
      .withRequest("POST", "/deal/", (b) => b.headers(withJson).jsonBody(body))
      .willRespondWith(400, (b) => b.headers(jsonHeaders).jsonBody(contractBody(C.MsValidationError, errors)))
      .executeTest(async (server) => {
        expect(seen(await client(server).createDeal({ body }))).toEqual({ status: 400, body: errors });
      });
  });

  it("a call without a token is 401 with WWW-Authenticate: Token", async () => {
    await pact
      .addInteraction()
      .given(...MS_STATES.noCatalogs)
      .uponReceiving("GET /catalog/ without a token")
      .withRequest("GET", "/catalog/")
      .willRespondWith(401, (b) =>
        b.headers({ ...jsonHeaders, "WWW-Authenticate": "Token" }).jsonBody(detail("Authentication credentials were not provided.")),
      )
      .executeTest(async (server) => {
        const reply = await client(server, undefined).listCatalogs();
        expect(seen(reply)).toEqual({ status: 401, body: { detail: "Authentication credentials were not provided." } });
        expect(reply.headers.get("www-authenticate")).toBe("Token");
      });
  });
});
