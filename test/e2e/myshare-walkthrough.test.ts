import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { MsCatalogWriteResponse, MsDeal } from "../../src/contracts/myshare/index.js";
import { MsPartnerResponse } from "../../src/contracts/myshare/control.js";
import type { Sandbox } from "../../src/server.js";
import { makeSandbox } from "../support/sandbox.js";

/** The README's myshare walk-through (README.md), over a real socket with fetch. */

const TOKEN = "my-business-token";
const HEADERS = { Authorization: TOKEN, "Content-Type": "application/json" };

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function send(url: string, method: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method, headers: HEADERS, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text === "" ? undefined : JSON.parse(text) };
}

describe("README myshare walk-through over HTTP", () => {
  it("catalog, offer, landing, partner, a deal paid and approved after the hold, a second left unpaid and canceled, a personal promo code, a rejected deal, the deal list and its statistics", async () => {
    sandbox = makeSandbox();
    const base = await sandbox.listen(0);
    const ms = (method: string, path: string, body?: unknown) => send(`${base}${path}`, method, body);

    const catalogAnswer = await ms("POST", "/catalog/", {
      title: "SuperCatalog",
      catalog_code: "super_catalog",
      hold_duration: "30 00:00:00",
      canceled_duration: "14 00:00:00",
      is_promocode_allowed: true,
      is_published: true,
    });
    expect(catalogAnswer.status).toBe(201);
    const catalog = MsCatalogWriteResponse.parse(catalogAnswer.body);

    const offer = await ms("POST", "/offer/", {
      name: "Basic",
      catalog_id: catalog.id,
      is_promocode_allowed: true,
      is_active: true,
      prices: [{ cost: 100, currency: "USD" }],
      reward_percent: 5,
    });
    expect(offer.status).toBe(201);
    const landing = await ms("POST", "/landing/", { url: "https://shop.example.com/course", catalog_id: catalog.id });
    expect(landing.status).toBe(201);

    const joined = await ms("POST", "/__sandbox/myshare/partners", { catalog_id: catalog.id });
    expect(joined.status).toBe(201);
    const partner = MsPartnerResponse.parse(joined.body);
    expect(await ms("GET", `/promo/check_uuid/?code=${partner.uid}`)).toEqual({ status: 200, body: { percent_discounts: 0 } });
    expect(await ms("GET", `/promo/check_promo/?code=${partner.promo_code}&catalog_id=${catalog.catalog_id}`)).toEqual({
      status: 200,
      body: { percent_discounts: 5 },
    });

    const deal = { status: "Created", offer: "Basic", cost: 100, currency: "USD", catalog_code: "super_catalog" };
    const first = await ms("POST", "/deal/", { ...deal, deal_id: "order-1", another_data: `myshare=${partner.uid}&subid=spring` });
    expect(first.status).toBe(201);
    await ms("POST", "/__sandbox/clock/advance", { by: "PT2H" });
    expect(await ms("PATCH", "/deal/order-1/", { status: "Paid" })).toEqual({
      status: 200,
      body: { status: "Paid", cost: "100.00", is_returned: false, comment: null },
    });

    const advanced = await ms("POST", "/__sandbox/clock/advance", { by: "P30D" });
    expect(advanced.body).toMatchObject({ fired: [{ at: "2026-02-14T11:00:00.000Z", kind: "myshare.dealApprove", deal_id: "order-1", status: "Approved" }] });
    const approved = MsDeal.parse((await ms("GET", "/deal/order-1/")).body);
    expect(approved).toMatchObject({
      status: "Approved",
      payment_sum: 5,
      conversion_time: "2026-01-15T09:00:00",
      paid_at: "2026-01-15T11:00:00",
      approved_at: "2026-02-14T11:00:00",
      canceled_at: null,
    });

    expect((await ms("POST", "/deal/", { ...deal, deal_id: "order-2", promo_code: partner.promo_code })).status).toBe(201);
    await ms("POST", "/__sandbox/clock/advance", { by: "P13DT23H59M" });
    expect(MsDeal.parse((await ms("GET", "/deal/order-2/")).body).status).toBe("Created");
    await ms("POST", "/__sandbox/clock/advance", { by: "PT1M" });
    const canceled = MsDeal.parse((await ms("GET", "/deal/order-2/")).body);
    expect(canceled).toMatchObject({ status: "Canceled", conversion_time: "2026-02-14T11:00:00", canceled_at: "2026-02-28T11:00:00", paid_at: null });

    // 7. A personal promo code, within the catalog's widened percent range.
    expect((await ms("PATCH", `/catalog/${catalog.id}/`, { max_promo_code_percent: 15 })).status).toBe(200);
    const friend = await ms("POST", "/promo/", { code: "FRIEND10", percent_discounts: 10, catalog: [catalog.id] });
    expect(friend).toMatchObject({ status: 201, body: { code: "FRIEND10", percent_discounts: 10, catalog: [catalog.id] } });
    const friendId = z.object({ id: z.union([z.string(), z.number()]) }).parse(friend.body).id;
    expect((await ms("POST", "/promo/", { code: "FRIEND20", percent_discounts: 20, catalog: [catalog.id] })).status).toBe(400);
    expect((await ms("PATCH", `/promo/${friendId}/`, { percent_discounts: 12 })).status).toBe(200);
    expect(await ms("GET", "/promo/check_promo_by_code/?catalog_code=super_catalog&code=FRIEND10")).toEqual({ status: 200, body: { percent_discounts: 12 } });

    // 8. A deal with the personal code, rejected by the platform's moderation (control plane).
    const third = { status: "Paid", offer: "Basic", cost: 80, currency: "USD", deal_id: "order-3", catalog_code: "super_catalog", promo_code: "FRIEND10" };
    expect((await ms("POST", "/deal/", third)).status).toBe(201);
    expect(await ms("POST", "/__sandbox/myshare/deals/order-3/rejection", { reason: "chargeback" })).toMatchObject({ status: 200, body: { status: "Rejected" } });

    // 9. The deal list and the statistics agree.
    expect(await ms("GET", "/deal/?status=Approved&status=Canceled&page_size=1")).toMatchObject({ status: 200, body: { count: 2 } });
    const byPromo = z.object({ results: z.array(MsDeal) }).parse((await ms("GET", "/deal/?promo=FRIEND10")).body);
    expect(byPromo.results.map((d) => [d.promo?.code, d.cost, d.status])).toEqual([["FRIEND10", 80, "Rejected"]]);
    expect(await ms("GET", "/deal/get_statistics_deals/?currency=USD")).toMatchObject({
      status: 200,
      body: { deal_approved: 1, deal_canceled: 1, deal_rejected: 1, sum_deal_paid: null },
    });
    expect((await ms("GET", "/deal/?status=Done")).status).toBe(400);

    const events = await ms("GET", "/__sandbox/events?provider=myshare&entity=deal");
    const log = z.object({ events: z.array(z.object({ id: z.string(), from: z.unknown(), to: z.unknown(), cause: z.string() })) }).parse(events.body);
    expect(log.events.map((e) => [e.from, e.to, e.cause])).toEqual([
      [null, "Created", "request"],
      ["Created", "Paid", "request"],
      ["Paid", "Approved", "timer"],
      [null, "Created", "request"],
      ["Created", "Canceled", "timer"],
      [null, "Paid", "request"],
      ["Paid", "Rejected", "control"],
    ]);
  });
});
