import request from "supertest";
import { describe, expect, it } from "vitest";
import { PIN_SLICE } from "../../../src/mocks/yoomoney/add-pins.js";
import { ADD_PINS_BODY_LIMIT_BYTES } from "../../../src/mocks/yoomoney/limits.js";
import { makeSandbox } from "../../support/sandbox.js";
import { addPins, call, campaignIn, events, incorrect, success, TOKEN } from "./helpers.js";

const YM = "/api/offerwall/v1";
const many = (count: number, prefix = "Code") => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const counters = (id: number, campaignStatus: string, unused: number, total: number) =>
  success({ ymCampaignId: id, campaignStatus, counters: { unusedPinCount: unused, acceptedPinCount: 0, redeemedPinCount: 0, totalPinCount: total } });

describe("campaigns/add-pins of more codes than one slice", () => {
  it("answers as one call: counters, duplicates across slices skipped case-insensitively, one pinList event, the restart", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "pin-required");
    const codes = many(PIN_SLICE * 2 + 5);
    const upload = [...codes, "CODE0", `code${PIN_SLICE + 1}`];
    expect((await addPins(app, id, upload)).body).toEqual(counters(id, "started", codes.length, codes.length));
    const uploads = await events(app, "entity=pinList");
    expect(uploads.map((e) => [e.from, e.to, e.detail])).toEqual([[0, codes.length, { added: codes.length, skipped: 2 }]]);
  });

  it("names a faulty code by its index in the whole list, and stores nothing", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const codes = many(PIN_SLICE * 2 + 10);
    const bad = PIN_SLICE * 2 + 3;
    codes[bad] = "bad-code";
    expect((await addPins(app, id, codes)).body).toEqual(incorrect(`pinList.${bad}`, `pinList.${bad}: must be 1-64 letters and digits`));
    const notString: (string | number)[] = many(PIN_SLICE + 2);
    notString[PIN_SLICE + 1] = 7;
    expect((await addPins(app, id, notString)).body).toEqual(incorrect(`pinList.${PIN_SLICE + 1}`, `pinList.${PIN_SLICE + 1}: Invalid input: expected string, received number`));
    expect((await addPins(app, id, ["probe"])).body).toEqual(counters(id, "verified", 1, 1));
  });

  it("checks the key before the codes, as the contract does", async () => {
    const { app } = makeSandbox();
    const res = await call(app, TOKEN, "campaigns/add-pins", { ymCampaignId: "x", pinList: [...many(PIN_SLICE + 1), "bad-1"] });
    expect(res.body.errors.parameter).toBe("ymCampaignId");
  });

  it("a call of the same tenant sent alongside a sliced upload runs wholly before or after it", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const codes = many(PIN_SLICE * 3);
    const [big, small] = await Promise.all([
      addPins(app, id, codes),
      new Promise((resolve) => setImmediate(resolve)).then(() => addPins(app, id, ["Late1"])),
    ]);
    // One after the other, never the small call in between the slices of the large one.
    const n = codes.length;
    expect([
      [counters(id, "verified", n, n), counters(id, "verified", n + 1, n + 1)],
      [counters(id, "verified", n + 1, n + 1), counters(id, "verified", 1, 1)],
    ]).toContainEqual([big.body, small.body]);
    const listed = await call(app, TOKEN, "campaigns/get-pins-by-status", { ymCampaignId: id, pinStatus: "new_unused" });
    expect(listed.body.result.pins).toHaveLength(codes.length + 1);
  });

  it("refuses a body over the limit with 413 and a message that says to split it", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const body = JSON.stringify({ ymCampaignId: id, pinList: many(Math.ceil(ADD_PINS_BODY_LIMIT_BYTES / 10)) });
    const res = await request(app).post(`${YM}/campaigns/add-pins`).set("Authorization", TOKEN).set("Content-Type", "application/json").send(body);
    expect(res.status).toBe(413);
    expect(res.body.errors.description).toBe(`The request body is larger than ${ADD_PINS_BODY_LIMIT_BYTES} bytes; split the upload into several calls`);
  });
});
