// `node scripts/console-screenshot.mjs [out.png]`: docs/console.png, the README's picture of the web console.
// Builds when dist/ is stale, starts the sandbox in this process on a free port (real time fixed, so the same
// picture each run), plays a week of a tenant's life through the provider APIs, and photographs the console
// in Debian's Chromium (apt-get install -y chromium) through playwright-core.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { buildIfStale } from "./build-if-stale.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = resolve(process.argv[2] ?? `${root}/docs/console.png`);
const TOKEN = "demo-shop";
const T0 = Date.UTC(2026, 2, 2, 7, 30);
const DAY = 86_400_000;

await buildIfStale();
const { createSandbox } = await import("../dist/src/index.js");
const sandbox = createSandbox({ seed: "console-screenshot", realNow: () => T0, tenantTtlMs: 0 });
const base = await sandbox.listen(0, "127.0.0.1");

/** A call as the tenant; fails loudly on an unexpected status. */
async function call(method, path, body, expected = [200, 201, 204]) {
  const headers = { Authorization: `Bearer ${TOKEN}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!expected.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}
const advance = (by) => call("POST", "/__sandbox/clock/advance", { by });
const ym = (name, body) => call("POST", `/api/offerwall/v1/campaigns/${name}`, body);

function ymCampaign(partnerCampaignId, extra) {
  return {
    partnerCampaignId,
    categoryId: 39,
    campaignType: "codeOnline",
    pinType: "one-off",
    pinDisplayType: "text",
    acceptUrl: "https://shop.example.com/promo?code={{couponCode}}",
    campaignEnd: new Date(T0 + 60 * DAY).toISOString(),
    merchantDomain: "shop.example.com",
    merchantName: "Весна",
    merchantLogoSvg: "https://shop.example.com/logo.svg",
    merchantLogoPng: "https://shop.example.com/logo.png",
    backgroundColor: "#1e1e1e",
    fontColor: "#ffffff",
    description: "Скидка 10% на всё",
    conditions: "Промокод действует на один заказ",
    discountType: "percent",
    discountAmount: "10",
    campaignFee: "100",
    feeType: "fix",
    ...extra,
  };
}

try {
  // Wildberries: a funded seller with an Auction and an automatic campaign, and a media campaign.
  await call("POST", "/__sandbox/wildberries/balance", { balance: 250_000, bonus: 5_000 });
  const subjects = await call("GET", "/adv/v1/supplier/subjects");
  const nms = await call("POST", "/adv/v2/supplier/nms", [subjects[0].id]);
  const auction = await call("POST", "/adv/v2/seacat/save-ad", { campaignName: "Весенняя распродажа", nms: [nms[0].nm, nms[1].nm] });
  await call("POST", `/adv/v1/budget/deposit?id=${auction}`, { sum: 40_000, type: 0, return: true });
  await call("GET", `/adv/v0/start?id=${auction}`);
  const auto = Number(await call("POST", "/adv/v1/save-ad", { type: 8, name: "Автокампания", subjectId: subjects[0].id, sum: 15_000, btype: 0, on_pause: false, nms: [nms[2]?.nm ?? nms[0].nm], cpm: 250 }));
  await call("POST", "/__sandbox/wildberries/media-campaigns", { name: "Баннер на главной", brand: "Весна", type: 2, budget: 30_000, items: [{ name: "Весна", cpm: 350 }] });

  // YooMoney: one campaign starting tomorrow at 10:00, one waiting for the moderator.
  const start = new Date(T0 + DAY + 2.5 * 3_600_000).toISOString();
  const first = (await ym("create", ymCampaign(101, { campaignStart: start }))).result.ymCampaignId;
  await ym("add-pins", { ymCampaignId: first, pinList: Array.from({ length: 40 }, (_, i) => `SPRING${String(i).padStart(3, "0")}`) });
  await call("POST", `/__sandbox/yoomoney/campaigns/${first}/moderation`, { decision: "approve" });

  // myshare: a catalog, an offer, a partner and deals.
  const catalog = await call("POST", "/catalog/", { title: "Курсы английского", catalog_code: "english", hold_duration: "14 00:00:00", canceled_duration: "7 00:00:00", is_promocode_allowed: true, is_published: true });
  await call("POST", "/offer/", { name: "Basic", catalog_id: catalog.id, is_promocode_allowed: true, is_active: true, prices: [{ cost: 4900, currency: "RUB" }], reward_percent: 10 });
  const partner = await call("POST", "/__sandbox/myshare/partners", { catalog_id: catalog.id });
  const deal = { offer: "Basic", cost: 4900, currency: "RUB", catalog_code: "english" };

  await advance("P1DT3H");
  for (let i = 0; i < 3; i++) await call("POST", `/__sandbox/yoomoney/campaigns/${first}/offers`);
  await call("POST", "/deal/", { ...deal, status: "Created", deal_id: "order-1001", promo_code: partner.promo_code });
  await advance("P2D");
  await call("PATCH", "/deal/order-1001/", { status: "Paid" });
  await call("POST", "/deal/", { ...deal, status: "Created", deal_id: "order-1002", another_data: `myshare=${partner.uid}` });
  await ym("create", ymCampaign(102));
  await call("GET", `/adv/v0/pause?id=${auto}`);
  await advance("P2D");
  await call("GET", `/adv/v0/start?id=${auto}`);
  await call("POST", "/__sandbox/faults", { provider: "wildberries", operation: "getFullStats", respond: { status: 503 }, times: 2 });
  await advance("P2DT20H");
  await call("GET", "/adv/v1/balance");
  await call("POST", "/adv/v2/fullstats", [{ id: auction }], [503]);
  await call("GET", "/adv/v1/promotion/count");

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`${base}/__sandbox/console?token=${TOKEN}`);
    await page.locator('[data-testid="wb-traffic"] tbody tr').first().waitFor();
    await page.locator(`tr[data-wb-campaign="${auction}"] [data-action="traffic"]`).click();
    await page.locator('[data-testid="wb-traffic"] tbody tr').nth(6).waitFor();
    // The picture: from the top to the end of the Wildberries panel (clock, faults, timeline, YooMoney, the chart).
    const bottom = await page.locator("#wildberries").evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY + 14);
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1360, height: Math.ceil(bottom) } });
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    await browser.close();
  }
} finally {
  await sandbox.close();
}
