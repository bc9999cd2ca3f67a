import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, api, createDeal, DAY, dealPath, events, HOUR, isoAt, msAt, setup } from "./helpers.js";

describe("deal timers on the virtual clock", () => {
  it("a Paid deal is Approved when hold_duration has passed since payment; approved_at is the deadline", async () => {
    const { app } = makeSandbox();
    await setup(app, { hold_duration: "2 00:00:00" });
    await createDeal(app);
    await advance(app, "PT1H");
    await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Paid" });
    expect((await advance(app, 2 * DAY - 1)).fired).toEqual([]);
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body.status).toBe("Paid");
    const step = await advance(app, "P1D");
    expect(step.fired).toEqual([
      { at: isoAt(HOUR + 2 * DAY), kind: "myshare.dealApprove", deal: expect.any(String), deal_id: "Custom Deal ID", status: "Approved" },
    ]);
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body).toMatchObject({
      status: "Approved",
      paid_at: msAt(HOUR),
      approved_at: msAt(HOUR + 2 * DAY),
      modified_at: msAt(HOUR + 2 * DAY),
      canceled_at: null,
    });
    const log = (await events(app, "deal")).map((e) => [e.from, e.to, e.cause, e.at]);
    expect(log).toEqual([
      [null, "Created", "request", isoAt(0)],
      ["Created", "Paid", "request", isoAt(HOUR)],
      ["Paid", "Approved", "timer", isoAt(HOUR + 2 * DAY)],
    ]);
    const approved = await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Canceled" });
    expect(approved.status).toBe(400);
    expect(approved.body).toEqual({ status: ["Approved deal cannot be changed."] });
  });

  it("an unpaid deal is Canceled exactly canceled_duration after creation; canceled_at is the deadline", async () => {
    const { app } = makeSandbox();
    await setup(app, { canceled_duration: "14 00:00:00" });
    await createDeal(app);
    expect((await advance(app, 14 * DAY - 1)).fired).toEqual([]);
    expect((await advance(app, 1)).fired).toMatchObject([{ at: isoAt(14 * DAY), kind: "myshare.dealCancel", status: "Canceled" }]);
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body).toMatchObject({
      status: "Canceled",
      canceled_at: msAt(14 * DAY),
      is_returned: false,
      paid_at: null,
    });
    expect((await events(app, "deal")).at(-1)).toMatchObject({ from: "Created", to: "Canceled", cause: "timer", at: isoAt(14 * DAY) });
  });

  it("a read after the deadline sees the deal canceled at the deadline, not at the read", async () => {
    const { app } = makeSandbox();
    await setup(app, { canceled_duration: "01:00:00" });
    await createDeal(app);
    await advance(app, "P3D");
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body).toMatchObject({ status: "Canceled", canceled_at: msAt(HOUR) });
  });

  it("payment in time stops the cancel timer; a PATCH to Paid after the deadline is refused", async () => {
    const { app } = makeSandbox();
    await setup(app, { canceled_duration: "01:00:00", hold_duration: "10 00:00:00" });
    await createDeal(app, { deal_id: "in-time" });
    await createDeal(app, { deal_id: "late" });
    await advance(app, "PT30M");
    await api(app, "PATCH", dealPath("in-time"), { status: "Paid" });
    await advance(app, "PT30M");
    expect((await api(app, "GET", dealPath("in-time"))).body.status).toBe("Paid");
    const late = await api(app, "PATCH", dealPath("late"), { status: "Paid" });
    expect(late.status).toBe(400);
    expect(late.body).toEqual({ status: ["Canceled deal cannot be changed."] });
  });

  it("deadlines are snapshotted when the deal enters the state: later catalog edits do not move them", async () => {
    const { app } = makeSandbox();
    const { catalog } = await setup(app, { canceled_duration: "02:00:00" });
    await createDeal(app);
    await api(app, "PATCH", `/catalog/${catalog.id}/`, { canceled_duration: "00:10:00" });
    await createDeal(app, { deal_id: "second" });
    await advance(app, "PT1H");
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body.status).toBe("Created");
    expect((await api(app, "GET", dealPath("second"))).body).toMatchObject({ status: "Canceled", canceled_at: msAt(10 * 60 * 1000) });
    await advance(app, "PT1H");
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body).toMatchObject({ status: "Canceled", canceled_at: msAt(2 * HOUR) });
  });

  it("a zero hold approves the paid deal at its payment time", async () => {
    const { app } = makeSandbox();
    await setup(app, { hold_duration: "0" });
    await createDeal(app, { status: "Paid" });
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body).toMatchObject({ status: "Approved", approved_at: msAt(0) });
  });

  it("a canceled deal's timer does not fire later", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app);
    await api(app, "PATCH", dealPath("Custom Deal ID"), { status: "Canceled" });
    expect((await advance(app, "P30D")).fired).toEqual([]);
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).body.canceled_at).toBe(msAt(0));
  });
});
