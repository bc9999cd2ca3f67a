import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "../support/browser.js";
import { T0 } from "../support/fixed-time.js";
import { activeAuction, at, createYmCampaign, list, moscowDay, openConsole, ymStatus } from "./console-fixture.js";

/**
 * The web console at /__sandbox/console in Debian's Chromium: what it shows is what the provider APIs answer,
 * and what it does (approve, advance the clock, add a fault) is what those APIs then see.
 */
describe.skipIf(CHROMIUM.path === undefined)("the web console, in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a YooMoney campaign created through the API while it is open, in its table, the timeline and the journal", async () => {
    const run = await openConsole(browser, "console-ym-shows");
    const { page } = run;
    await page.getByTestId("ym-campaigns").or(page.locator("#yoomoney .empty")).first().waitFor();
    const id = await createYmCampaign(run, 20);
    const row = page.locator(`tr[data-ym-campaign="${id}"]`);
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("moderation");
    expect(await row.getByTestId("ym-status").textContent()).toBe("moderation");
    expect(await row.textContent()).toContain("Магазин");
    // The timeline got the campaign's first event (created, in moderation), caused by a request.
    await page.locator(`[data-testid="timeline-list"] tr[data-cause="request"]`, { hasText: String(id) }).first().waitFor();
    // The journal lists the call; a click shows its bodies.
    const call = page.locator('[data-testid="journal"] tr[data-status="200"]', { hasText: "/api/offerwall/v1/campaigns/create" });
    await call.click();
    await page.getByTestId("response-body").filter({ hasText: String(id) }).waitFor();
    expect(await page.getByTestId("request-body").textContent()).toContain('"partnerCampaignId": 20');
    await run.shot("yoomoney-campaign");
  });

  it("approve in the console makes the campaign verified, as campaigns/get then answers", async () => {
    const run = await openConsole(browser, "console-ym-approve");
    const id = await createYmCampaign(run, 21);
    const row = run.page.locator(`tr[data-ym-campaign="${id}"]`);
    await row.locator('[data-action="approve"]').click();
    await run.page.locator(`tr[data-ym-campaign="${id}"][data-status="verified"]`).waitFor();
    expect(await ymStatus(run, id)).toBe("verified");
    await run.shot("yoomoney-approve");
  });

  it("the +1 d button starts an approved campaign at its campaignStart", async () => {
    const run = await openConsole(browser, "console-ym-start");
    const start = new Date(T0 + 2 * 3_600_000).toISOString();
    const id = await createYmCampaign(run, 22, { campaignStart: start });
    const { page } = run;
    await page.locator(`tr[data-ym-campaign="${id}"] [data-action="approve"]`).click();
    await page.locator(`tr[data-ym-campaign="${id}"][data-status="verified"]`).waitFor();
    await page.locator('#clock [data-advance="P1D"]').click();
    await page.locator(`tr[data-ym-campaign="${id}"][data-status="started"]`).waitFor();
    expect(await ymStatus(run, id)).toBe("started");
    // It started at campaignStart exactly, by its timer (not when the clock stopped a day later).
    const events = await run.call("GET", `/__sandbox/events?provider=yoomoney&id=${id}`);
    const started = list(at(events.body, "events")).find((e) => at(e, "to") === "started");
    expect(started).toMatchObject({ from: "verified", to: "started", cause: "timer", at: start });
    await page.getByTestId("clock-now").filter({ hasText: "2026-01-16 09:00" }).waitFor();
    await run.shot("yoomoney-start-at-campaign-start");
  });

  it("after a simulated week, a Wildberries campaign's traffic chart shows fullstats' daily totals", async () => {
    let advertId = 0;
    const run = await openConsole(browser, "console-wb-traffic", {}, async (setup) => {
      advertId = await activeAuction(setup);
    });
    const { page } = run;
    await page.locator(`tr[data-wb-campaign="${advertId}"][data-status="9"]`).waitFor();
    await page.locator('#clock [data-advance="P7D"]').click();
    // The week's last Moscow day appears once the clock has moved and the chart has read the cells again.
    await page.locator(`[data-testid="wb-traffic"] tr[data-day="${moscowDay(7)}"]`).waitFor();
    const shown = await page.locator('[data-testid="wb-traffic"] tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const value = (metric: string) => Number(row.querySelector(`[data-metric="${metric}"]`)?.getAttribute("data-value"));
        return { day: row.getAttribute("data-day"), views: value("views"), clicks: value("clicks"), orders: value("orders"), spend: value("spend") };
      }),
    );
    // The chart draws the same numbers (uPlot's canvas, fed from the data the table shows).
    expect(await page.locator('[data-testid="wb-chart"] canvas').count()).toBeGreaterThan(0);
    const charted = list(JSON.parse((await page.getByTestId("wb-chart").getAttribute("data-traffic")) ?? "[]"));
    expect(charted).toEqual(shown.map((d) => ({ ...d, atbs: expect.any(Number) })));

    const stats = await run.call("POST", "/adv/v2/fullstats", [{ id: advertId, interval: { begin: moscowDay(0), end: moscowDay(7) } }]);
    expect(stats.status).toBe(200);
    const days = list(at(stats.body, 0, "days"));
    const expected = days.map((d) => ({
      day: String(at(d, "date")).slice(0, 10),
      views: at(d, "views"),
      clicks: at(d, "clicks"),
      orders: at(d, "orders"),
      spend: at(d, "sum"),
    }));
    expect(expected.length).toBe(8);
    expect(expected.reduce((sum, d) => sum + Number(d.views), 0)).toBeGreaterThan(0);
    expect(shown).toEqual(expected);
    await run.shot("wildberries-traffic");
  });

  it("a fault added in the console makes the next Wildberries call fail in Wildberries' own words, once", async () => {
    const run = await openConsole(browser, "console-fault");
    const { page } = run;
    await page.getByText("Add a fault…").click();
    const form = page.getByTestId("fault-form");
    await form.locator('select[name="provider"]').selectOption("wildberries");
    await form.locator('input[name="status"]').fill("503");
    await form.locator('input[name="times"]').fill("1");
    await form.getByRole("button", { name: "Add fault" }).click();
    await page.locator('[data-testid="faults"] tr[data-fault="f1"]').waitFor();

    const faulted = await run.call("GET", "/adv/v1/balance");
    expect(faulted.status).toBe(503);
    expect(faulted.body).toMatchObject({ title: "service unavailable", detail: "Service Unavailable", status: 503, statusText: "Service Unavailable" });
    expect((await run.call("GET", "/adv/v1/balance")).status).toBe(200);
    // The console shows it used up, and the journal names the fault applied.
    await page.locator('[data-testid="faults"] tr[data-fault="f1"] td[data-applied="1"]').waitFor();
    expect(await page.locator('[data-testid="faults"] tr[data-fault="f1"] td[data-remaining]').getAttribute("data-remaining")).toBe("0");
    await page.locator('[data-testid="journal"] tr[data-status="503"]', { hasText: "f1" }).waitFor();
    await run.shot("fault");
  });

  it("lists tenants only to the admin token of a sandbox started with one, and opens a tenant from the list", async () => {
    const admin = "console-admin-secret-0123456789";
    const run = await openConsole(browser, admin, { adminToken: admin }, async (setup) => {
      await setup.call("GET", "/__sandbox/clock", undefined, "alice");
      await setup.call("GET", "/__sandbox/clock", undefined, "bob");
    });
    const { page } = run;
    await page.locator('[data-testid="tenants"] tr[data-tenant="alice"]').waitFor();
    await page.locator('[data-testid="tenants"] tr[data-tenant="bob"]').waitFor();
    await run.shot("admin-tenants");
    await page.locator('tr[data-tenant="alice"] [data-action="open"]').click();
    await page.getByTestId("clock-now").waitFor();
    expect(await page.locator("#tenants").count()).toBe(0);
    // The console now acts as alice: what it shows comes from alice's tenant.
    const token = await page.locator("#token").inputValue();
    expect(token).not.toBe(admin);
    expect(token).not.toBe("alice");
    expect((await run.call("GET", "/__sandbox/clock", undefined, token)).status).toBe(200);

    // A tenant's token on that same sandbox sees no list.
    await page.goto(`${run.base}/__sandbox/console?token=carol`);
    await page.getByTestId("clock-now").waitFor();
    expect(await page.locator("#tenants").count()).toBe(0);
  });

  it("without --admin-token, no token shows a list of tenants", async () => {
    const run = await openConsole(browser, "console-admin-secret-0123456789", {}, async (setup) => {
      await setup.call("GET", "/__sandbox/clock", undefined, "alice");
    });
    await run.page.getByTestId("clock-now").waitFor();
    expect(await run.page.locator("#tenants").count()).toBe(0);
    expect(await run.page.locator("[data-tenant]").count()).toBe(0);
    await run.shot("no-admin");
  });

  it("remembers the pasted token across visits (localStorage), and a token typed in switches tenant", async () => {
    const run = await openConsole(browser, "console-remembered");
    const { page } = run;
    await page.getByTestId("clock-now").waitFor();
    expect(new URL(page.url()).search).toBe("");
    await page.goto(`${run.base}/__sandbox/console`);
    await page.getByTestId("clock-now").waitFor();
    expect(await page.locator("#token").inputValue()).toBe("console-remembered");

    const id = await createYmCampaign({ call: (method, path, body) => run.call(method, path, body, "console-other") }, 50);
    await page.locator("#token").fill("Bearer console-other");
    await page.getByRole("button", { name: "Use", exact: true }).click();
    await page.locator(`tr[data-ym-campaign="${id}"]`).waitFor();
    expect(await page.locator("#token").inputValue()).toBe("console-other");
    await page.goto(`${run.base}/__sandbox/console`);
    await page.locator(`tr[data-ym-campaign="${id}"]`).waitFor();
  });
});
