import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { CHROMIUM, launchChromium } from "../support/browser.js";

const SHOTS = join(process.cwd(), "test-results", "api-docs");

/** The served API reference in Debian's Chromium: "Try it out" reaches this sandbox with the tenant's token. */
describe.skipIf(CHROMIUM.path === undefined)("the API reference page at /__sandbox/docs, in a real browser", () => {
  let browser: Browser;
  let sandbox: Sandbox;
  let base: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sandbox = createSandbox({ seed: "docs-page" });
    base = await sandbox.listen(0, "127.0.0.1");
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it("sends Try it out to this sandbox with the token given in the page's address, and the call lands in that tenant's journal", async () => {
    const token = "docs-page-seller";
    const page = await browser.newPage();
    await page.goto(`${base}/__sandbox/docs?urls.primaryName=wildberries#token=${token}`);
    const operation = page.locator("#operations-campaigns-countCampaigns");
    await operation.locator(".opblock-summary").click();
    await operation.getByRole("button", { name: "Try it out" }).click();
    await operation.getByRole("button", { name: "Execute" }).click();
    await operation.locator(".live-responses-table tbody .response-col_status").first().waitFor();
    await page.screenshot({ path: join(SHOTS, "try-it-out.png"), fullPage: false });
    const statusText = (await operation.locator(".live-responses-table tbody .response-col_status").first().textContent())?.trim();
    expect(statusText).toBe("200");

    const journal = await fetch(`${base}/__sandbox/requests?operation=countCampaigns`, { headers: { Authorization: token } });
    expect(journal.status).toBe(200);
    const body: unknown = await journal.json();
    expect(body).toMatchObject({ requests: [{ method: "GET", path: "/adv/v1/promotion/count", status: 200, operation: "countCampaigns" }] });
    await page.close();
  });
});
