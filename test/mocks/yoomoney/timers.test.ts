import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import {
  addPins,
  advance,
  approve,
  at,
  call,
  campaignIn,
  control,
  controlError,
  create,
  HOUR,
  MINUTE,
  promoBody,
  state,
  statusOf,
  success,
  takeOffer,
  TOKEN,
  transitions,
} from "./helpers.js";

const fired = (kind: "campaignStart" | "campaignEnd", ms: number, id: number, campaignStatus: string) => ({
  at: at(ms),
  kind: `yoomoney.${kind}`,
  ymCampaignId: id,
  campaignStatus,
});

describe("campaignStart", () => {
  it("an approved campaign stays verified until campaignStart, then starts at exactly that instant", async () => {
    const { app } = makeSandbox();
    // 12:30 at +03:00 is 09:30Z, half an hour after T0.
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: "2026-01-15T12:30:00+03:00" }));
    expect(await approve(app, id)).toBe("verified");
    expect(await advance(app, 30 * MINUTE - 1)).toEqual({ now: at(30 * MINUTE - 1), fired: [], firedTotal: 0 });
    expect(await statusOf(app, id)).toBe("verified");
    expect(await advance(app, 1)).toEqual({ now: at(30 * MINUTE), fired: [fired("campaignStart", 30 * MINUTE, id, "started")], firedTotal: 1 });
    expect(await statusOf(app, id)).toBe("started");
    expect((await transitions(app, id)).at(-1)).toEqual(["verified", "started", "timer", at(30 * MINUTE)]);
  });

  it("fires at its own deadline when the clock jumps past it", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: at(HOUR) }));
    await approve(app, id);
    expect(await advance(app, "P1D")).toEqual({ now: at(24 * HOUR), fired: [fired("campaignStart", HOUR, id, "started")], firedTotal: 1 });
    expect((await transitions(app, id)).at(-1)).toEqual(["verified", "started", "timer", at(HOUR)]);
  });

  it("a one-off campaign without codes goes to pin-required at campaignStart, and starts on add-pins", async () => {
    const { app } = makeSandbox();
    const id = await create(app, { campaignStart: at(HOUR) });
    await approve(app, id);
    expect((await advance(app, "PT1H")).fired).toEqual([fired("campaignStart", HOUR, id, "pin-required")]);
    expect(await statusOf(app, id)).toBe("pin-required");
    expect((await addPins(app, id, ["CODE1"])).body.result.campaignStatus).toBe("started");
  });

  it("a one-off campaign with codes uploaded while verified starts at campaignStart", async () => {
    const { app } = makeSandbox();
    const id = await create(app, { campaignStart: at(HOUR) });
    await approve(app, id);
    await addPins(app, id, ["CODE1"]);
    expect(await statusOf(app, id)).toBe("verified");
    expect((await advance(app, "PT1H")).fired).toEqual([fired("campaignStart", HOUR, id, "started")]);
  });

  it("campaigns/start before campaignStart starts at once; the timer no longer fires", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: at(HOUR) }));
    await approve(app, id);
    expect((await call(app, TOKEN, "campaigns/start", { ymCampaignId: id })).body).toEqual(success(state(id, "started")));
    expect((await advance(app, "PT2H")).fired).toEqual([]);
  });

  it("stop cancels a pending start", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: at(HOUR) }));
    await approve(app, id);
    await call(app, TOKEN, "campaigns/stop", { ymCampaignId: id });
    expect(await advance(app, "PT2H")).toEqual({ now: at(2 * HOUR), fired: [], firedTotal: 0 });
    expect(await statusOf(app, id)).toBe("paused");
  });

  it("update cancels a pending start (the campaign waits in moderation)", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: at(HOUR) }));
    await approve(app, id);
    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, description: "Новое" });
    expect(await advance(app, "PT2H")).toEqual({ now: at(2 * HOUR), fired: [], firedTotal: 0 });
    expect(await statusOf(app, id)).toBe("moderation");
  });

  it("after update and a new approval only the new campaignStart fires", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: at(HOUR) }));
    await approve(app, id);
    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, campaignStart: at(2 * HOUR) });
    await approve(app, id);
    expect((await advance(app, "PT3H")).fired).toEqual([fired("campaignStart", 2 * HOUR, id, "started")]);
  });
});

describe("campaignEnd", () => {
  it.each(["moderation", "verified", "declined", "started", "paused", "pin-required"] as const)(
    "finishes a %s campaign at exactly campaignEnd",
    async (from) => {
      const { app } = makeSandbox();
      const id = await campaignIn(app, from, TOKEN, { campaignEnd: "2026-01-15T14:00:00+03:00" });
      expect(await advance(app, 2 * HOUR - 1)).toEqual({ now: at(2 * HOUR - 1), fired: [], firedTotal: 0 });
      expect(await statusOf(app, id)).toBe(from);
      expect(await advance(app, 1)).toEqual({ now: at(2 * HOUR), fired: [fired("campaignEnd", 2 * HOUR, id, "finished")], firedTotal: 1 });
      expect(await statusOf(app, id)).toBe("finished");
      expect((await transitions(app, id)).at(-1)).toEqual([from, "finished", "timer", at(2 * HOUR)]);
    },
  );

  it("start and end fire in order within one advance, each at its own instant", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody({ campaignStart: at(HOUR), campaignEnd: at(2 * HOUR) }));
    await approve(app, id);
    expect(await advance(app, "PT3H")).toEqual({
      now: at(3 * HOUR),
      fired: [fired("campaignStart", HOUR, id, "started"), fired("campaignEnd", 2 * HOUR, id, "finished")], firedTotal: 2,
    });
    expect((await transitions(app, id)).slice(-2)).toEqual([
      ["verified", "started", "timer", at(HOUR)],
      ["started", "finished", "timer", at(2 * HOUR)],
    ]);
  });

  it("update re-arms campaignEnd: the old deadline no longer finishes the campaign", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody({ campaignEnd: at(HOUR) }));
    await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, campaignEnd: at(3 * HOUR) });
    expect((await advance(app, "PT2H")).fired).toEqual([]);
    expect(await statusOf(app, id)).toBe("moderation");
    expect((await advance(app, "PT1H")).fired).toEqual([fired("campaignEnd", 3 * HOUR, id, "finished")]);
  });

  it("campaignEnd during moderation also cancels the automatic approval", async () => {
    const { app } = makeSandbox({ settings: { moderation: "auto" } });
    const id = await create(app, {}, TOKEN, promoBody({ campaignEnd: at(2 * MINUTE) }));
    expect((await advance(app, "PT10M")).fired).toEqual([fired("campaignEnd", 2 * MINUTE, id, "finished")]);
    expect(await statusOf(app, id)).toBe("finished");
  });

  it("a finished campaign gives no more offers", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody({ campaignEnd: at(HOUR) }));
    await approve(app, id);
    await call(app, TOKEN, "campaigns/start", { ymCampaignId: id });
    await takeOffer(app, id);
    await advance(app, "PT1H");
    const res = await control(app, TOKEN, "POST", `/yoomoney/campaigns/${id}/offers`);
    expect(res.status).toBe(409);
    expect(res.body).toEqual(controlError("campaign_not_started", `campaign ${id} is finished; users can take offers only while it is started`));
  });
});
