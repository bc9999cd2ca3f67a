import { describe, expect, it } from "vitest";
import { MsDeal, MsDealList } from "../../../src/contracts/myshare/index.js";
import type { App } from "../../support/app.js";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, api, control, createDeal, createOffer, dealPath, HOUR, msAt, OTHER_TOKEN, setup, type JsonObject } from "./helpers.js";

const choice = (value: string) => `Select a valid choice. ${value} is not one of the available choices.`;

/** Every deal the list gives for `query` (all pages, 100 a page). */
async function listAll(app: App, query = "", token?: string): Promise<MsDeal[]> {
  const out: MsDeal[] = [];
  for (let page = 1; ; page++) {
    const res = await api(app, "GET", `/deal/?page_size=100&page=${page}${query === "" ? "" : `&${query}`}`, undefined, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = MsDealList.parse(res.body);
    out.push(...body.results);
    if (body.next === null) return out;
  }
}

const ids = (deals: readonly MsDeal[]) => deals.map((deal) => deal.id);

/**
 * Five deals an hour apart (T0, T0+1h, ...): d1 Created 100 USD promo A; d2 Paid 250 RUB on the second
 * offer; d3 Canceled 40 USD (at T0+5h); d4 Rejected 60 USD (at T0+6h); d5 Paid 300 USD promo B. Returns the
 * system ids by deal_id.
 */
async function fiveDeals(app: App) {
  const { catalog, offer, partner } = await setup(app);
  const second = await createOffer(app, catalog.id, { name: "Second" });
  const other = await api(app, "POST", "/__sandbox/myshare/partners", { catalog_id: catalog.id }).set("Authorization", "Bearer myshare-partner-a");
  const promoB: string = other.body.promo_code;
  const specs: JsonObject[] = [
    { deal_id: "d1", cost: 100, promo_code: partner.promo_code },
    { deal_id: "d2", cost: 250, currency: "RUB", offer: "Second", status: "Paid" },
    { deal_id: "d3", cost: 40 },
    { deal_id: "d4", cost: 60 },
    { deal_id: "d5", cost: 300, status: "Paid", promo_code: promoB },
  ];
  for (const [index, spec] of specs.entries()) {
    if (index > 0) await advance(app, "PT1H");
    await createDeal(app, spec);
  }
  await advance(app, "PT1H");
  expect((await api(app, "PATCH", dealPath("d3"), { status: "Canceled" })).status).toBe(200);
  await advance(app, "PT1H");
  expect((await control(app, "POST", "/myshare/deals/d4/rejection", {})).status).toBe(200);
  const systemIds: Record<string, string> = {};
  for (const id of ["d1", "d2", "d3", "d4", "d5"]) systemIds[id] = (await api(app, "GET", dealPath(id))).body.id;
  return { catalog, offer, second, partner, promoB, systemIds };
}

describe("GET /deal/", () => {
  it("pages like DRF: count, absolute next/previous, 10 a page by default, Invalid page. past the end", async () => {
    const { app } = makeSandbox();
    await setup(app);
    for (let i = 1; i <= 12; i++) await createDeal(app, { deal_id: `deal-${i}` });
    const first = await api(app, "GET", "/deal/").set("Host", "sandbox.test");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ count: 12, next: "http://sandbox.test/deal/?page=2", previous: null });
    expect(first.body.results).toHaveLength(10);
    const second = await api(app, "GET", "/deal/?page=2&status=Created").set("Host", "sandbox.test");
    expect(second.body).toMatchObject({ count: 12, next: null, previous: "http://sandbox.test/deal/?status=Created" });
    expect(second.body.results).toHaveLength(2);
    const sized = await api(app, "GET", "/deal/?page_size=5&page=3");
    expect(sized.body.results).toHaveLength(2);
    for (const page of ["4", "0", "x"]) {
      const res = await api(app, "GET", `/deal/?page_size=5&page=${page}`);
      expect([res.status, res.body]).toEqual([404, { detail: "Invalid page." }]);
    }
    // Each item is the GET /deal/{id}/ shape.
    expect(first.body.results[0]).toEqual((await api(app, "GET", dealPath("deal-12"))).body);
  });

  it("orders by -conversion_time by default; o and ordering take the other fields, - for descending", async () => {
    const { app } = makeSandbox();
    const { systemIds: s } = await fiveDeals(app);
    expect(ids(await listAll(app))).toEqual([s.d5, s.d4, s.d3, s.d2, s.d1]);
    expect(ids(await listAll(app, "o=conversion_time"))).toEqual([s.d1, s.d2, s.d3, s.d4, s.d5]);
    expect(ids(await listAll(app, "o=-cost"))).toEqual([s.d5, s.d2, s.d1, s.d4, s.d3]);
    expect(ids(await listAll(app, "ordering=cost"))).toEqual([s.d3, s.d4, s.d1, s.d2, s.d5]);
    // DRF's OrderingFilter ignores a field it does not know; django-filter's o refuses it.
    expect(ids(await listAll(app, "ordering=bogus"))).toEqual([s.d5, s.d4, s.d3, s.d2, s.d1]);
    const bad = await api(app, "GET", "/deal/?o=bogus");
    expect([bad.status, bad.body]).toEqual([400, { o: [choice("bogus")] }]);
    // modified_at: d3 (canceled) and d4 (rejected) were changed last, after d5 was reported.
    expect(ids(await listAll(app, "o=-modified_at")).slice(0, 2)).toEqual([s.d4, s.d3]);
  });

  it("with several deals at the same instant, -conversion_time lists the last reported first", async () => {
    const { app } = makeSandbox();
    await setup(app);
    for (const id of ["a", "b", "c"]) await createDeal(app, { deal_id: id });
    const listed = await listAll(app);
    const byDealId = await Promise.all(["c", "b", "a"].map(async (id) => (await api(app, "GET", dealPath(id))).body.id));
    expect(ids(listed)).toEqual(byDealId);
  });

  it("filters by status, offer, promo and currency (repeat a parameter for several values) and by conversion time", async () => {
    const { app } = makeSandbox();
    const { second, partner, promoB, systemIds: s } = await fiveDeals(app);
    expect(ids(await listAll(app, "status=Paid"))).toEqual([s.d5, s.d2]);
    expect(ids(await listAll(app, "status=Canceled&status=Rejected"))).toEqual([s.d4, s.d3]);
    expect(ids(await listAll(app, `offer=${second.id}`))).toEqual([s.d2]);
    expect(ids(await listAll(app, `offer=${second.id.toUpperCase()}&status=Created`))).toEqual([]);
    expect(ids(await listAll(app, `promo=${partner.promo_code}`))).toEqual([s.d1]);
    expect(ids(await listAll(app, `promo=${partner.promo_code}&promo=${promoB}`))).toEqual([s.d5, s.d1]);
    expect(ids(await listAll(app, "currency=RUB"))).toEqual([s.d2]);
    expect(ids(await listAll(app, "currency=RUB&currency=USD"))).toHaveLength(5);
    // Datetimes are inclusive; a naive one is UTC, like the sandbox's output. T0 is 2026-01-15T09:00:00.
    expect(ids(await listAll(app, `conversion_time_after=${msAt(HOUR)}&conversion_time_before=${msAt(3 * HOUR)}`))).toEqual([s.d4, s.d3, s.d2]);
    expect(ids(await listAll(app, "conversion_time_after=2026-01-15T11:00:00%2B02:00"))).toEqual([s.d5, s.d4, s.d3, s.d2, s.d1]);
    expect(ids(await listAll(app, "conversion_time_after=2026-01-15T12:00:00Z"))).toEqual([s.d5, s.d4]);
    // A date: from its start, up to its end.
    expect(ids(await listAll(app, "conversion_time_before=2026-01-15"))).toHaveLength(5);
    expect(ids(await listAll(app, "conversion_time_after=2026-01-16"))).toEqual([]);
    expect(ids(await listAll(app, "conversion_time_before=2026-01-14"))).toEqual([]);
    // Empty values are no condition.
    expect(ids(await listAll(app, "status=&currency=&conversion_time_after="))).toHaveLength(5);
  });

  it("answers a bad filter value with django-filter's 400, every bad filter named, the first bad value in each", async () => {
    const { app } = makeSandbox();
    await fiveDeals(app);
    const cases: Array<[string, Record<string, string[]>]> = [
      ["status=Paid&status=Nope", { status: [choice("Nope")] }],
      ["currency=EUR", { currency: [choice("EUR")] }],
      ["offer=abc", { offer: ["“abc” is not a valid value."] }],
      ["offer=0b6f6f9e-1f7a-4c1e-9b1e-3a6c7d8e9f00", { offer: [choice("0b6f6f9e-1f7a-4c1e-9b1e-3a6c7d8e9f00")] }],
      ["promo=NOPE", { promo: [choice("NOPE")] }],
      ["conversion_time_before=10", { conversion_time: ["Enter a valid date."] }],
      ["conversion_time_after=2026-02-30", { conversion_time: ["Enter a valid date."] }],
      ["status=x&currency=y&conversion_time_after=z", { status: [choice("x")], currency: [choice("y")], conversion_time: ["Enter a valid date."] }],
    ];
    for (const [query, body] of cases) {
      const res = await api(app, "GET", `/deal/?${query}`);
      expect([res.status, res.body], query).toEqual([400, body]);
    }
  });

  it("lists only the caller's deals: another tenant sees none of them, and their offers are no valid choice", async () => {
    const { app } = makeSandbox();
    const { offer } = await fiveDeals(app);
    expect(await listAll(app, "", OTHER_TOKEN)).toEqual([]);
    const res = await api(app, "GET", `/deal/?offer=${offer.id}`, undefined, OTHER_TOKEN);
    expect([res.status, res.body]).toEqual([400, { offer: [choice(offer.id)] }]);
  });
});

