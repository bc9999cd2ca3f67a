import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import {
  addPins,
  advance,
  approve,
  at,
  call,
  control,
  controlError,
  create,
  events,
  HOUR,
  MINUTE,
  OTHER_TOKEN,
  promoBody,
  state,
  statusOf,
  success,
  TOKEN,
  transitions,
  T0_ISO,
  type Target,
} from "./helpers.js";

const merchant = (app: Target, token = TOKEN) => control(app, token, "GET", "/yoomoney/merchant");
const setKind = (app: Target, kind: string, token = TOKEN) => control(app, token, "PUT", "/yoomoney/merchant", { kind });
const BAD_KIND = 'send {"kind": "store" | "aggregator"}: ';

describe("PUT/GET /__sandbox/yoomoney/merchant", () => {
  it("a partner is a store until made an aggregator; the kind is the tenant's; a change is a control event", async () => {
    const { app } = makeSandbox();
    expect((await merchant(app)).body).toEqual({ kind: "store" });
    const set = await setKind(app, "aggregator");
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ kind: "aggregator" });
    expect((await setKind(app, "aggregator")).body).toEqual({ kind: "aggregator" });
    expect((await merchant(app)).body).toEqual({ kind: "aggregator" });
    expect((await merchant(app, OTHER_TOKEN)).body).toEqual({ kind: "store" });
    expect(await events(app, "provider=yoomoney&entity=merchant")).toEqual([
      { seq: 1, at: T0_ISO, provider: "yoomoney", entity: "merchant", id: TOKEN, from: "store", to: "aggregator", cause: "control" },
    ]);
    expect((await setKind(app, "store")).body).toEqual({ kind: "store" });
    expect((await events(app, "provider=yoomoney&entity=merchant")).map((e) => [e.from, e.to])).toEqual([
      ["store", "aggregator"],
      ["aggregator", "store"],
    ]);
  });

  it("refuses a kind that is neither store nor aggregator, and a missing one, with 400 and changes nothing", async () => {
    const { app } = makeSandbox();
    const shop = await setKind(app, "shop");
    expect(shop.status).toBe(400);
    expect(shop.body).toEqual(controlError("invalid_request", `${BAD_KIND}kind: Invalid option: expected one of "store"|"aggregator"`));
    const empty = await control(app, TOKEN, "PUT", "/yoomoney/merchant", {});
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual(controlError("invalid_request", `${BAD_KIND}kind: Invalid option: expected one of "store"|"aggregator"`));
    const none = await control(app, TOKEN, "PUT", "/yoomoney/merchant");
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe("invalid_request");
    const broken = await request(app).put("/__sandbox/yoomoney/merchant").set("Authorization", `Bearer ${TOKEN}`).set("Content-Type", "application/json").send("{kind");
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("malformed_json");
    expect((await merchant(app)).body).toEqual({ kind: "store" });
    expect(await events(app)).toEqual([]);
  });

  it("the kind belongs to the login: users/login again reaches the same aggregator", async () => {
    const { app } = makeSandbox();
    const login = () => request(app).post("/api/offerwall/v1/users/login").send({ login: "agg-1", password: "p" });
    const first = await login();
    await setKind(app, "aggregator", first.body.accessToken);
    const second = await login();
    expect((await merchant(app, second.body.accessToken)).body).toEqual({ kind: "aggregator" });
    expect((await merchant(app)).body).toEqual({ kind: "store" });
  });
});

describe("approval without campaignStart: a store waits, an aggregator starts at once", () => {
  it("a store's approved campaign stays verified (30 days later too) until campaigns/start", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody());
    expect(await approve(app, id)).toBe("verified");
    expect((await advance(app, "P30D")).fired).toEqual([]);
    expect(await statusOf(app, id)).toBe("verified");
    expect((await call(app, TOKEN, "campaigns/start", { ymCampaignId: id })).body).toEqual(success(state(id, "started")));
  });

  it("an aggregator's approved campaign is started at once; the API shows started; start is then idempotent", async () => {
    const { app } = makeSandbox();
    await setKind(app, "aggregator");
    const id = await create(app, {}, TOKEN, promoBody());
    const verdict = await control(app, TOKEN, "POST", `/yoomoney/campaigns/${id}/moderation`, { decision: "approve" });
    expect(verdict.body).toEqual({ ymCampaignId: id, campaignStatus: "started", comment: null });
    expect(await statusOf(app, id)).toBe("started");
    expect((await call(app, TOKEN, "campaigns/info", { ymCampaignId: id })).body.result.campaignStatus).toBe("started");
    expect((await call(app, TOKEN, "campaigns/get-all-campaigns", { limit: 10, offset: 0 })).body.campaigns).toEqual([state(id, "started")]);
    expect((await transitions(app, id)).slice(2)).toEqual([
      ["moderation", "verified", "control", T0_ISO],
      ["verified", "started", "control", T0_ISO],
    ]);
    expect((await call(app, TOKEN, "campaigns/start", { ymCampaignId: id })).body).toEqual(success(state(id, "started")));
  });

  it("an aggregator's one-off campaign without codes waits in pin-required and starts with add-pins", async () => {
    const { app } = makeSandbox();
    await setKind(app, "aggregator");
    const id = await create(app);
    expect(await approve(app, id)).toBe("pin-required");
    const uploaded = await addPins(app, id, ["CODE1"]);
    expect(uploaded.body.result.campaignStatus).toBe("started");
    expect((await transitions(app, id)).slice(2).map(([from, to, cause]) => [from, to, cause])).toEqual([
      ["moderation", "verified", "control"],
      ["verified", "pin-required", "control"],
      ["pin-required", "started", "request"],
    ]);
  });

  it("auto moderation approves an aggregator's campaign 5 minutes later and starts it (cause timer)", async () => {
    const { app } = makeSandbox();
    await setKind(app, "aggregator");
    await control(app, TOKEN, "PATCH", "/settings", { moderation: "auto" });
    const id = await create(app, {}, TOKEN, promoBody());
    await advance(app, "PT5M");
    expect(await statusOf(app, id)).toBe("started");
    expect((await transitions(app, id)).slice(2)).toEqual([
      ["moderation", "verified", "timer", at(5 * MINUTE)],
      ["verified", "started", "timer", at(5 * MINUTE)],
    ]);
  });

  it("the kind decides at approval: making a store an aggregator later starts none of its verified campaigns", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody());
    await approve(app, id);
    await setKind(app, "aggregator");
    expect(await statusOf(app, id)).toBe("verified");
    const later = await create(app, {}, TOKEN, promoBody({ partnerCampaignId: 502 }));
    expect(await approve(app, later)).toBe("started");
  });
});

describe("approval with campaignStart: store and aggregator both wait for it", () => {
  it.each(["store", "aggregator"])("%s: verified until campaignStart, then started by the timer", async (kind) => {
    const { app } = makeSandbox();
    await setKind(app, kind);
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: at(2 * HOUR) }));
    expect(await approve(app, id)).toBe("verified");
    await advance(app, "PT1H");
    expect(await statusOf(app, id)).toBe("verified");
    await advance(app, "PT1H");
    expect(await statusOf(app, id)).toBe("started");
    expect((await transitions(app, id)).slice(3)).toEqual([["verified", "started", "timer", at(2 * HOUR)]]);
  });

  it.each(["store", "aggregator"])("%s: a campaignStart already past starts at approval", async (kind) => {
    const { app } = makeSandbox();
    await setKind(app, kind);
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: "2026-01-01T00:00:00Z" }));
    expect(await approve(app, id)).toBe("started");
  });
});
