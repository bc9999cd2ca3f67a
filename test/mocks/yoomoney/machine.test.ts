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
  finishedCampaign,
  MINUTE,
  moderate,
  OTHER_TOKEN,
  promoBody,
  reusableBody,
  startedCampaign,
  state,
  statusOf,
  success,
  takeOffer,
  TOKEN,
  transitions,
  T0_ISO,
  ymError,
  type JsonObject,
  type Status,
} from "./helpers.js";

const start = (app: Parameters<typeof call>[0], id: number) => call(app, TOKEN, "campaigns/start", { ymCampaignId: id });
const stop = (app: Parameters<typeof call>[0], id: number) => call(app, TOKEN, "campaigns/stop", { ymCampaignId: id });
const stopped = (id: number, status: Status) => ({ errors: {}, result: state(id, status), status: "success" });
const FAIL_PIN = "This type of campaign cannot be launched without promo codes; upload them with campaigns/add-pins and it starts by itself";

describe("create and moderation", () => {
  it("create logs the instant created, then moderation; approve -> verified; decline -> declined", async () => {
    const { app } = makeSandbox();
    const a = await create(app);
    const b = await create(app, { partnerCampaignId: 502 });
    expect(await moderate(app, a, "approve", TOKEN, "OK").then((r) => r.body)).toEqual({ ymCampaignId: a, campaignStatus: "verified", comment: "OK" });
    const declined = await moderate(app, b, "decline", TOKEN, "Фон слишком светлый");
    expect(declined.status).toBe(200);
    expect(declined.body).toEqual({ ymCampaignId: b, campaignStatus: "declined", comment: "Фон слишком светлый" });
    expect(await transitions(app, a)).toEqual([
      [null, "created", "request", T0_ISO],
      ["created", "moderation", "request", T0_ISO],
      ["moderation", "verified", "control", T0_ISO],
    ]);
    expect(await transitions(app, b)).toEqual([
      [null, "created", "request", T0_ISO],
      ["created", "moderation", "request", T0_ISO],
      ["moderation", "declined", "control", T0_ISO],
    ]);
    expect(await statusOf(app, a)).toBe("verified");
    expect(await statusOf(app, b)).toBe("declined");
  });

  it("without campaignStart an approved campaign waits in verified for campaigns/start", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, promoBody());
    await approve(app, id);
    const moved = await advance(app, "P30D");
    expect(moved.fired).toEqual([]);
    expect(await statusOf(app, id)).toBe("verified");
  });

  it("approve with campaignStart already past starts at once (pin-required when no code is uploaded)", async () => {
    const { app } = makeSandbox();
    const promo = await create(app, { campaignStart: "2026-01-01T00:00:00Z" }, TOKEN, promoBody({ campaignStart: "2026-01-01T00:00:00Z" }));
    const oneOff = await create(app, { partnerCampaignId: 502, campaignStart: "2026-01-15T09:00:00Z" });
    expect((await moderate(app, promo, "approve")).body).toEqual({ ymCampaignId: promo, campaignStatus: "started", comment: null });
    expect((await moderate(app, oneOff, "approve")).body).toEqual({ ymCampaignId: oneOff, campaignStatus: "pin-required", comment: null });
    expect((await transitions(app, promo)).slice(2)).toEqual([
      ["moderation", "verified", "control", T0_ISO],
      ["verified", "started", "control", T0_ISO],
    ]);
    expect((await transitions(app, oneOff)).slice(2)).toEqual([
      ["moderation", "verified", "control", T0_ISO],
      ["verified", "pin-required", "control", T0_ISO],
    ]);
  });

  describe("the moderation control call", () => {
    it("answers 404 for a campaign this tenant does not have, or an id that is not a number", async () => {
      const { app } = makeSandbox();
      const theirs = await create(app, {}, OTHER_TOKEN);
      const res = await moderate(app, theirs, "approve");
      expect(res.status).toBe(404);
      expect(res.body).toEqual(controlError("campaign_not_found", `this tenant has no YooMoney campaign ${theirs}`));
      const bad = await control(app, TOKEN, "POST", "/yoomoney/campaigns/abc/moderation", { decision: "approve" });
      expect(bad.status).toBe(404);
      expect(bad.body).toEqual(controlError("campaign_not_found", '"abc" is not a ymCampaignId'));
      expect(await statusOf(app, theirs, OTHER_TOKEN)).toBe("moderation");
    });

    it("answers 409 for a campaign that is not in moderation", async () => {
      const { app } = makeSandbox();
      const id = await campaignIn(app, "verified");
      const res = await moderate(app, id, "decline");
      expect(res.status).toBe(409);
      expect(res.body).toEqual(
        controlError("not_in_moderation", `campaign ${id} is verified, not in moderation; campaigns/create or campaigns/update sends it there`),
      );
      expect(await statusOf(app, id)).toBe("verified");
    });

    it("answers 400 for a body without a valid decision", async () => {
      const { app } = makeSandbox();
      const id = await create(app);
      const bodies: JsonObject[] = [{ decision: "maybe" }, {}];
      for (const body of bodies) {
        const res = await control(app, TOKEN, "POST", `/yoomoney/campaigns/${id}/moderation`, body);
        expect(res.status).toBe(400);
        expect(res.body).toEqual(
          controlError("invalid_request", 'send {"decision": "approve" | "decline", "comment"?: string}: Invalid option: expected one of "approve"|"decline"'),
        );
      }
      expect(await statusOf(app, id)).toBe("moderation");
    });
  });

  describe("auto moderation", () => {
    it.each([
      { how: "PATCH /__sandbox/settings", sandbox: () => makeSandbox(), patch: true },
      { how: "the server default", sandbox: () => makeSandbox({ settings: { moderation: "auto" } }), patch: false },
    ])("approves exactly 5 virtual minutes after submission ($how)", async ({ sandbox, patch }) => {
      const { app } = sandbox();
      if (patch) {
        const res = await control(app, TOKEN, "PATCH", "/settings", { moderation: "auto" });
        expect(res.body).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "auto" });
      }
      const id = await create(app);
      const early = await advance(app, "PT4M59S");
      expect(early).toEqual({ now: at(4 * MINUTE + 59_000), fired: [], firedTotal: 0 });
      expect(await statusOf(app, id)).toBe("moderation");
      const due = await advance(app, "PT1S");
      expect(due).toEqual({
        now: at(5 * MINUTE),
        fired: [{ at: at(5 * MINUTE), kind: "yoomoney.autoApprove", ymCampaignId: id, campaignStatus: "verified" }], firedTotal: 1,
      });
      expect(await statusOf(app, id)).toBe("verified");
      expect((await transitions(app, id)).at(-1)).toEqual(["moderation", "verified", "timer", at(5 * MINUTE)]);
    });

    it("fires at its deadline even when the clock jumps far past it, and starts a due campaignStart", async () => {
      const { app } = makeSandbox({ settings: { moderation: "auto" } });
      const id = await create(app, {}, TOKEN, promoBody({ campaignStart: at(2 * MINUTE) }));
      const moved = await advance(app, "PT1H");
      expect(moved.fired).toEqual([{ at: at(5 * MINUTE), kind: "yoomoney.autoApprove", ymCampaignId: id, campaignStatus: "started" }]);
      expect((await transitions(app, id)).slice(2)).toEqual([
        ["moderation", "verified", "timer", at(5 * MINUTE)],
        ["verified", "started", "timer", at(5 * MINUTE)],
      ]);
    });

    it("a manual verdict before the 5 minutes cancels the automatic one", async () => {
      const { app } = makeSandbox({ settings: { moderation: "auto" } });
      const id = await create(app);
      await advance(app, "PT1M");
      expect((await moderate(app, id, "decline")).body.campaignStatus).toBe("declined");
      expect((await advance(app, "PT10M")).fired).toEqual([]);
      expect(await statusOf(app, id)).toBe("declined");
    });

    it("an update restarts the 5 minutes", async () => {
      const { app } = makeSandbox({ settings: { moderation: "auto" } });
      const id = await create(app);
      await advance(app, "PT4M");
      await call(app, TOKEN, "campaigns/update", { partnerCampaignId: 501, merchantName: "Луна" });
      expect((await advance(app, "PT4M")).fired).toEqual([]);
      expect(await statusOf(app, id)).toBe("moderation");
      expect((await advance(app, "PT1M")).fired).toEqual([{ at: at(9 * MINUTE), kind: "yoomoney.autoApprove", ymCampaignId: id, campaignStatus: "verified" }]);
    });
  });
});

