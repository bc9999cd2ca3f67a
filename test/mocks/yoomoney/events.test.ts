import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { addPins, advance, at, call, create, events, HOUR, moderate, takeOffer, TOKEN, T0_ISO } from "./helpers.js";

describe("GET /__sandbox/events", () => {
  it("lists every YooMoney state change with its cause: request, control or timer", async () => {
    const { app } = makeSandbox();
    const id = await create(app, { campaignEnd: at(HOUR) });
    await moderate(app, id, "approve", TOKEN, "Всё хорошо");
    await addPins(app, id, ["AbC1", "abc1", "Def2"]);
    await call(app, TOKEN, "campaigns/start", { ymCampaignId: id });
    await advance(app, "PT10M");
    const offer = await takeOffer(app, id);
    await call(app, TOKEN, "campaigns/redeem", { ymCampaignId: id, pinContent: "ABC1", transactionId: "o-1", campaignFee: 10 });
    await advance(app, "PT1H");

    const c = String(id);
    const ten = at(10 * 60_000);
    const base = { provider: "yoomoney" };
    expect(await events(app, "provider=yoomoney")).toEqual([
      { ...base, seq: 1, at: T0_ISO, entity: "campaign", id: c, from: null, to: "created", cause: "request" },
      { ...base, seq: 2, at: T0_ISO, entity: "campaign", id: c, from: "created", to: "moderation", cause: "request" },
      { ...base, seq: 3, at: T0_ISO, entity: "campaign", id: c, from: "moderation", to: "verified", cause: "control", detail: "Всё хорошо" },
      { ...base, seq: 4, at: T0_ISO, entity: "pinList", id: c, from: 0, to: 2, cause: "request", detail: { added: 2, skipped: 1 } },
      { ...base, seq: 5, at: T0_ISO, entity: "campaign", id: c, from: "verified", to: "started", cause: "request" },
      { ...base, seq: 6, at: ten, entity: "pin", id: "AbC1", from: "new_unused", to: "accepted_by_user", cause: "control", detail: { ymCampaignId: id, clickId: offer.clickId } },
      { ...base, seq: 7, at: ten, entity: "offer", id: offer.clickId, from: null, to: "issued", cause: "control", detail: { ymCampaignId: id } },
      { ...base, seq: 8, at: ten, entity: "lead", id: `${c}/o-1`, from: null, to: "used", cause: "request" },
      { ...base, seq: 9, at: ten, entity: "pin", id: "AbC1", from: "accepted_by_user", to: "redeem_received", cause: "request", detail: { ymCampaignId: id, transactionId: "o-1" } },
      { ...base, seq: 10, at: at(HOUR), entity: "campaign", id: c, from: "started", to: "finished", cause: "timer" },
    ]);
  });

  it("filters by entity, id and since", async () => {
    const { app } = makeSandbox();
    const a = await create(app);
    const b = await create(app, { partnerCampaignId: 502 });
    await moderate(app, b, "decline");
    expect((await events(app, `entity=campaign&id=${b}`)).map((e) => [e.seq, e.from, e.to])).toEqual([
      [3, null, "created"],
      [4, "created", "moderation"],
      [5, "moderation", "declined"],
    ]);
    expect((await events(app, "since=3")).map((e) => e.seq)).toEqual([4, 5]);
    expect((await events(app, `id=${a}`)).map((e) => e.to)).toEqual(["created", "moderation"]);
  });

  it("refused calls change nothing and log nothing", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    await call(app, TOKEN, "campaigns/start", { ymCampaignId: id });
    await call(app, TOKEN, "campaigns/create", { partnerCampaignId: 9 });
    await addPins(app, id, ["bad-code"]);
    expect((await events(app)).map((e) => e.seq)).toEqual([1, 2]);
  });
});