describe("the deal statistics agree with GET /deal/", () => {
  const statuses = ["Created", "Paid", "Approved", "Canceled", "Rejected"] as const;
  const sum = (deals: readonly MsDeal[]) => (deals.length === 0 ? null : deals.reduce((total, deal) => total + deal.cost, 0));

  it("get_statistics_deals: per status the count and the cost sum (null when none), filters applied", async () => {
    const { app } = makeSandbox();
    await fiveDeals(app);
    for (const query of ["", "currency=USD", "currency=RUB", `conversion_time_after=${msAt(2 * HOUR)}`]) {
      const res = await api(app, "GET", `/deal/get_statistics_deals/${query === "" ? "" : `?${query}`}`);
      expect(res.status).toBe(200);
      const expected: Record<string, number | null> = {};
      for (const status of statuses) {
        const deals = await listAll(app, [query, `status=${status}`].filter(Boolean).join("&"));
        expected[`deal_${status.toLowerCase()}`] = deals.length;
        expected[`sum_deal_${status.toLowerCase()}`] = sum(deals);
      }
      expect(res.body, query).toEqual(expected);
    }
    expect((await api(app, "GET", "/deal/get_statistics_deals/")).body).toEqual({
      deal_created: 1,
      deal_paid: 2,
      deal_approved: 0,
      deal_canceled: 1,
      deal_rejected: 1,
      sum_deal_created: 100,
      sum_deal_paid: 550,
      sum_deal_approved: null,
      sum_deal_canceled: 40,
      sum_deal_rejected: 60,
    });
    const bad = await api(app, "GET", "/deal/get_statistics_deals/?status=Done");
    expect([bad.status, bad.body]).toEqual([400, { status: [choice("Done")] }]);
  });

  it("get_count_deals: how many deals have each offer, currency, status and promo code", async () => {
    const { app } = makeSandbox();
    const { offer, second, partner, promoB } = await fiveDeals(app);
    const res = await api(app, "GET", "/deal/get_count_deals/");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      offer: { [offer.id]: 4, [second.id]: 1 },
      currency: { USD: 4, RUB: 1 },
      status: { Created: 1, Paid: 2, Approved: 0, Canceled: 1, Rejected: 1 },
      promo: { [partner.promo_code]: 1, Promo: 3, [promoB]: 1 },
    });
    for (const [key, counts] of Object.entries(res.body as Record<string, Record<string, number>>)) {
      for (const [value, count] of Object.entries(counts)) {
        if (value === "Promo") continue; // not a code of the tenant: no valid promo filter value
        expect((await listAll(app, `${key}=${value}`)).length, `${key}=${value}`).toBe(count);
      }
    }
    const usd = await api(app, "GET", "/deal/get_count_deals/?currency=USD");
    expect(usd.body.currency).toEqual({ USD: 4, RUB: 0 });
  });

  it("get_general_statistics_deals: a page of deals as GET /deal/ gives it, and the cost sums of every status some deal has", async () => {
    const { app } = makeSandbox();
    await fiveDeals(app);
    const res = await api(app, "GET", "/deal/get_general_statistics_deals/?page_size=2").set("Host", "sandbox.test");
    expect(res.status).toBe(200);
    const list = await api(app, "GET", "/deal/?page_size=2").set("Host", "sandbox.test");
    expect(res.body).toEqual({
      ...list.body,
      next: "http://sandbox.test/deal/get_general_statistics_deals/?page=2&page_size=2",
      sum_by_status: { Created: 100, Paid: 550, Canceled: 40, Rejected: 60 },
    });
    const rub = await api(app, "GET", "/deal/get_general_statistics_deals/?currency=RUB");
    expect(rub.body).toMatchObject({ count: 1, sum_by_status: { Paid: 250 } });
  });
});
