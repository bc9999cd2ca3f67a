import { describe, expect, it } from "vitest";
import { SandboxState } from "../../../src/contracts/sandbox/state.js";
import type { JsonObject, JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, createAuto, fund } from "./campaign-fixtures.js";
import { advance, control, OTHER_TOKEN, settings, TOKEN, wb, type Target } from "./helpers.js";

interface Ids {
  auto: number;
  auction: number;
  doomed: number;
  running: number;
  held: number;
}

/** What a call answered: its status and body (empty bodies as ""). */
async function seen(res: Promise<{ status: number; body: unknown; text: string }>): Promise<JsonValue> {
  const r = await res;
  const body: JsonValue = r.text === "" ? "" : JSON.parse(r.text);
  return { status: r.status, body };
}

async function exportState(app: Target, token: string = TOKEN): Promise<JsonObject> {
  const res = await control(app, "GET", "/state", undefined, token);
  expect(res.status).toBe(200);
  SandboxState.parse(res.body);
  return res.body;
}

async function clockAdvance(app: Target, by: string, token: string = TOKEN): Promise<JsonValue> {
  const res = await control(app, "POST", "/clock/advance", { by }, token);
  expect(res.status).toBe(200);
  return res.body;
}

async function mediaCampaign(app: Target, body: JsonObject, token: string = TOKEN): Promise<number> {
  const res = await control(app, "POST", "/wildberries/media-campaigns", { name: "Медиа", brand: "Plank", type: 2, budget: 5000, items: [{ name: "Баннер", cpm: 300 }], ...body }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.advertId;
}

/**
 * A busy seller: money in all three sources and a payment; an automatic campaign and an Auction with
 * phrases running for three days (traffic, spend, upd rows); a media campaign running, another in its
 * launch hold; a deleted Auction awaiting its purge; then, under realistic consistency, a queued pause,
 * a queued bid and a rename that list readers do not see yet.
 */
async function populate(app: Target): Promise<Ids> {
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  await fund(app, 20_000);
  await control(app, "POST", "/wildberries/balance", { net: 3000, bonus: 500 }).expect(200);
  const auto = await createAuto(app, { sum: 3000 });
  await wb(app, "POST", `/adv/v1/auto/set-excluded?id=${auto}`, { excluded: ["чехол силиконовый"] }).expect(200);
  const auction = await createAuction(app);
  await wb(app, "POST", `/adv/v1/budget/deposit?id=${auction}`, { sum: 1500, type: 1 }).expect(200);
  await wb(app, "POST", `/adv/v1/search/set-phrase?id=${auction}`, { phrase: ["дешево"] }).expect(200);
  await wb(app, "GET", `/adv/v0/start?id=${auction}`).expect(200);
  await advance(app, "P3D");
  const running = await mediaCampaign(app, {});
  await advance(app, "PT5H30M");
  const held = await mediaCampaign(app, { status: 9 });
  await wb(app, "POST", "/adv/v1/advert/start", { advert_id: held, reason: "запуск" }).expect(200);
  const doomed = await createAuction(app, { campaignName: "Удалить" });
  await wb(app, "GET", `/adv/v0/delete?id=${doomed}`).expect(200);
  await settings(app, { consistency: "realistic" });
  await advance(app, "PT20S");
  await wb(app, "GET", `/adv/v0/pause?id=${auto}`).expect(200);
  await wb(app, "POST", "/adv/v0/cpm", { advertId: auto, type: 8, cpm: 250 }).expect(200);
  await wb(app, "POST", "/adv/v0/rename", { advertId: auction, name: "Новое имя" }).expect(200);
  return { auto, auction, doomed, running, held };
}

/** Everything a user can read about the seller. */
async function observe(app: Target, ids: Ids, token: string = TOKEN): Promise<JsonValue[]> {
  const get = (path: string) => seen(wb(app, "GET", path, undefined, token));
  const post = (path: string, body: JsonValue) => seen(wb(app, "POST", path, body, token));
  const interval = { begin: "2026-01-15", end: "2026-01-25" };
  return [
    await get("/adv/v1/promotion/count"),
    await post("/adv/v1/promotion/adverts", [ids.auto, ids.auction, ids.doomed]),
    await get(`/adv/v1/budget?id=${ids.auto}`),
    await get(`/adv/v1/budget?id=${ids.auction}`),
    await get("/adv/v1/balance"),
    await get("/adv/v1/payments"),
    await get("/adv/v1/upd?from=2026-01-15&to=2026-01-25"),
    await post("/adv/v2/fullstats", [{ id: ids.auto, interval }, { id: ids.auction, interval }]),
    await get(`/adv/v1/stat/words?id=${ids.auction}`),
    await get(`/adv/v2/auto/stat-words?id=${ids.auto}`),
    await get(`/adv/v0/stats/keywords?advert_id=${ids.auction}&from=2026-01-15&to=2026-01-21`),
    await get(`/adv/v1/auto/getnmtoadd?id=${ids.auto}`),
    await get("/adv/v1/count"),
    await get("/adv/v1/adverts"),
    await get(`/adv/v1/advert?id=${ids.running}`),
    await get(`/adv/v1/advert?id=${ids.held}`),
    await post("/adv/v1/stats", [{ id: ids.running, interval }, { id: ids.held, interval }]),
    await seen(control(app, "GET", "/clock", undefined, token)),
    await seen(control(app, "GET", "/settings", undefined, token)),
  ];
}

/** What happens next: the queued action and bid apply, the purge and the launch hold end, traffic runs, new ids are drawn. */
async function continueWith(app: Target, ids: Ids, token: string = TOKEN): Promise<JsonValue[]> {
  const out: JsonValue[] = [await clockAdvance(app, "PT10M", token), await observe(app, ids, token)];
  await settings(app, { consistency: "immediate" }, token);
  const next = await createAuction(app, { campaignName: "После" }, token);
  out.push(next);
  await wb(app, "POST", `/adv/v1/budget/deposit?id=${next}`, { sum: 1000, type: 0 }, token).expect(200);
  await wb(app, "GET", `/adv/v0/start?id=${next}`, undefined, token).expect(200);
  out.push(await clockAdvance(app, "P2D", token), await observe(app, { ...ids, doomed: next }, token));
  return out;
}

function bodyOf(answer: JsonValue | undefined): JsonValue {
  if (typeof answer !== "object" || answer === null || Array.isArray(answer)) throw new Error(`not an answer: ${JSON.stringify(answer)}`);
  return answer["body"] ?? null;
}

/** A campaign of a /adv/v1/promotion/adverts answer. */
function listed(answer: JsonValue | undefined, advertId: number): JsonValue | undefined {
  const body = bodyOf(answer);
  return Array.isArray(body) ? body.find((c) => typeof c === "object" && c !== null && !Array.isArray(c) && c["advertId"] === advertId) : undefined;
}

describe("GET / PUT /__sandbox/state with Wildberries state", () => {
  it("a tenant that never used Wildberries exports null and imports it as a fresh seller", async () => {
    const { app } = makeSandbox();
    const snapshot = await exportState(app);
    expect(snapshot["providers"]).toMatchObject({ wildberries: null });
    expect((await control(app, "PUT", "/state", snapshot)).status).toBe(200);
    expect((await exportState(app))["providers"]).toMatchObject({ wildberries: null });
    expect((await wb(app, "GET", "/adv/v1/balance")).body).toEqual({ balance: 0, net: 0, bonus: 0 });
  });

  it("export, reset, import (same tenant and another) answers every read the same and continues exactly as without the round trip", async () => {
    const exported = makeSandbox();
    const ids = await populate(exported.app);
    const before = await observe(exported.app, ids);
    // The tenant is what it claims: list readers still see the old name, the old bid and no pause,
    // the media campaign is in its launch hold, money and upd rows are there.
    expect(listed(before[1], ids.auction)).toMatchObject({ name: "Аукцион", status: 9 });
    expect(listed(before[1], ids.auto)).toMatchObject({ status: 9, autoParams: expect.objectContaining({ cpm: 150 }) });
    expect(bodyOf(before[4])).toEqual({ balance: 17_000, net: 1500, bonus: 500 });
    expect(bodyOf(before[15])).toMatchObject({ advertId: ids.held, status: 4 });
    expect(bodyOf(before[6])).toHaveLength(8);
    const snapshot = await exportState(exported.app);

    await control(exported.app, "POST", "/reset").expect(200);
    expect((await wb(exported.app, "GET", "/adv/v1/balance")).body).toEqual({ balance: 0, net: 0, bonus: 0 });
    expect((await wb(exported.app, "GET", "/adv/v1/promotion/count")).body).toEqual({ adverts: null, all: 0 });

    const same = await control(exported.app, "PUT", "/state", snapshot);
    expect(same.body).toEqual({ tenant: TOKEN, imported: true });
    expect(await observe(exported.app, ids)).toEqual(before);
    expect(await exportState(exported.app)).toEqual(snapshot);

    const other = await control(exported.app, "PUT", "/state", snapshot, OTHER_TOKEN);
    expect(other.body).toEqual({ tenant: OTHER_TOKEN, imported: true });
    expect(await observe(exported.app, ids, OTHER_TOKEN)).toEqual(before);

    // A sandbox that never round-tripped, fed the same calls (export included: exporting a tenant
    // that never used YooMoney draws YooMoney's first id from the tenant's generator), must continue
    // exactly as the imported tenants do.
    const untouched = makeSandbox();
    expect(await populate(untouched.app)).toEqual(ids);
    expect(await observe(untouched.app, ids)).toEqual(before);
    expect(await exportState(untouched.app)).toEqual(snapshot);
    const expected = await continueWith(untouched.app, ids);
    expect(await continueWith(exported.app, ids)).toEqual(expected);
    expect(await continueWith(exported.app, ids, OTHER_TOKEN)).toEqual(expected);

    // What the continuation saw, spot-checked: the queued pause and bid applied at their boundaries,
    // the deleted campaign was purged and the media launch hold ended, after the import.
    const fired = expected[0];
    if (typeof fired !== "object" || fired === null || Array.isArray(fired)) throw new Error("no advance report");
    expect(fired["fired"]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "wildberries.campaignBids", advertId: ids.auto, applied: 1 }),
        expect.objectContaining({ kind: "wildberries.campaignAction", advertId: ids.auto, action: "pause", applied: true, status: 11 }),
        expect.objectContaining({ kind: "wildberries.campaignPurge", advertId: ids.doomed, purged: true }),
        expect.objectContaining({ kind: "wildberries.mediaLaunch", advertId: ids.held, status: 6 }),
      ]),
    );
    const after = expected[1];
    if (!Array.isArray(after)) throw new Error("no observation");
    expect(listed(after[1], ids.auction)).toMatchObject({ name: "Новое имя" });
    expect(listed(after[1], ids.auto)).toMatchObject({ status: 11, autoParams: expect.objectContaining({ cpm: 250 }) });
    expect(bodyOf(after[15])).toMatchObject({ advertId: ids.held, status: 6 });
  });
});

