import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import {
  addPins,
  call,
  campaignIn,
  create,
  createBody,
  events,
  finishedCampaign,
  incorrect,
  journal,
  promoBody,
  reusableBody,
  startedCampaign,
  startedOneOff,
  state,
  statusOf,
  success,
  takeOffer,
  TOKEN,
  T0_ISO,
  without,
  ymError,
  type Status,
} from "./helpers.js";

const counters = (id: number, campaignStatus: Status, unused: number, accepted: number, redeemed: number, total: number) =>
  success({
    ymCampaignId: id,
    campaignStatus,
    counters: { unusedPinCount: unused, acceptedPinCount: accepted, redeemedPinCount: redeemed, totalPinCount: total },
  });

const pinsIn = async (app: Parameters<typeof call>[0], id: number, pinStatus: string) =>
  (await call(app, TOKEN, "campaigns/get-pins-by-status", { ymCampaignId: id, pinStatus })).body;

const NOT_ONE_OFF = "campaigns/add-pins is only for codeOnline or codeOffline campaigns with pinType one-off";

describe("campaigns/add-pins", () => {
  it("adds codes and answers exact counters; the status is unchanged", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const res = await addPins(app, id, ["dykLadno", "storubley", "1234567"]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(counters(id, "verified", 3, 0, 0, 3));
    expect(await statusOf(app, id)).toBe("verified");
  });

  it("accepts partnerCampaignId as the key", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const res = await call(app, TOKEN, "campaigns/add-pins", { partnerCampaignId: 501, pinList: ["A1"] });
    expect(res.body).toEqual(counters(id, "verified", 1, 0, 0, 1));
  });

  it("skips duplicates, case-insensitively, within the request and against stored codes, and counts only what was added", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    expect((await addPins(app, id, ["abc1", "ABC1", "x9", "Abc1"])).body).toEqual(counters(id, "verified", 2, 0, 0, 2));
    expect((await addPins(app, id, ["X9", "aBc1", "new1"])).body).toEqual(counters(id, "verified", 3, 0, 0, 3));
    expect((await addPins(app, id, ["NEW1"])).body).toEqual(counters(id, "verified", 3, 0, 0, 3));
    // The stored spelling is the first one uploaded.
    expect(await pinsIn(app, id, "new_unused")).toEqual(success({ ymCampaignId: id, pinStatus: "new_unused", pins: ["abc1", "x9", "new1"] }));
    // One pinList event per upload that added something, not one per code.
    const uploads = await events(app, "entity=pinList");
    expect(uploads.map((e) => [e.id, e.from, e.to, e.detail, e.cause, e.at])).toEqual([
      [String(id), 0, 2, { added: 2, skipped: 2 }, "request", T0_ISO],
      [String(id), 2, 3, { added: 1, skipped: 2 }, "request", T0_ISO],
    ]);
  });

  it.each([
    { name: "a code with a dash", pinList: ["ok1", "ab-1"], index: 1 },
    { name: "an empty code", pinList: [""], index: 0 },
    { name: "a 65-character code", pinList: ["a1", "b2", "c".repeat(65)], index: 2 },
    { name: "a Cyrillic code", pinList: ["код1"], index: 0 },
    { name: "a code with a space", pinList: ["A B"], index: 0 },
  ])("refuses $name with incorrectData naming pinList.N, and stores nothing", async ({ pinList, index }) => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const res = await addPins(app, id, pinList);
    expect(res.body).toEqual(incorrect(`pinList.${index}`, `pinList.${index}: must be 1-64 letters and digits`));
    expect((await addPins(app, id, ["probe"])).body).toEqual(counters(id, "verified", 1, 0, 0, 1));
  });

  it("accepts a code of exactly 64 letters and digits", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    expect((await addPins(app, id, ["Z9".repeat(32)])).body).toEqual(counters(id, "verified", 1, 0, 0, 1));
  });

  it("refuses a code that is not a string", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    expect((await addPins(app, id, ["A1", 1234567])).body).toEqual(incorrect("pinList.1", "pinList.1: Invalid input: expected string, received number"));
  });

  it("refuses an empty or missing pinList", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    expect((await addPins(app, id, [])).body).toEqual(incorrect("pinList", "pinList: must hold at least one code"));
    expect((await call(app, TOKEN, "campaigns/add-pins", { ymCampaignId: id })).body).toEqual(incorrect("pinList", "pinList is required"));
  });

  it.each([
    { name: "a promo campaign", body: promoBody() },
    { name: "a reusable-code campaign", body: reusableBody() },
  ])("refuses $name with incorrectData and its state", async ({ body }) => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, body);
    expect((await addPins(app, id, ["A1"])).body).toEqual(incorrect("pinList", NOT_ONE_OFF, state(id, "started")));
  });

  it("works for a codeOffline one-off campaign", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, without(createBody({ campaignType: "codeOffline", pinDisplayType: "ean_13" }), "acceptUrl"));
    expect((await addPins(app, id, ["4600000000001"])).body).toEqual(counters(id, "moderation", 1, 0, 0, 1));
  });

  it("refuses a finished campaign with failFinished", async () => {
    const { app } = makeSandbox();
    const id = await finishedCampaign(app);
    expect((await addPins(app, id, ["NEW1"])).body).toEqual(
      ymError("failFinished", "This campaign is over; it takes no more promo codes", { result: state(id, "finished") }),
    );
    expect((await pinsIn(app, id, "new_unused")).result.pins).toEqual(["CODE1", "CODE2"]);
  });

  it.each(["moderation", "declined", "paused"] as const)("is allowed in %s and leaves the status alone", async (status) => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, status);
    const res = await addPins(app, id, ["NEW1"]);
    expect(res.body.result.campaignStatus).toBe(status);
    expect(res.body.result.counters.totalPinCount).toBe(status === "paused" ? 3 : 1);
  });

  it("restarts a pin-required campaign", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "pin-required");
    expect((await addPins(app, id, ["NEW1", "NEW2"])).body).toEqual(counters(id, "started", 2, 0, 0, 2));
    expect(await statusOf(app, id)).toBe("started");
  });

  it("an upload of duplicates only leaves a pin-required campaign pin-required", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["ONLY1"]);
    await takeOffer(app, id);
    expect((await addPins(app, id, ["only1"])).body).toEqual(counters(id, "pin-required", 0, 1, 0, 1));
  });

  it("takes 100,000 codes in one call and counts them right", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "pin-required");
    const codes = Array.from({ length: 100_000 }, (_, i) => `Code${i}`);
    const started = Date.now();
    const upload = [...codes, "code0", "CODE99999"];
    const res = await addPins(app, id, upload);
    expect(res.body).toEqual(counters(id, "started", 100_000, 0, 0, 100_000));
    expect((await addPins(app, id, ["code50000", "Fresh1"])).body).toEqual(counters(id, "started", 100_001, 0, 0, 100_001));
    const offer = await takeOffer(app, id);
    expect(offer.pinContent).toBe("Code0");
    const unused = await pinsIn(app, id, "new_unused");
    expect(unused.result.pins).toHaveLength(100_000);
    expect(unused.result.pins.slice(0, 2)).toEqual(["Code1", "Code2"]);
    expect(unused.result.pins.at(-1)).toBe("Fresh1");
    expect(Date.now() - started).toBeLessThan(5000);
    // The journal keeps a body this large as a summary (over 64 KiB).
    const logged = await journal(app, `path=${encodeURIComponent("/api/offerwall/v1/campaigns/add-pins")}&limit=2`);
    expect(logged.requests[0]?.requestBody).toEqual({ truncated: true, bytes: Buffer.byteLength(JSON.stringify({ ymCampaignId: id, pinList: upload })) });
    expect(logged.requests[1]?.requestBody).toEqual({ ymCampaignId: id, pinList: ["code50000", "Fresh1"] });
  });
});

