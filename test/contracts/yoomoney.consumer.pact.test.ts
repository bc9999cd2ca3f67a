import { rm } from "node:fs/promises";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { beforeAll, describe, expect, it } from "vitest";
import { createYooMoneyClient } from "../../src/clients/yoomoney/index.js";
import * as C from "../../src/contracts/yoomoney/index.js";
import { YOOMONEY_STATES } from "../../src/mocks/yoomoney/provider-states.js";
import { fromState, matchersFor } from "../../src/pact/index.js";
import { contractBody, exact } from "./ym-matchers.js";
import { CONSUMER, CREATE_BODY, PACT_DIR, PACT_FILE, PACT_TOKEN, PIN, PROVIDER, STATES } from "./yoomoney-pact.js";

const API = "/api/offerwall/v1";
const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: PACT_DIR, logLevel: "warn" });

const withToken = { "Content-Type": "application/json", Authorization: `Bearer ${PACT_TOKEN}` };
const jsonHeaders = { "Content-Type": MatchersV3.regex("^application/json(;.*)?$", "application/json; charset=utf-8") };
const client = (server: { url: string }, token: string | undefined = PACT_TOKEN) => createYooMoneyClient({ baseUrl: server.url, token });
/** What a reply says, without its Headers object. */
const seen = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

const ID = 4321;
const CLICK_ID = "128682-1137766-50098";
/** The id of the campaign the state created (the verifier injects the real one). */
const campaignId = () => fromState(YOOMONEY_STATES.campaign, "ymCampaignId", ID);
const offerCampaignId = () => fromState(YOOMONEY_STATES.offerTaken, "ymCampaignId", ID);

interface ExpectedError {
  code: C.ErrorCode;
  value: string;
  description: string;
  parameter?: string;
  /** A regex the description must match; default: any string. */
  descriptionPattern?: string;
}

/** The error envelope as the pact expects it: exact code, value and parameter; the description by type or pattern. */
function errorEnvelope({ descriptionPattern, code, value, description, parameter }: ExpectedError, result?: { ymCampaignId: ReturnType<typeof campaignId>; campaignStatus: C.CampaignStatus }) {
  return matchersFor(C.ErrorResponse, {
    status: "error",
    errors: {
      code: exact(code),
      value: exact(value),
      description: descriptionPattern === undefined ? description : MatchersV3.regex(descriptionPattern, description),
      ...(parameter === undefined ? {} : { parameter: exact(parameter) }),
    },
    ...(result === undefined ? {} : { result: { ymCampaignId: result.ymCampaignId, campaignStatus: exact(result.campaignStatus) } }),
  });
}

beforeAll(async () => {
  // Interactions merge into an existing pact file: start from nothing so removed ones do not linger.
  await rm(PACT_FILE, { force: true });
});