describe("a corrupted Wildberries snapshot is refused with 400 invalid_state and the tenant is unchanged", () => {
  type Corrupt = (wildberries: JsonObject, snapshot: JsonObject) => void;
  const PREFIX = "the snapshot was not imported and the tenant is unchanged: providers.wildberries: ";

  const object = (v: JsonValue | undefined): JsonObject => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error(`not an object: ${JSON.stringify(v)}`);
    return v;
  };
  const first = (v: JsonValue | undefined): JsonObject => (Array.isArray(v) ? object(v[0]) : object(undefined));

  async function refuse(corrupt: Corrupt): Promise<JsonValue> {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    await fund(app, 5000);
    const auto = await createAuto(app);
    await advance(app, "PT2H");
    const media = await mediaCampaign(app, { status: 9 });
    await wb(app, "POST", "/adv/v1/advert/start", { advert_id: media }).expect(200);
    const ids: Ids = { auto, auction: auto, doomed: auto, running: media, held: media };
    const before = await observe(app, ids);
    const snapshot = await exportState(app);
    const broken = object(JSON.parse(JSON.stringify(snapshot)));
    corrupt(object(object(broken["providers"])["wildberries"]), broken);
    const res = await control(app, "PUT", "/state", broken);
    expect(res.status).toBe(400);
    expect(await observe(app, ids)).toEqual(before);
    expect(await exportState(app)).toEqual(snapshot);
    return res.body;
  }

  const invalid = (message: string) => ({ error: { code: "invalid_state", message: `${PREFIX}${message}` } });

  it("an unknown campaign status names its path", async () => {
    const body = await refuse((wbState) => {
      first(wbState["campaigns"])["status"] = 5;
    });
    expect(body).toEqual(invalid('campaigns[0].status: Invalid option: expected one of -1|4|7|8|9|11'));
  });

  it("a campaign without its budget", async () => {
    const body = await refuse((wbState) => {
      delete first(wbState["campaigns"])["budget"];
    });
    expect(body).toEqual(invalid("campaigns[0].budget: Invalid input: expected number, received undefined"));
  });

  it("a queued action whose timer is not in the scheduler", async () => {
    const body = await refuse((wbState, snapshot) => {
      const campaign = first(wbState["campaigns"]);
      campaign["pendingAction"] = "pause";
      campaign["pendingActionTimer"] = object(snapshot["scheduler"])["nextId"] ?? 0;
    });
    expect(body).toMatchObject({ error: { code: "invalid_state" } });
    expect(JSON.stringify(body)).toMatch(/campaigns\[0\]\.pendingActionTimer: timer \d+ is not pending in scheduler\.timers; add it there or set campaigns\[0\]\.pendingActionTimer to null/);
  });

  it("a media launch timer that is another kind of timer", async () => {
    const body = await refuse((wbState) => {
      const media = first(wbState["media"]);
      media["launchTimer"] = object(wbState["traffic"])["timer"] ?? null;
    });
    expect(JSON.stringify(body)).toMatch(/media\[0\]\.launchTimer: timer \d+ is a \\"wildberries\.traffic\\" timer for \{\}, not a \\"wildberries\.mediaLaunch\\" timer for advertId \d+/);
  });

  it("two campaigns with one advertId", async () => {
    const body = await refuse((wbState) => {
      first(wbState["media"])["advertId"] = first(wbState["campaigns"])["advertId"] ?? 0;
    });
    expect(JSON.stringify(body)).toContain("is used by two campaigns (promotion and media campaigns share one id sequence); every advertId must be unique");
  });

  it("an id counter below an id it handed out", async () => {
    const body = await refuse((wbState) => {
      wbState["nextAdvertId"] = 1;
    });
    expect(JSON.stringify(body)).toMatch(/nextAdvertId: 1 is the last id handed out, but campaign \d+ exists; set nextAdvertId to at least the largest advertId/);
  });

  it("an active campaign missing from the traffic simulation", async () => {
    const body = await refuse((wbState) => {
      object(wbState["traffic"])["active"] = [];
    });
    expect(JSON.stringify(body)).toMatch(/traffic\.active: campaign \d+ is active \(9\) but missing from traffic\.active, so it would get no traffic/);
  });

  it("a Wildberries part that is not an object", async () => {
    const body = await refuse((_wbState, snapshot) => {
      object(snapshot["providers"])["wildberries"] = [];
    });
    expect(body).toEqual(invalid("Invalid input: expected object, received array"));
  });
});

it("a __proto__ key in the snapshot's media traffic never reaches an object: it is dropped like any unknown key", async () => {
  const { app } = makeSandbox();
  await settings(app, { rateLimits: "off" });
  const media = await mediaCampaign(app, {});
  await advance(app, "PT2H");
  const stats = (await wb(app, "POST", "/adv/v1/stats", [{ id: media }]).expect(200)).body;
  const snapshot = await exportState(app);
  const text = JSON.stringify(snapshot).replace('"traffic":{"', '"traffic":{"__proto__":{"views":7,"clicks":0,"atbs":0,"orders":0,"expenses":0},"');
  expect(text).toContain("__proto__");
  const res = await control(app, "PUT", "/state").set("Content-Type", "application/json").send(text);
  expect(res.status).toBe(200);
  expect(await exportState(app)).toEqual(snapshot);
  expect(Object.prototype).not.toHaveProperty("views");
  expect((await wb(app, "POST", "/adv/v1/stats", [{ id: media }]).expect(200)).body).toEqual(stats);
});