describe("campaigns/get-pins-by-status", () => {
  it("lists each status in upload order with the original case", async () => {
    const { app } = makeSandbox();
    const id = await startedOneOff(app, ["AAA1", "bbb2", "CcC3", "ddd4", "EEE5"]);
    const first = await takeOffer(app, id);
    const second = await takeOffer(app, id);
    await takeOffer(app, id);
    expect([first.pinContent, second.pinContent]).toEqual(["AAA1", "bbb2"]);
    const redeemed = await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: id, pinContent: "BBB2", transactionId: "t-1", campaignFee: 10 });
    expect(redeemed.body.status).toBe("success");

    expect(await pinsIn(app, id, "new_unused")).toEqual(success({ ymCampaignId: id, pinStatus: "new_unused", pins: ["ddd4", "EEE5"] }));
    expect(await pinsIn(app, id, "accepted_by_user")).toEqual(success({ ymCampaignId: id, pinStatus: "accepted_by_user", pins: ["AAA1", "CcC3"] }));
    expect(await pinsIn(app, id, "redeem_received")).toEqual(success({ ymCampaignId: id, pinStatus: "redeem_received", pins: ["bbb2"] }));
    expect((await addPins(app, id, ["FFF6"])).body).toEqual(counters(id, "started", 3, 2, 1, 6));
  });

  it("accepts partnerCampaignId and answers an empty list for campaigns without one-off codes", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    await takeOffer(app, id);
    const res = await call(app, TOKEN, "campaigns/get-pins-by-status", { partnerCampaignId: 501, pinStatus: "accepted_by_user" });
    expect(res.body).toEqual(success({ ymCampaignId: id, pinStatus: "accepted_by_user", pins: [] }));
  });

  it("refuses an unknown or missing pinStatus", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const unknown = await call(app, TOKEN, "campaigns/get-pins-by-status", { ymCampaignId: id, pinStatus: "used" });
    expect(unknown.body).toEqual(
      incorrect("pinStatus", 'pinStatus: Invalid option: expected one of "new_unused"|"accepted_by_user"|"redeem_received"'),
    );
    const missing = await call(app, TOKEN, "campaigns/get-pins-by-status", { ymCampaignId: id });
    expect(missing.body).toEqual(incorrect("pinStatus", "pinStatus is required"));
  });
});
