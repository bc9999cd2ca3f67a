import { Verifier } from "@pact-foundation/pact";
import { pactStateNames } from "./pact-file.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MyshareClient } from "../../src/clients/myshare/index.js";
import { MsPartnerResponse } from "../../src/contracts/sandbox/myshare.js";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { openApiAnswerRecorder } from "../support/openapi-answers.js";
import { CATALOG_BODY, MS_PACT_FILE, MS_PROVIDER, offerBody } from "./myshare-pact.js";
import { MyshareStates } from "./myshare-provider-states.js";


describe("promo-sandbox as the myshare provider", () => {
  let sandbox: Sandbox;
  const answers = openApiAnswerRecorder();
  let baseUrl: string;

  beforeAll(async () => {
    sandbox = createSandbox({ validateResponses: true, onAnswer: answers.onAnswer });
    baseUrl = await sandbox.listen(0);
  });
  afterAll(() => sandbox.close());

  it("honours every interaction of the myshare-client pact", async () => {
    const stateHandlers = new MyshareStates(baseUrl).handlers();
    // The Verifier only warns about a state without a handler; here it is an error.
    const states = pactStateNames(MS_PACT_FILE);
    expect([...states].filter((state) => !(state in stateHandlers))).toEqual([]);

    await new Verifier({ provider: MS_PROVIDER, providerBaseUrl: baseUrl, pactUrls: [MS_PACT_FILE], stateHandlers, logLevel: "warn" }).verifyProvider();
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });

  it("every MyshareClient method reads the sandbox's answers", async () => {
    const token = "myshare-client-roundtrip";
    const ms = new MyshareClient({ baseUrl, token });
    const catalog = await ms.createCatalog({ ...CATALOG_BODY, canceled_duration: "01:00:00" });
    if (!catalog.ok) throw new Error(`createCatalog failed: ${JSON.stringify(catalog.error)}`);
    const id = catalog.value.id;
    expect(await ms.updateCatalog(id, { title: "Renamed" })).toMatchObject({ ok: true, value: { title: "Renamed" } });
    const offer = await ms.createOffer(offerBody(id));
    if (!offer.ok) throw new Error(`createOffer failed: ${JSON.stringify(offer.error)}`);
    expect(await ms.getOffer(offer.value.id)).toEqual({ ...offer, httpStatus: 200 });
    expect(await ms.updateOffer(offer.value.id, { description: "New" })).toMatchObject({ ok: true, value: { description: "New" } });
    const landing = await ms.createLanding({ url: "http://example.com", catalog_id: id });
    if (!landing.ok) throw new Error(`createLanding failed: ${JSON.stringify(landing.error)}`);
    expect(await ms.updateLanding(landing.value.id, { title: "Landing" })).toMatchObject({ ok: true, value: { title: "Landing" } });
    expect(await ms.getCatalog(id)).toMatchObject({ ok: true, value: { title: "Renamed", offers: [{ description: "New" }], landings: [{ title: "Landing" }] } });
    expect(await ms.listCatalogs({ page: 1, page_size: 5 })).toMatchObject({ ok: true, value: { count: 1, next: null, previous: null } });
    expect(await ms.deleteLanding(landing.value.id)).toEqual({ ok: true, httpStatus: 204, value: null });

    const joined = await fetch(`${baseUrl}/__sandbox/myshare/partners`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({ catalog_id: id }),
    });
    const partner = MsPartnerResponse.parse(await joined.json());
    expect(await ms.checkUuid(partner.uid)).toEqual({ ok: true, httpStatus: 200, value: { percent_discounts: 0 } });
    expect(await ms.checkPromo(partner.promo_code, catalog.value.catalog_id)).toEqual({ ok: true, httpStatus: 200, value: { percent_discounts: 5 } });
    const deal = await ms.createDeal({ status: "Created", offer: "Basic", cost: 100, currency: "USD", deal_id: "rt-1", catalog_code: "super_catalog", promo_code: partner.promo_code });
    expect(deal).toMatchObject({ ok: true, httpStatus: 201, value: { status: "Created", promo_code: partner.promo_code } });
    expect(await ms.getDeal("rt-1")).toMatchObject({ ok: true, value: { status: "Created", promo: { code: partner.promo_code }, payment_sum: 5 } });
    expect(await ms.updateDeal("rt-1", { status: "Canceled", is_returned: true })).toEqual({
      ok: true,
      httpStatus: 200,
      value: { status: "Canceled", cost: "100.00", is_returned: true, comment: null },
    });
    expect(await ms.updateDeal("rt-1", { status: "Paid" })).toEqual({
      ok: false,
      httpStatus: 400,
      error: { kind: "validation", fields: { status: ["Canceled deal cannot be changed."] } },
    });
    expect(sandbox.violations).toEqual([]);
    expect(answers.mismatches).toEqual([]);
  });
});