describe("campaigns/start", () => {
  it("verified -> started", async () => {
    const { app } = makeSandbox();
    const id = await create(app, {}, TOKEN, reusableBody());
    await approve(app, id);
    const res = await start(app, id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(success(state(id, "started")));
    expect((await transitions(app, id)).at(-1)).toEqual(["verified", "started", "request", T0_ISO]);
  });

  it("verified one-off campaign without codes -> pin-required with failPin", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "verified");
    const res = await start(app, id);
    expect(res.body).toEqual(ymError("failPin", FAIL_PIN, { result: state(id, "pin-required") }));
    expect(await statusOf(app, id)).toBe("pin-required");
  });

  it("paused -> started", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "paused");
    expect((await start(app, id)).body).toEqual(success(state(id, "started")));
    expect((await transitions(app, id)).at(-1)).toEqual(["paused", "started", "request", T0_ISO]);
  });

  it("paused one-off campaign whose codes are all handed out -> pin-required with failPin", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "paused");
    await start(app, id);
    await takeOffer(app, id);
    await stop(app, id);
    // CODE2 is still unused: stop/start keeps it running.
    expect((await start(app, id)).body).toEqual(success(state(id, "started")));
    await takeOffer(app, id);
    expect(await statusOf(app, id)).toBe("pin-required");
    await stop(app, id);
    expect((await start(app, id)).body).toEqual(ymError("failPin", FAIL_PIN, { result: state(id, "pin-required") }));
  });

  it("pin-required stays pin-required with failPin, and no event is logged", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "pin-required");
    const before = await transitions(app, id);
    expect((await start(app, id)).body).toEqual(ymError("failPin", FAIL_PIN, { result: state(id, "pin-required") }));
    expect(await transitions(app, id)).toEqual(before);
  });

  it("started is idempotent: success, still started, no event", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "started");
    const before = await transitions(app, id);
    expect((await start(app, id)).body).toEqual(success(state(id, "started")));
    expect(await transitions(app, id)).toEqual(before);
  });

  it("moderation -> failModerator, unchanged", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "moderation");
    expect((await start(app, id)).body).toEqual(
      ymError("failModerator", "The campaign is awaiting verification by the moderator", { result: state(id, "moderation") }),
    );
    expect(await statusOf(app, id)).toBe("moderation");
  });

  it("declined -> failModerator, unchanged", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "declined");
    expect((await start(app, id)).body).toEqual(
      ymError("failModerator", "The moderator declined the campaign; fix it with campaigns/update and wait for verification", {
        result: state(id, "declined"),
      }),
    );
    expect(await statusOf(app, id)).toBe("declined");
  });

  it("finished -> failFinished (Completed), unchanged", async () => {
    const { app } = makeSandbox();
    const id = await finishedCampaign(app);
    expect((await start(app, id)).body).toEqual(ymError("failFinished", "This campaign is over", { result: state(id, "finished") }));
    expect(await statusOf(app, id)).toBe("finished");
  });
});

