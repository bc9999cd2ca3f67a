import { afterEach, describe, expect, it } from "vitest";
import { createMyshareClient } from "../../src/clients/myshare/index.js";
import { createSandboxControlClient } from "../../src/clients/sandbox/index.js";
import { UnexpectedResponse } from "../../src/clients/unexpected-response.js";
import { createWildberriesClient } from "../../src/clients/wildberries/index.js";
import { createYooMoneyClient } from "../../src/clients/yoomoney/index.js";
import type { Sandbox } from "../../src/server.js";
import { CATALOG_BODY } from "../contracts/myshare-pact.js";
import { CREATE_BODY } from "../contracts/yoomoney-pact.js";
import { makeSandbox } from "../support/sandbox.js";

/** The generated clients against a real sandbox: each parses what the sandbox answers. */

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(): Promise<string> {
  sandbox = makeSandbox();
  return sandbox.listen(0);
}

const seen = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

describe("generated clients against the sandbox", () => {
  it("control plane: reset, settings, the clock, and a provider helper", async () => {
    const control = createSandboxControlClient({ baseUrl: await start(), token: "clients-control" });
    expect(seen(await control.reset())).toEqual({ status: 200, body: { tenant: "clients-control", reset: true } });
    expect(await control.patchSettings({ body: { consistency: "immediate" } })).toMatchObject({ status: 200, body: { consistency: "immediate" } });
    const before = await control.getClock();
    if (before.status !== 200) throw new Error(`getClock answered ${before.status}`);
    const advanced = await control.advanceClock({ body: { by: "PT1H" } });
    if (advanced.status !== 200) throw new Error(`advanceClock answered ${advanced.status}`);
    expect(Date.parse(advanced.body.now) - Date.parse(before.body.now)).toBe(3_600_000);
    expect(seen(await control.topUpWildberriesMoney({ body: { balance: 5000 } }))).toEqual({ status: 200, body: { balance: 5000, net: 0, bonus: 0 } });
    expect(await control.advanceClock({ body: { by: "not a duration" } })).toMatchObject({ status: 400, body: { error: { code: "invalid_duration" } } });
  });

  it("Wildberries: the balance, then getConfig's one call a minute answers 429 with X-Ratelimit-Retry", async () => {
    const baseUrl = await start();
    await createSandboxControlClient({ baseUrl, token: "clients-wb" }).topUpWildberriesMoney({ body: { balance: 1000, bonus: 50 } });
    const wb = createWildberriesClient({ baseUrl, token: "clients-wb" });
    expect(seen(await wb.getBalance())).toEqual({ status: 200, body: { balance: 1000, net: 0, bonus: 50 } });
    expect(await wb.getConfig()).toMatchObject({ status: 200 });
    const limited = await wb.getConfig();
    expect(limited).toMatchObject({ status: 429, body: { title: "too many requests", status: 429 } });
    expect(limited.headers.get("x-ratelimit-retry")).toBe("60");
  });

  it("YooMoney: login, then a campaign created under the token it issued", async () => {
    const baseUrl = await start();
    const login = await createYooMoneyClient({ baseUrl }).login({ body: { login: "clients-ym", password: "secret" } });
    if (login.status !== 200) throw new Error(`users/login answered ${JSON.stringify(seen(login))}`);
    const ym = createYooMoneyClient({ baseUrl, token: login.body.accessToken });
    const created = await ym.createCampaign({ body: CREATE_BODY });
    expect(created).toMatchObject({ status: 200, body: { status: "success", result: { campaignStatus: "moderation" } } });
    expect(seen(await ym.campaignInfo({ body: { ymCampaignId: 999_999 } }))).toMatchObject({ status: 200, body: { status: "error", errors: { code: "campaignNotFound" } } });
    expect(await createYooMoneyClient({ baseUrl }).getCategories({ body: {} })).toMatchObject({ status: 401, body: { errors: { code: "unauthorized" } } });
  });

  it("myshare: a catalog, a partner joining it (control plane), and its promo code checked", async () => {
    const baseUrl = await start();
    const ms = createMyshareClient({ baseUrl, token: "clients-ms" });
    const catalog = await ms.createCatalog({ body: CATALOG_BODY });
    if (catalog.status !== 201) throw new Error(`createCatalog answered ${JSON.stringify(seen(catalog))}`);
    const partner = await createSandboxControlClient({ baseUrl, token: "clients-ms" }).joinMysharePartner({ body: { catalog_id: catalog.body.id } });
    if (partner.status !== 201) throw new Error(`joinMysharePartner answered ${JSON.stringify(seen(partner))}`);
    expect(seen(await ms.checkPromo({ query: { code: partner.body.promo_code, catalog_id: catalog.body.catalog_id } }))).toEqual({
      status: 200,
      body: { percent_discounts: 5 },
    });
    expect(seen(await ms.getDeal({ params: { id: "no-such-deal" } }))).toEqual({ status: 404, body: { detail: "Not found." } });
  });

  it("throws UnexpectedResponse for a status nothing documents (Node's 431 to a URL over 16 KiB)", async () => {
    const wb = createWildberriesClient({ baseUrl: await start(), token: "clients-431" });
    const failure = await wb.getPayments({ query: { from: "x".repeat(20_000) } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnexpectedResponse);
    expect(failure).toMatchObject({ operation: "Wildberries getPayments", httpStatus: 431 });
    expect(String(failure)).toContain("HTTP 431 is not an answer the operation documents");
  });

  it("throws UnexpectedResponse, naming the API, when baseUrl points at another API", async () => {
    const myshare = createMyshareClient({ baseUrl: `${await start()}/api/offerwall/v1`, token: "clients-wrong" });
    await expect(myshare.getCatalog({ params: { id: "x" } })).rejects.toThrow(/^myshare getCatalog answered HTTP 40\d with a body the client cannot read: .*Check baseUrl points at the myshare API/);
  });
});
