import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMyshareClient } from "../../src/clients/myshare/index.js";
import { createSandboxControlClient } from "../../src/clients/sandbox/index.js";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { openApiAnswerRecorder } from "../support/openapi-answers.js";
import { verifyWithCatalogue } from "./catalogue-pact.js";
import { CATALOG_BODY, MS_PACT_FILE, offerBody } from "./myshare-pact.js";

describe("promo-sandbox as the myshare provider", () => {
  let sandbox: Sandbox;
  const answers = openApiAnswerRecorder();
  let baseUrl: string;

  beforeAll(async () => {
    sandbox = createSandbox({ validateResponses: true, onAnswer: answers.onAnswer });
    baseUrl = await sandbox.listen(0);
  });
  afterAll(() => sandbox.close());

  it("honours every interaction of the myshare-client pact, each state from the sandbox's catalogue", async () => {
    const report = await verifyWithCatalogue(MS_PACT_FILE, baseUrl);
    // A failed state explains the mismatches after it: compared first.
    expect(report.stateFailures).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });

  it("every myshare client method reads the sandbox's answers", async () => {
    const token = "myshare-client-roundtrip";
    const ms = createMyshareClient({ baseUrl, token });
    const seen = ({ status, body }: { status: number; body: unknown }) => ({ status, body });
    const catalog = await ms.createCatalog({ body: { ...CATALOG_BODY, canceled_duration: "01:00:00" } });
    if (catalog.status !== 201) throw new Error(`createCatalog failed: ${JSON.stringify(catalog.body)}`);
    const id = catalog.body.id;
    expect(await ms.patchCatalog({ params: { id }, body: { title: "Renamed" } })).toMatchObject({ status: 200, body: { title: "Renamed" } });
    const offer = await ms.createOffer({ body: offerBody(id) });
    if (offer.status !== 201) throw new Error(`createOffer failed: ${JSON.stringify(offer.body)}`);
    expect(seen(await ms.getOffer({ params: { id: offer.body.id } }))).toEqual({ status: 200, body: offer.body });
    expect(await ms.patchOffer({ params: { id: offer.body.id }, body: { description: "New" } })).toMatchObject({ status: 200, body: { description: "New" } });
    const landing = await ms.createLanding({ body: { url: "http://example.com", catalog_id: id } });
    if (landing.status !== 201) throw new Error(`createLanding failed: ${JSON.stringify(landing.body)}`);
    expect(await ms.patchLanding({ params: { id: landing.body.id }, body: { title: "Landing" } })).toMatchObject({ status: 200, body: { title: "Landing" } });
    expect(await ms.getCatalog({ params: { id } })).toMatchObject({ status: 200, body: { title: "Renamed", offers: [{ description: "New" }], landings: [{ title: "Landing" }] } });
    expect(await ms.listCatalogs({ query: { page: "1", page_size: "5" } })).toMatchObject({ status: 200, body: { count: 1, next: null, previous: null } });
    expect(seen(await ms.deleteLanding({ params: { id: landing.body.id } }))).toEqual({ status: 204, body: undefined });

    const joined = await createSandboxControlClient({ baseUrl, token }).joinMysharePartner({ body: { catalog_id: id } });
    if (joined.status !== 201) throw new Error(`joinMysharePartner failed: ${JSON.stringify(joined.body)}`);
    const partner = joined.body;
    expect(seen(await ms.checkUuid({ query: { code: partner.uid } }))).toEqual({ status: 200, body: { percent_discounts: 0 } });
    expect(seen(await ms.checkPromo({ query: { code: partner.promo_code, catalog_id: catalog.body.catalog_id } }))).toEqual({ status: 200, body: { percent_discounts: 5 } });
    const deal = await ms.createDeal({ body: { status: "Created", offer: "Basic", cost: 100, currency: "USD", deal_id: "rt-1", catalog_code: "super_catalog", promo_code: partner.promo_code } });
    expect(deal).toMatchObject({ status: 201, body: { status: "Created", promo_code: partner.promo_code } });
    expect(await ms.getDeal({ params: { id: "rt-1" } })).toMatchObject({ status: 200, body: { status: "Created", promo: { code: partner.promo_code }, payment_sum: 5 } });
    expect(seen(await ms.patchDeal({ params: { id: "rt-1" }, body: { status: "Canceled", is_returned: true } }))).toEqual({
      status: 200,
      body: { status: "Canceled", cost: "100.00", is_returned: true, comment: null },
    });
    expect(seen(await ms.patchDeal({ params: { id: "rt-1" }, body: { status: "Paid" } }))).toEqual({
      status: 400,
      body: { status: ["Canceled deal cannot be changed."] },
    });
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });
});
