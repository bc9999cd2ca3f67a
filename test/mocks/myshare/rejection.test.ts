import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, api, control, createDeal, dealPath, DAY, events, HOUR, msAt, OTHER_TOKEN, setup, type JsonObject } from "./helpers.js";

const rejection = (id: string) => `/myshare/deals/${encodeURIComponent(id)}/rejection`;

describe("POST /__sandbox/myshare/deals/{id}/rejection (the platform's moderation)", () => {
  it("a Created deal becomes Rejected: 200 with the deal as GET shows it, an event with cause control, its cancel timer dropped", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app, { deal_id: "fraud 1" });
    await advance(app, "PT1H");
    const res = await control(app, "POST", rejection("fraud 1"), { reason: "stolen card" });
    expect(res.status).toBe(200);
    const got = await api(app, "GET", dealPath("fraud 1"));
    expect(res.body).toEqual(got.body);
    expect(got.body).toMatchObject({ status: "Rejected", modified_at: msAt(HOUR), canceled_at: null, paid_at: null, approved_at: null });
    const last = (await events(app, "deal")).at(-1);
    expect(last).toMatchObject({ id: got.body.id, from: "Created", to: "Rejected", cause: "control", detail: { deal_id: "fraud 1", reason: "stolen card" } });
    // The 14-day cancel timer no longer fires.
    const moved = await advance(app, 15 * DAY);
    expect(moved.fired).toEqual([]);
    expect((await api(app, "GET", dealPath("fraud 1"))).body.status).toBe("Rejected");
  });

  it("a Paid deal can be rejected (by its system id) before the hold ends: it is never approved", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app, { deal_id: "p", status: "Paid" });
    const { id } = (await api(app, "GET", dealPath("p"))).body;
    const res = await control(app, "POST", rejection(id));
    expect([res.status, res.body.status]).toEqual([200, "Rejected"]);
    expect((await events(app, "deal")).at(-1)).toMatchObject({ from: "Paid", to: "Rejected", detail: { deal_id: "p", reason: null } });
    await advance(app, 31 * DAY);
    expect((await api(app, "GET", dealPath("p"))).body).toMatchObject({ status: "Rejected", approved_at: null });
  });

  it("Rejected is final: a PATCH or a repeated POST that changes it is 400, a comment alone is kept", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app, { deal_id: "r" });
    await control(app, "POST", rejection("r"));
    const bodies: JsonObject[] = [{ status: "Paid" }, { status: "Canceled" }, { cost: 5 }, { status: "Canceled", is_returned: true }];
    for (const body of bodies) {
      const res = await api(app, "PATCH", dealPath("r"), body);
      expect([res.status, res.body], JSON.stringify(body)).toEqual([400, { status: ["Rejected deal cannot be changed."] }]);
    }
    const comment = await api(app, "PATCH", dealPath("r"), { comment: "chargeback" });
    expect([comment.status, comment.body]).toEqual([200, { status: "Rejected", cost: "100.00", is_returned: false, comment: "chargeback" }]);
    const repost = await api(app, "POST", "/deal/", { status: "Paid", offer: "Offer name", cost: 100, currency: "USD", deal_id: "r", catalog_code: "super_catalog", promo_code: "Promo" });
    expect([repost.status, repost.body]).toEqual([400, { status: ["Rejected deal cannot be changed."] }]);
  });

  it("refuses a deal that is final already (409), an unknown or another tenant's deal (404), a bad reason (400)", async () => {
    const { app } = makeSandbox();
    await setup(app, { hold_duration: "00:00:00" });
    await createDeal(app, { deal_id: "approved", status: "Paid" });
    await createDeal(app, { deal_id: "canceled" });
    await api(app, "PATCH", dealPath("canceled"), { status: "Canceled" });
    await advance(app, 1);
    expect((await api(app, "GET", dealPath("approved"))).body.status).toBe("Approved");
    for (const [id, status] of [["approved", "Approved"], ["canceled", "Canceled"]] as const) {
      const res = await control(app, "POST", rejection(id));
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ error: { code: "deal_not_rejectable", message: `deal ${id} is ${status}, which is final; only a Created or Paid deal can be rejected` } });
    }
    const foreign = await control(app, "POST", rejection("canceled"), {}, OTHER_TOKEN);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, "deal_not_found"]);
    const bad = await control(app, "POST", rejection("approved"), { reason: 5 });
    expect([bad.status, bad.body.error.code]).toEqual([400, "invalid_request"]);
  });
});
