import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "../support/browser.js";
import { at, createYmCampaign, list, openConsole } from "./console-fixture.js";

/** The console's other actions, each checked through the provider API or the control plane it drives. */
describe.skipIf(CHROMIUM.path === undefined)("the web console's actions, in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("freezes and resumes the clock, advances it by a custom ISO duration, and resets the tenant after a confirm", async () => {
    let id = 0;
    const run = await openConsole(browser, "console-clock", {}, async (setup) => {
      id = await createYmCampaign(setup, 30);
    });
    const { page } = run;
    await page.locator(`tr[data-ym-campaign="${id}"]`).waitFor();
    await page.getByRole("button", { name: "Freeze" }).click();
    await page.getByTestId("clock-state").filter({ hasText: "frozen" }).waitFor();
    expect((await run.call("GET", "/__sandbox/clock")).body).toEqual({ now: "2026-01-15T09:00:00.000Z", frozen: true });
    await page.getByRole("button", { name: "Resume" }).click();
    await page.getByTestId("clock-state").filter({ hasText: "running" }).waitFor();
    expect(at((await run.call("GET", "/__sandbox/clock")).body, "frozen")).toBe(false);

    await page.locator('input[name="duration"]').fill("PT2H30M");
    await page.getByRole("button", { name: "Advance", exact: true }).click();
    await page.getByTestId("clock-now").filter({ hasText: "2026-01-15 11:30:00" }).waitFor();
    expect(at((await run.call("GET", "/__sandbox/clock")).body, "now")).toBe("2026-01-15T11:30:00.000Z");
    // A duration the control plane refuses is shown with its reason.
    await page.locator('input[name="duration"]').fill("two hours");
    await page.getByRole("button", { name: "Advance", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "invalid_duration" }).waitFor();

    await page.getByRole("button", { name: "Reset tenant…" }).click();
    await run.shot("reset-confirm");
    await page.getByTestId("reset-confirm").click();
    await page.locator("#yoomoney .empty").waitFor();
    await page.getByTestId("clock-now").filter({ hasText: "2026-01-15 09:00:00" }).waitFor();
    const all = await run.call("POST", "/api/offerwall/v1/campaigns/get-all-campaigns", { limit: 10, offset: 0 });
    expect(at(all.body, "total")).toBe(0);
    // The timeline starts again with the new tenant's events.
    await createYmCampaign(run, 31);
    await page.locator('[data-testid="timeline-list"] tr[data-seq="1"][data-provider="yoomoney"]').waitFor();
  });

  it("Wildberries: a top-up and the moderator's decline reach the API; YooMoney: a user takes an offer", async () => {
    let advertId = 0;
    let ymId = 0;
    const run = await openConsole(browser, "console-wb-ym-actions", {}, async (setup) => {
      const subjects = await setup.call("GET", "/adv/v1/supplier/subjects");
      const nms = await setup.call("POST", "/adv/v2/supplier/nms", [at(subjects.body, 0, "id")]);
      const made = await setup.call("POST", "/adv/v2/seacat/save-ad", { campaignName: "На модерации", nms: [at(nms.body, 0, "nm")] });
      advertId = Number(made.body);
      ymId = await createYmCampaign(setup, 40);
      expect((await setup.call("POST", `/__sandbox/yoomoney/campaigns/${ymId}/moderation`, { decision: "approve" })).status).toBe(200);
      expect(await setup.call("POST", "/api/offerwall/v1/campaigns/start", { ymCampaignId: ymId })).toMatchObject({ status: 200 });
    });
    const { page } = run;

    await page.locator('input[name="amount"]').fill("12345");
    await page.getByRole("button", { name: "Top up", exact: true }).click();
    await page.locator('[data-money="balance"]').filter({ hasText: "12" }).waitFor();
    expect((await run.call("GET", "/adv/v1/balance")).body).toEqual({ balance: 12345, net: 0, bonus: 0 });

    await page.locator(`tr[data-wb-campaign="${advertId}"][data-status="4"] [data-action="decline"]`).click();
    await page.locator(`tr[data-wb-campaign="${advertId}"][data-status="8"]`).waitFor();
    await run.call("POST", "/__sandbox/clock/advance", { by: "PT3M" });
    const adverts = await run.call("POST", "/adv/v1/promotion/adverts", [advertId]);
    expect(list(adverts.body).map((c) => at(c, "status"))).toEqual([8]);

    await page.locator(`tr[data-ym-campaign="${ymId}"][data-status="started"] [data-action="take-offer"]`).click();
    await page.getByTestId("ym-last-offer").filter({ hasText: "clickId" }).waitFor();
    const info = await run.call("POST", "/api/offerwall/v1/campaigns/info", { ymCampaignId: ymId });
    expect(at(info.body, "result", "campaignAccepts")).toBe(1);
    await page.locator(`tr[data-ym-campaign="${ymId}"] td[data-offers="1"]`).waitFor();
    await run.shot("wildberries-yoomoney-actions");
  });

  it("myshare: a partner joins from the console with a promo code the API accepts; deals show their deadlines; the timeline filters", async () => {
    let catalog: { id: string; publicId: string } = { id: "", publicId: "" };
    const run = await openConsole(browser, "console-myshare", {}, async (setup) => {
      const made = await setup.call("POST", "/catalog/", { title: "Курсы", catalog_code: "courses", hold_duration: "10 00:00:00", canceled_duration: "7 00:00:00", is_promocode_allowed: true, is_published: true });
      catalog = { id: String(at(made.body, "id")), publicId: String(at(made.body, "catalog_id")) };
      await setup.call("POST", "/offer/", { name: "Basic", catalog_id: catalog.id, is_promocode_allowed: true, is_active: true, prices: [{ cost: 100, currency: "USD" }], reward_percent: 5 });
    });
    const { page } = run;
    await page.locator(`tr[data-ms-catalog="${catalog.id}"] [data-action="join"]`).click();
    const partner = page.locator('[data-testid="ms-partners"] tbody tr').first();
    await partner.waitFor();
    const code = (await partner.locator("td").nth(1).textContent()) ?? "";
    expect(code).toMatch(/^\w{12}$/);
    const check = await run.call("GET", `/promo/check_promo/?code=${code}&catalog_id=${catalog.publicId}`);
    expect(check).toMatchObject({ status: 200, body: { percent_discounts: 5 } });

    const deal = { offer: "Basic", cost: 100, currency: "USD", catalog_code: "courses" };
    expect((await run.call("POST", "/deal/", { ...deal, status: "Created", deal_id: "order-1", promo_code: code })).status).toBe(201);
    const row = page.locator('[data-testid="ms-deals"] tr[data-status="Created"]', { hasText: "order-1" });
    await row.waitFor();
    expect(await row.locator("td").nth(7).textContent()).toBe("2026-01-22 09:00:00");
    await run.call("PATCH", "/deal/order-1/", { status: "Paid" });
    const paid = page.locator('[data-testid="ms-deals"] tr[data-status="Paid"]', { hasText: "order-1" });
    await paid.waitFor();
    expect(await paid.locator("td").nth(6).textContent()).toBe("2026-01-25 09:00:00");

    await page.locator('#timeline select[name="provider"]').selectOption("myshare");
    await page.locator('#timeline select[name="cause"]').selectOption("request");
    const rows = page.locator('[data-testid="timeline-list"] tbody tr');
    await rows.first().waitFor();
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-provider"), tr.getAttribute("data-cause")]));
    expect(shown.length).toBeGreaterThan(1);
    for (const pair of shown) expect(pair).toEqual(["myshare", "request"]);
    await run.shot("myshare");
  });
});
