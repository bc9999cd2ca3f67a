import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/server.js";
import { makeSandbox } from "../support/sandbox.js";

let sandbox: Sandbox;
let base: string;
beforeAll(async () => {
  sandbox = makeSandbox();
  base = await sandbox.listen(0);
});
afterAll(() => sandbox.close());

async function call(method: string, path: string, token: string | undefined, body?: unknown) {
  const headers: Record<string, string> = token === undefined ? {} : { Authorization: token };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}
const setup = (token: string | undefined, state: string, params?: unknown) => call("POST", "/__sandbox/provider-states", token, { state, params, action: "setup" });
const ym = (token: string, method: string, body: unknown) => call("POST", `/api/offerwall/v1/${method}`, `Bearer ${token}`, body);

describe("POST /__sandbox/provider-states", () => {
  it("sets up a YooMoney campaign with pin counts and returns its id", async () => {
    const set = await setup("Bearer ps-ym", "a YooMoney campaign exists", { status: "started", unusedPins: 2, acceptedPins: 1 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ ymCampaignId: expect.any(Number), partnerCampaignId: 20, clickId: expect.stringMatching(/^\d{6}-\d{7}-\d{5}$/) });
    const info = await ym("ps-ym", "campaigns/info", { ymCampaignId: set.body.ymCampaignId });
    expect(info.body.result).toMatchObject({ campaignStatus: "started", campaignAccepts: 1, campaignPinsStats: { unused: 2, total: 3 } });
  });

  it("starts every setup from a reset tenant", async () => {
    await setup("Bearer ps-reset", "a YooMoney campaign exists", { partnerCampaignId: 7 });
    await setup("Bearer ps-reset", "a YooMoney campaign exists", { partnerCampaignId: 8 });
    const list = await ym("ps-reset", "campaigns/get-all-campaigns", { limit: 10, offset: 0 });
    expect(list.body, JSON.stringify(list.body)).toMatchObject({ total: 1 });
  });

  it("a taken offer past its 336 hours has expired (the state moves the clock)", async () => {
    const set = await setup("Bearer ps-offer", "a YooMoney offer was taken", { pinContent: "CODE1", takenHoursAgo: 340 });
    expect(set.status).toBe(200);
    const redeem = await ym("ps-offer", "campaigns/redeem", { ymCampaignId: set.body.ymCampaignId, pinContent: "CODE1", clickId: set.body.clickId, transactionId: "t1", campaignFee: "100" });
    expect(redeem.body).toMatchObject({ status: "error", errors: { code: "incorrectData", parameter: "pinContent" } });
  });

  it("sets up a Wildberries campaign that ran for two days, with its Moscow dates", async () => {
    const set = await setup("ps-wb", "a Wildberries campaign exists", { type: 9, status: 9, budget: 1000, trafficDays: 2 });
    expect(set.status).toBe(200);
    const clock = await call("GET", "/__sandbox/clock", "ps-wb");
    expect(set.body.end).toBe(new Date(Date.parse(clock.body.now) + 3 * 3_600_000).toISOString().slice(0, 10));
    const adverts = await call("POST", "/adv/v1/promotion/adverts", "ps-wb", [set.body.advertId]);
    expect(adverts.body).toMatchObject([{ advertId: set.body.advertId, type: 9, status: 9 }]);
    expect((await call("GET", "/adv/v1/balance", "ps-wb")).body).toEqual({ balance: 99_000, net: 0, bonus: 0 });
  });

  it("a Wildberries seller has money; a media campaign exists; a rate limit is used up", async () => {
    expect((await setup("ps-wb2", "a Wildberries seller has money", { balance: 5000, bonus: 50 })).body).toMatchObject({ balance: 5000, net: 0, bonus: 50 });
    expect((await call("GET", "/adv/v1/balance", "ps-wb2")).body).toEqual({ balance: 5000, net: 0, bonus: 50 });
    const media = await setup("ps-wb2", "a Wildberries media campaign exists", { status: 9 });
    expect(media.body).toEqual({ advertId: expect.any(Number), itemId: expect.any(Number), begin: expect.any(String), end: expect.any(String) });
    expect((await call("GET", `/adv/v1/advert?id=${media.body.advertId}`, "ps-wb2")).status).toBe(200);
    expect((await setup("ps-wb2", "a Wildberries rate limit is used up", { operation: "getBalance" })).status).toBe(200);
    expect((await call("GET", "/adv/v1/balance", "ps-wb2")).status).toBe(429);
  });

  it("sets up a myshare deal paid 29 days ago that is still held, and approved a day later", async () => {
    const set = await setup("ps-ms", "a myshare deal exists", { status: "Paid", paidDaysAgo: 29, holdDays: 30 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ dealId: "pact-deal-1", catalogCode: "super_catalog", promoCode: expect.any(String), uid: expect.any(String) });
    expect((await call("GET", `/deal/${set.body.id}/`, "ps-ms")).body).toMatchObject({ status: "Paid" });
    await call("POST", "/__sandbox/clock/advance", "Bearer ps-ms", { by: "P1D" });
    expect((await call("GET", `/deal/${set.body.id}/`, "ps-ms")).body).toMatchObject({ status: "Approved" });
  });

  it("a myshare partner joined: its promo code checks", async () => {
    const set = await setup("ps-ms2", "a myshare partner joined", { promoPercent: 5 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ catalogId: expect.any(String), publicId: expect.any(String), promoCode: expect.any(String), uid: expect.any(String) });
  });

  it("an unknown state is a 400 naming the nearest one and listing all", async () => {
    const answer = await setup("Bearer ps-x", "a YooMoney campain exists");
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("unknown_state");
    expect(answer.body.error.message).toContain('did you mean "a YooMoney campaign exists"?');
    expect(answer.body.error.message).toContain('"a myshare deal exists"');
  });

  it("bad params are a 400; a state its params cannot reach is a 409 saying what to change", async () => {
    const bad = await setup("Bearer ps-x", "a YooMoney campaign exists", { status: "running" });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "invalid_params" } } });
    expect(bad.body.error.message).toContain("status");
    const unreachable = await setup("Bearer ps-x", "a YooMoney campaign exists", { status: "pin-required", unusedPins: 3 });
    expect(unreachable).toMatchObject({ status: 409, body: { error: { code: "state_failed" } } });
    expect(unreachable.body.error.message).toContain("send unusedPins 0");
  });

  it("without a token it sets up the tenant \"pact\"; teardown answers {}", async () => {
    const set = await setup(undefined, "a myshare catalog with offers exists");
    expect(set.status).toBe(200);
    expect((await call("GET", `/catalog/${set.body.catalogId}/`, "pact")).status).toBe(200);
    expect(await call("POST", "/__sandbox/provider-states", undefined, { state: "a myshare catalog with offers exists", action: "teardown" })).toEqual({ status: 200, body: {} });
  });

  it("takes the Ruby verifier's body: several states after one reset", async () => {
    const set = await call("POST", "/__sandbox/provider-states", "Bearer ps-many", {
      consumer: "c",
      states: ["a Wildberries seller has money", "a myshare catalog with offers exists"],
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ balance: 100_000, catalogCode: "super_catalog" });
  });
});
