import { afterEach, describe, expect, it } from "vitest";
import { createMyshareClient } from "../../../src/clients/myshare/index.js";
import { createSandboxControlClient } from "../../../src/clients/sandbox/index.js";
import type { Sandbox } from "../../../src/server.js";
import { makeSandbox } from "../../support/sandbox.js";
import { MsCatalogCreateRequest, MsOfferCreateRequest } from "../../../src/contracts/myshare/index.js";
import { catalogBody, offerBody } from "./helpers.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const seen = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

describe("the typed myshare client picks up the new operations", () => {
  it("a personal promo code, deals listed with repeated filters, a rejection through the control client, the statistics", async () => {
    sandbox = makeSandbox();
    const baseUrl = await sandbox.listen(0);
    const ms = createMyshareClient({ baseUrl, token: "client-ms" });
    const control = createSandboxControlClient({ baseUrl, token: "client-ms" });
    const catalog = await ms.createCatalog({ body: MsCatalogCreateRequest.parse(catalogBody({ min_promo_code_percent: 7, max_promo_code_percent: 9 })) });
    if (catalog.status !== 201) throw new Error(JSON.stringify(seen(catalog)));
    expect((await ms.createOffer({ body: MsOfferCreateRequest.parse(offerBody(catalog.body.id)) })).status).toBe(201);
    const promo = await ms.createPromo({ body: { code: "Friend", percent_discounts: 8, catalog: [catalog.body.id] } });
    if (promo.status !== 201) throw new Error(JSON.stringify(seen(promo)));
    expect(seen(await ms.patchPromo({ params: { id: promo.body.id }, body: { percent_discounts: 9 } }))).toEqual({ status: 200, body: { ...promo.body, percent_discounts: 9 } });
    expect(seen(await ms.checkPromoByCode({ query: { catalog_code: "super_catalog", code: "Friend" } }))).toEqual({ status: 200, body: { percent_discounts: 9 } });
    for (const deal_id of ["a", "b", "c"]) {
      const made = await ms.createDeal({ body: { status: "Created", offer: "Offer name", cost: 10, currency: "USD", deal_id, catalog_code: "super_catalog", promo_code: "Friend" } });
      expect(made.status).toBe(201);
    }
    const rejected = await control.rejectMyshareDeal({ params: { id: "b" }, body: { reason: "fraud" } });
    expect(rejected).toMatchObject({ status: 200, body: { status: "Rejected" } });
    expect((await ms.patchDeal({ params: { id: "c" }, body: { status: "Paid" } })).status).toBe(200);
    const list = await ms.listDeals({ query: { status: ["Rejected", "Paid"], promo: "Friend", o: "conversion_time" } });
    if (list.status !== 200) throw new Error(JSON.stringify(seen(list)));
    expect(list.body.results.map((deal) => deal.status)).toEqual(["Rejected", "Paid"]);
    const stats = await ms.dealStatistics({ query: { currency: "USD" } });
    expect(stats).toMatchObject({ status: 200, body: { deal_created: 1, deal_paid: 1, deal_rejected: 1, sum_deal_rejected: 10, sum_deal_approved: null } });
    const bad = await ms.listDeals({ query: { conversion_time_before: "10" } });
    expect(seen(bad)).toEqual({ status: 400, body: { conversion_time: ["Enter a valid date."] } });
  });
});