describe("campaigns/stop", () => {
  it.each(["verified", "started", "pin-required"] as const)("%s -> paused, with the documented empty errors object", async (from) => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, from);
    const res = await stop(app, id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(stopped(id, "paused"));
    expect((await transitions(app, id)).at(-1)).toEqual([from, "paused", "request", T0_ISO]);
  });

  it("paused is idempotent", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "paused");
    const before = await transitions(app, id);
    expect((await stop(app, id)).body).toEqual(stopped(id, "paused"));
    expect(await transitions(app, id)).toEqual(before);
  });

  it.each(["moderation", "declined"] as const)("%s -> failModerator, unchanged", async (from) => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, from);
    expect((await stop(app, id)).body).toEqual(
      ymError("failModerator", "The campaign has not passed moderation, so it is not running and cannot be stopped", { result: state(id, from) }),
    );
    expect(await statusOf(app, id)).toBe(from);
  });

  it("finished -> failFinished (Archived), unchanged", async () => {
    const { app } = makeSandbox();
    const id = await finishedCampaign(app);
    expect((await stop(app, id)).body).toEqual(
      ymError("failFinished", "The campaign was deleted: it is over and cannot be stopped", { value: "Archived", result: state(id, "finished") }),
    );
    expect(await statusOf(app, id)).toBe("finished");
  });
});

describe("codes drive started <-> pin-required", () => {
  it("handing out the last unused code moves started -> pin-required; add-pins moves it back to started", async () => {
    const { app } = makeSandbox();
    const id = await campaignIn(app, "started");
    await takeOffer(app, id);
    expect(await statusOf(app, id)).toBe("started");
    const last = await takeOffer(app, id);
    expect(last.campaignStatus).toBe("pin-required");
    expect((await transitions(app, id)).at(-1)).toEqual(["started", "pin-required", "control", T0_ISO]);
    const res = await addPins(app, id, ["CODE3"]);
    expect(res.body).toEqual(
      success({ ymCampaignId: id, campaignStatus: "started", counters: { unusedPinCount: 1, acceptedPinCount: 2, redeemedPinCount: 0, totalPinCount: 3 } }),
    );
    expect((await transitions(app, id)).at(-1)).toEqual(["pin-required", "started", "request", T0_ISO]);
  });

  it("a promo campaign never needs codes", async () => {
    const { app } = makeSandbox();
    const id = await startedCampaign(app, promoBody());
    for (let i = 0; i < 3; i++) await takeOffer(app, id);
    expect(await statusOf(app, id)).toBe("started");
  });
});
