import { describe, expect, it } from "vitest";
import { SandboxState } from "../../../src/contracts/sandbox/state.js";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, api, control, createDeal, createLanding, dealPath, HOUR, msAt, OTHER_TOKEN, setup } from "./helpers.js";

describe("myshare state export and import", () => {
  it("a snapshot restores catalogs, offers, landings, partners, deals and their pending timers", async () => {
    const { app } = makeSandbox();
    const { catalog, partner } = await setup(app, { canceled_duration: "02:00:00" });
    await createLanding(app, catalog.id);
    await createDeal(app, { another_data: `myshare=${partner.uid}` });
    const exported = await control(app, "GET", "/state");
    expect(exported.status).toBe(200);
    SandboxState.parse(exported.body);
    expect(exported.body.providers.myshare.deals).toHaveLength(1);

    const imported = await control(app, "PUT", "/state", exported.body, OTHER_TOKEN);
    expect(imported.status).toBe(200);
    const before = await api(app, "GET", `/catalog/${catalog.id}/`);
    const after = await api(app, "GET", `/catalog/${catalog.id}/`, undefined, OTHER_TOKEN);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect((await api(app, "GET", `/promo/check_uuid/?code=${partner.uid}`, undefined, OTHER_TOKEN)).status).toBe(200);

    await advance(app, "PT2H", OTHER_TOKEN);
    expect((await api(app, "GET", dealPath("Custom Deal ID"), undefined, OTHER_TOKEN)).body).toMatchObject({ status: "Canceled", canceled_at: msAt(2 * HOUR) });
  });

  it("a snapshot whose deal points to a missing offer is refused and leaves the tenant as it was", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app);
    const exported = (await control(app, "GET", "/state")).body;
    exported.providers.myshare.offers = [];
    const res = await control(app, "PUT", "/state", exported);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/providers\.myshare: deal [A-Z0-9]{8} points to offer /);
    expect((await api(app, "GET", dealPath("Custom Deal ID"))).status).toBe(200);
  });
});

describe("personal promo codes in the snapshot", () => {
  it("export carries the promo codes and the deal's promoId; import restores check_promo and attribution", async () => {
    const { app } = makeSandbox();
    const { catalog } = await setup(app);
    const promo = (await api(app, "POST", "/promo/", { code: "Friend", percent_discounts: 5, catalog: [catalog.id] })).body;
    await createDeal(app, { deal_id: "by-friend", promo_code: "Friend" });
    const exported = (await control(app, "GET", "/state")).body;
    SandboxState.parse(exported);
    expect(exported.providers.myshare.promos).toEqual([{ id: promo.id, code: "Friend", percent: 5, catalogIds: [catalog.id], createdAt: expect.any(Number), modifiedAt: expect.any(Number) }]);
    expect(exported.providers.myshare.deals[0]).toMatchObject({ promoId: promo.id, attribution: "promo", partnerId: null });

    expect((await control(app, "PUT", "/state", exported, OTHER_TOKEN)).status).toBe(200);
    expect((await api(app, "GET", `/promo/${promo.id}/`, undefined, OTHER_TOKEN)).body).toEqual(promo);
    expect((await api(app, "GET", "/promo/check_promo_by_code/?catalog_code=super_catalog&code=Friend", undefined, OTHER_TOKEN)).body).toEqual({ percent_discounts: 5 });
    expect((await control(app, "GET", "/state", undefined, OTHER_TOKEN)).body.providers.myshare).toEqual(exported.providers.myshare);
  });

  it("a snapshot written before promo codes (no promos, no promoId) still imports", async () => {
    const { app } = makeSandbox();
    await setup(app);
    await createDeal(app);
    const exported = (await control(app, "GET", "/state")).body;
    delete exported.providers.myshare.promos;
    for (const deal of exported.providers.myshare.deals) delete deal.promoId;
    expect((await control(app, "PUT", "/state", exported, OTHER_TOKEN)).status).toBe(200);
    expect((await control(app, "GET", "/state", undefined, OTHER_TOKEN)).body.providers.myshare).toMatchObject({ promos: [], deals: [{ promoId: null }] });
  });

  it("refuses a promo pointing to a missing catalog, a code twice in one catalog, a deal pointing to a missing promo", async () => {
    const { app } = makeSandbox();
    const { catalog, partner } = await setup(app);
    await api(app, "POST", "/promo/", { code: "Friend", percent_discounts: 5, catalog: [catalog.id] });
    await createDeal(app, { promo_code: "Friend" });
    const exported = (await control(app, "GET", "/state")).body;
    const cases: Array<[(snap: typeof exported) => void, RegExp]> = [
      [(snap) => (snap.providers.myshare.promos[0].catalogIds = ["nope"]), /providers\.myshare: promo [0-9a-f-]{36} points to catalog nope, which the snapshot lacks/],
      [(snap) => (snap.providers.myshare.promos[0].code = partner.promo_code), /code [A-Z0-9]{12} appears twice in one catalog/],
      [(snap) => (snap.providers.myshare.promos = []), /providers\.myshare: deal [A-Z0-9]{8} points to promo [0-9a-f-]{36}, which the snapshot lacks/],
    ];
    for (const [spoil, message] of cases) {
      const copy = structuredClone(exported);
      spoil(copy);
      const res = await control(app, "PUT", "/state", copy, OTHER_TOKEN);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
  });
});

describe("a tenant that never used myshare", () => {
  it("exports myshare as null, and exporting does not change the tenant's random sequence", async () => {
    const { app } = makeSandbox();
    const first = await control(app, "GET", "/state");
    expect(first.body.providers.myshare).toBeNull();
    const second = await control(app, "GET", "/state");
    expect(second.body.rng).toEqual(first.body.rng);
    expect((await control(app, "PUT", "/state", first.body)).status).toBe(200);
    expect((await api(app, "GET", "/catalog/")).body.count).toBe(0);
  });
});
