import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect, onTestFinished } from "vitest";
import { createSandbox, type Sandbox, type SandboxOptions } from "../../src/server.js";
import { T0 } from "../support/fixed-time.js";
import { openApiAnswerRecorder } from "../support/openapi-answers.js";
import type { JsonObject } from "../../src/state/kernel/json.js";
import { createBody } from "../mocks/yoomoney/helpers.js";

/** Where each console test saves its screenshot (gitignored). */
export const SHOTS = join(process.cwd(), "test-results", "console");

/** A parsed answer of the sandbox. */
export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** A sandbox on a free port of 127.0.0.1, with the console open in a fresh browser page for one tenant. */
export interface ConsoleRun {
  base: string;
  sandbox: Sandbox;
  page: Page;
  /** A call with `token` (default the run's): a provider's path, or `/__sandbox/...`. */
  call(method: string, path: string, body?: unknown, token?: string): Promise<Answer>;
  /** Saves test-results/console/<name>.png. */
  shot(name: string): Promise<void>;
}

/**
 * Starts a sandbox (answers checked against their zod contracts, control-plane answers against
 * openapi/sandbox.json; real time stands at T0, only the virtual clock moves) and opens the console at
 * `/__sandbox/console?token=<token>` in a new page of `browser`. After the test: no contract violation, no
 * error in the page, the page and the sandbox closed.
 */
export async function openConsole(browser: Browser, token: string, options: SandboxOptions = {}, setup?: (run: Omit<ConsoleRun, "page" | "shot">) => Promise<void>): Promise<ConsoleRun> {
  mkdirSync(SHOTS, { recursive: true });
  const recorder = openApiAnswerRecorder();
  const sandbox = createSandbox({
    validateResponses: true,
    realNow: () => T0,
    tenantTtlMs: 0,
    ...options,
    onAnswer: (answer) => {
      if (answer.path.startsWith("/__sandbox")) recorder.onAnswer(answer);
    },
  });
  const base = await sandbox.listen(0, "127.0.0.1");
  const call = async (method: string, path: string, body?: unknown, as = token): Promise<Answer> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${as}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: text === "" ? undefined : JSON.parse(text), headers: res.headers };
  };
  await setup?.({ base, sandbox, call });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    // A refused fetch is logged by Chromium itself ("Failed to load resource"); the page shows those in its notice.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) pageErrors.push(message.text());
  });
  onTestFinished(async () => {
    await context.close();
    await sandbox.close();
    expect(sandbox.violations).toEqual([]);
    expect(recorder.mismatches, "control-plane answers openapi/sandbox.json refuses").toEqual([]);
    expect(pageErrors, "errors in the console page").toEqual([]);
  });
  await page.goto(`${base}/__sandbox/console?token=${encodeURIComponent(token)}`);
  return { base, sandbox, page, call, shot: (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }).then(() => undefined) };
}

/** The value at `path` inside a parsed JSON body (a test failure when it is not there). */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let here: unknown = value;
  for (const key of path) {
    if (typeof here !== "object" || here === null) throw new Error(`no ${path.join(".")} in ${JSON.stringify(value)}`);
    here = Object.entries(here).find(([k]) => k === String(key))?.[1];
  }
  return here;
}

/** A JSON array (a test failure when it is not one). */
export function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value;
}

/** A YooMoney campaigns/create body: a reusable code (no upload needed to start), ending in 30 days. */
export function ymCampaign(partnerCampaignId: number, extra: JsonObject = {}): JsonObject {
  return createBody({
    partnerCampaignId,
    pinType: "reusable",
    couponCode: "SPRING10",
    acceptUrl: "https://shop.example.com/promo?code={{couponCode}}",
    campaignEnd: new Date(T0 + 30 * 86_400_000).toISOString(),
    merchantName: "Магазин",
    description: "Скидка 10% на всё",
    ...extra,
  });
}

/** A YooMoney campaign created through the API (in moderation): its ymCampaignId. */
export async function createYmCampaign(run: Pick<ConsoleRun, "call">, partnerCampaignId: number, extra: JsonObject = {}): Promise<number> {
  const created = await run.call("POST", "/api/offerwall/v1/campaigns/create", ymCampaign(partnerCampaignId, extra));
  expect(created).toMatchObject({ status: 200, body: { status: "success", result: { campaignStatus: "moderation" } } });
  const id = at(created.body, "result", "ymCampaignId");
  if (typeof id !== "number") throw new Error(`no ymCampaignId in ${JSON.stringify(created.body)}`);
  return id;
}

/** The status campaigns/get answers for a YooMoney campaign. */
export async function ymStatus(run: Pick<ConsoleRun, "call">, ymCampaignId: number): Promise<unknown> {
  const got = await run.call("POST", "/api/offerwall/v1/campaigns/get", { ymCampaignId });
  return at(got.body, "result", "campaignStatus");
}

/** A Moscow calendar day, `days` after T0's. */
export const moscowDay = (days: number): string => new Date(T0 + 3 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A funded seller with one active Auction campaign (status 9, traffic running from T0 + 4 minutes): its advertId.
 */
export async function activeAuction(run: Pick<ConsoleRun, "call">): Promise<number> {
  expect((await run.call("POST", "/__sandbox/wildberries/balance", { balance: 100_000 })).status).toBe(200);
  const subjects = await run.call("GET", "/adv/v1/supplier/subjects");
  const subject = at(subjects.body, 0, "id");
  const nms = await run.call("POST", "/adv/v2/supplier/nms", [subject]);
  const nm = at(nms.body, 0, "nm");
  const made = await run.call("POST", "/adv/v2/seacat/save-ad", { campaignName: "Весенняя распродажа", nms: [nm] });
  expect(made.status).toBe(200);
  const advertId = made.body;
  if (typeof advertId !== "number") throw new Error(`save-ad answered ${JSON.stringify(made.body)}`);
  expect((await run.call("POST", `/adv/v1/budget/deposit?id=${advertId}`, { sum: 20_000, type: 0, return: true })).status).toBe(200);
  expect((await run.call("GET", `/adv/v0/start?id=${advertId}`)).status).toBe(200);
  expect((await run.call("POST", "/__sandbox/clock/advance", { by: "PT4M" })).status).toBe(200);
  return advertId;
}