describe("YooMoney offer-program API, as the client uses it", () => {
  it("users/login issues a bearer token", async () => {
    const body = { login: "pact-partner", password: "secret" };
    await pact
      .addInteraction()
      .uponReceiving("users/login with a login and a password")
      .withRequest("POST", `${API}/users/login`, (b) => b.headers({ "Content-Type": "application/json" }).jsonBody(contractBody(C.LoginRequest, body)))
      .willRespondWith(200, (b) =>
        b.headers(jsonHeaders).jsonBody(
          matchersFor(C.LoginResponse, {
            accessToken: MatchersV3.regex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", "eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJwYWN0In0.c2ln"),
            tokenType: "Bearer",
            expiresIn: 3600,
          }),
        ),
      )
      .executeTest(async (server) => {
        expect(seen(await client(server, undefined).login({ body }))).toEqual({
          status: 200,
          body: { accessToken: "eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJwYWN0In0.c2ln", tokenType: "Bearer", expiresIn: 3600 },
        });
      });
  });

  it("campaigns/create sends the new campaign to moderation", async () => {
    await pact
      .addInteraction()
      .given(...STATES.noCampaigns)
      .uponReceiving("campaigns/create for a one-off code campaign")
      .withRequest("POST", `${API}/campaigns/create`, (b) => b.headers(withToken).jsonBody(contractBody(C.CreateCampaignRequest, CREATE_BODY)))
      .willRespondWith(200, (b) =>
        b.headers(jsonHeaders).jsonBody(
          matchersFor(C.CampaignStateResponse, {
            status: "success",
            result: { ymCampaignId: ID, campaignStatus: exact("moderation") },
          }),
        ),
      )
      .executeTest(async (server) => {
        expect(seen(await client(server).createCampaign({ body: CREATE_BODY }))).toEqual({
          status: 200,
          body: { status: "success", result: { ymCampaignId: ID, campaignStatus: "moderation" } },
        });
      });
  });

  it("campaigns/start on a campaign in moderation is failModerator, with its current status", async () => {
    await pact
      .addInteraction()
      .given(...STATES.inModeration)
      .uponReceiving("campaigns/start for a campaign in moderation")
      .withRequest("POST", `${API}/campaigns/start`, (b) =>
        b.headers(withToken).jsonBody(contractBody(C.CampaignKeyRequest, { ymCampaignId: campaignId() })),
      )
      .willRespondWith(200, (b) =>
        b
          .headers(jsonHeaders)
          .jsonBody(
            errorEnvelope(
              { code: "failModerator", value: "On moderation", description: "The campaign is awaiting verification by the moderator" },
              { ymCampaignId: campaignId(), campaignStatus: "moderation" },
            ),
          ),
      )
      .executeTest(async (server) => {
        expect(seen(await client(server).startCampaign({ body: { ymCampaignId: ID } }))).toEqual({
          status: 200,
          body: {
            status: "error",
            errors: { code: "failModerator", value: "On moderation", description: "The campaign is awaiting verification by the moderator" },
            result: { ymCampaignId: ID, campaignStatus: "moderation" },
          },
        });
      });
  });

  it("campaigns/start on a verified campaign without pins is failPin and leaves it pin-required", async () => {
    const description = "This type of campaign cannot be launched without promo codes";
    await pact
      .addInteraction()
      .given(...STATES.verifiedWithoutPins)
      .uponReceiving("campaigns/start for a verified one-off code campaign without pins")
      .withRequest("POST", `${API}/campaigns/start`, (b) =>
        b.headers(withToken).jsonBody(contractBody(C.CampaignKeyRequest, { ymCampaignId: campaignId() })),
      )
      .willRespondWith(200, (b) =>
        b
          .headers(jsonHeaders)
          .jsonBody(
            errorEnvelope({ code: "failPin", value: "No promo codes", description }, { ymCampaignId: campaignId(), campaignStatus: "pin-required" }),
          ),
      )
      .executeTest(async (server) => {
        expect(seen(await client(server).startCampaign({ body: { ymCampaignId: ID } }))).toEqual({
          status: 200,
          body: { status: "error", errors: { code: "failPin", value: "No promo codes", description }, result: { ymCampaignId: ID, campaignStatus: "pin-required" } },
        });
      });
  });

  it("campaigns/add-pins on a pin-required campaign restarts it and counts the codes", async () => {
    const pinList = [PIN, "PACTPIN2"];
    await pact
      .addInteraction()
      .given(...STATES.pinRequired)
      .uponReceiving("campaigns/add-pins with two new codes for a pin-required campaign")
      .withRequest("POST", `${API}/campaigns/add-pins`, (b) =>
        b.headers(withToken).jsonBody(contractBody(C.AddPinsRequest, { ymCampaignId: campaignId(), pinList })),
      )
      .willRespondWith(200, (b) =>
        b.headers(jsonHeaders).jsonBody(
          matchersFor(C.AddPinsResponse, {
            status: "success",
            result: {
              ymCampaignId: campaignId(),
              campaignStatus: exact("started"),
              counters: { unusedPinCount: 2, acceptedPinCount: 0, redeemedPinCount: 0, totalPinCount: 2 },
            },
          }),
        ),
      )
      .executeTest(async (server) => {
        expect(seen(await client(server).addPins({ body: { ymCampaignId: ID, pinList } }))).toEqual({
          status: 200,
          body: {
            status: "success",
            result: {
              ymCampaignId: ID,
              campaignStatus: "started",
              counters: { unusedPinCount: 2, acceptedPinCount: 0, redeemedPinCount: 0, totalPinCount: 2 },
            },
          },
        });
      });
  });

  const redeemBody = {
    ymCampaignId: offerCampaignId(),
    pinContent: PIN,
    clickId: fromState(YOOMONEY_STATES.offerTaken, "clickId", CLICK_ID),
    transactionId: "pact-tx-1",
    redeemStatus: "used",
    campaignFee: "100",
    orderAmount: "1500",
  };
  const redeemCall = {
    ymCampaignId: ID,
    pinContent: PIN,
    clickId: CLICK_ID,
    transactionId: "pact-tx-1",
    redeemStatus: "used",
    campaignFee: "100",
    orderAmount: "1500",
  } as const;

  it("campaigns/redeem reports a lead for a pin a user accepted", async () => {
    await pact
      .addInteraction()
      .given(...STATES.acceptedPin)
      .uponReceiving("campaigns/redeem of an accepted one-off pin")
      .withRequest("POST", `${API}/campaigns/redeem`, (b) => b.headers(withToken).jsonBody(contractBody(C.RedeemRequest, redeemBody)))
      .willRespondWith(200, (b) =>
        b.headers(jsonHeaders).jsonBody(
          matchersFor(C.RedeemResponse, {
            status: "success",
            result: { ymCampaignId: offerCampaignId(), transactionId: exact("pact-tx-1"), redeemStatus: exact("used") },
          }),
        ),
      )
      .executeTest(async (server) => {
        expect(seen(await client(server).redeem({ body: redeemCall }))).toEqual({
          status: 200,
          body: { status: "success", result: { ymCampaignId: ID, transactionId: "pact-tx-1", redeemStatus: "used" } },
        });
      });
  });

  it("campaigns/redeem after the offer expired is incorrectData naming pinContent", async () => {
    const description = "the offer expired at 2026-12-06T06:43:39.697Z (offerDuration hours after it was taken)";
    await pact
      .addInteraction()
      .given(...STATES.expiredOffer)
      .uponReceiving("campaigns/redeem of a pin whose offer expired")
      .withRequest("POST", `${API}/campaigns/redeem`, (b) => b.headers(withToken).jsonBody(contractBody(C.RedeemRequest, redeemBody)))
      .willRespondWith(200, (b) =>
        b.headers(jsonHeaders).jsonBody(
          errorEnvelope({
            code: "incorrectData",
            value: "Incorrect data",
            description,
            parameter: "pinContent",
            descriptionPattern: "^the offer expired at \\d{4}-\\d{2}-\\d{2}T.*$",
          }),
        ),
      )
      .executeTest(async (server) => {
        expect(seen(await client(server).redeem({ body: redeemCall }))).toEqual({
          status: 200,
          body: { status: "error", errors: { code: "incorrectData", value: "Incorrect data", description, parameter: "pinContent" } },
        });
      });
  });

  it("campaigns/info for an unknown id is campaignNotFound", async () => {
    const description = "No campaign 999999 exists for this partner";
    await pact
      .addInteraction()
      .given(...STATES.noCampaigns)
      .uponReceiving("campaigns/info for an id the partner does not have")
      .withRequest("POST", `${API}/campaigns/info`, (b) => b.headers(withToken).jsonBody(contractBody(C.CampaignKeyRequest, { ymCampaignId: 999999 })))
      .willRespondWith(200, (b) => b.headers(jsonHeaders).jsonBody(errorEnvelope({ code: "campaignNotFound", value: "Not found", description })))
      .executeTest(async (server) => {
        expect(seen(await client(server).campaignInfo({ body: { ymCampaignId: 999999 } }))).toEqual({
          status: 200,
          body: { status: "error", errors: { code: "campaignNotFound", value: "Not found", description } },
        });
      });
  });

  it("a call without a token is HTTP 401 with the error envelope", async () => {
    const description = "No access token: send Authorization: Bearer <access token> (users/login issues one)";
    await pact
      .addInteraction()
      .uponReceiving("campaigns/info without an Authorization header")
      .withRequest("POST", `${API}/campaigns/info`, (b) =>
        b.headers({ "Content-Type": "application/json" }).jsonBody(contractBody(C.CampaignKeyRequest, { ymCampaignId: ID })),
      )
      .willRespondWith(401, (b) => b.headers(jsonHeaders).jsonBody(errorEnvelope({ code: "unauthorized", value: "Unauthorized", description })))
      .executeTest(async (server) => {
        expect(seen(await client(server, undefined).campaignInfo({ body: { ymCampaignId: ID } }))).toEqual({
          status: 401,
          body: { status: "error", errors: { code: "unauthorized", value: "Unauthorized", description } },
        });
      });
  });
});
