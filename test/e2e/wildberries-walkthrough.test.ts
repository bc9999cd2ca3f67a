import { afterEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/server.js";
import { makeSandbox, T0 } from "../support/sandbox.js";

/** The README walk-through ("a Wildberries seller's campaigns with curl"), over a real socket with fetch. */

const TOKEN = "wb-walkthrough";
const DAY = 86_400_000;
/** A Moscow calendar day, `days` after T0's. */
const moscowDay = (days: number) => new Date(T0 + 3 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

async function send(url: string, method: string, body?: unknown): Promise<Answer> {
  const headers = { Authorization: TOKEN, "Content-Type": "application/json" };
  const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text === "" ? undefined : JSON.parse(text), headers: res.headers };
}

/** The value at `path` inside a parsed JSON body. */
function valueAt(value: unknown, ...path: (string | number)[]): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) throw new Error(`no ${path.join(".")} in ${JSON.stringify(value)}`);
    at = Object.entries(at).find(([k]) => k === String(key))?.[1];
  }
  return at;
}

function numberAt(value: unknown, ...path: (string | number)[]): number {
  const at = valueAt(value, ...path);
  if (typeof at !== "number") throw new Error(`${path.join(".")} is not a number in ${JSON.stringify(value)}`);
  return at;
}

function arrayOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value;
}

describe("README Wildberries walk-through over HTTP", () => {
  it("fund, create automatic and Auction campaigns, deposit, start, three days of traffic, fullstats and upd, a 429 that lifts, pause and stop", async () => {
    sandbox = makeSandbox();
    const base = await sandbox.listen(0);
    const wb = (method: string, path: string, body?: unknown) => send(`${base}${path}`, method, body);
    const sb = (method: string, path: string, body?: unknown) => send(`${base}/__sandbox/${path}`, method, body);

    expect((await sb("POST", "reset")).status).toBe(200);

    // 1. Fund the seller.
    expect((await sb("POST", "wildberries/balance", { balance: 100000 })).body).toEqual({ balance: 100000, net: 0, bonus: 0 });
    expect((await wb("GET", "/adv/v1/balance")).body).toEqual({ balance: 100000, net: 0, bonus: 0 });

    // 2. The catalogue.
    const subjects = await wb("GET", "/adv/v1/supplier/subjects");
    const subject = numberAt(subjects.body, 0, "id");
    const nms = await wb("POST", "/adv/v2/supplier/nms", [subject]);
    const [nm1, nm2] = [numberAt(nms.body, 0, "nm"), numberAt(nms.body, 1, "nm")];

    // 3. An automatic campaign: a JSON string id; 5,000 ₽ leave the account for its budget.
    const created = await wb("POST", "/adv/v1/save-ad", { type: 8, name: "Автокампания", subjectId: subject, sum: 5000, btype: 0, on_pause: true, nms: [nm1], cpm: 250 });
    expect(created.status).toBe(200);
    expect(created.body).toMatch(/^\d{7,8}$/);
    const auto = Number(created.body);
    // 4. An Auction campaign: a JSON integer id; deposit 3,000 ₽.
    const auction = await wb("POST", "/adv/v2/seacat/save-ad", { campaignName: "Аукцион", nms: [nm2] });
    const auc = numberAt({ id: auction.body }, "id");
    expect(auction.status).toBe(200);
    expect(await wb("POST", `/adv/v1/budget/deposit?id=${auc}`, { sum: 3000, type: 0, return: true })).toMatchObject({ status: 200, body: { total: 3000 } });
    expect((await wb("GET", "/adv/v1/balance")).body).toEqual({ balance: 92000, net: 0, bonus: 0 });

    // 5. Start both; the paused automatic campaign only after 3 minutes.
    expect((await wb("GET", `/adv/v0/start?id=${auc}`)).status).toBe(200);
    expect(await wb("GET", `/adv/v0/start?id=${auto}`)).toMatchObject({ status: 422, body: "Статус кампании не изменен" });
    await sb("POST", "clock/advance", { by: "PT3M" });
    expect((await wb("GET", `/adv/v0/start?id=${auto}`)).status).toBe(200);
    await sb("POST", "clock/advance", { by: "PT4M" });
    const info = arrayOf((await wb("POST", "/adv/v1/promotion/adverts", [auto, auc])).body);
    expect(info.map((c) => numberAt(c, "status"))).toEqual([9, 9]);

    // 6. Three days of traffic.
    const moved = await sb("POST", "clock/advance", { by: "P3D" });
    expect(numberAt(moved.body, "firedTotal")).toBeGreaterThanOrEqual(72);
    const stats = await wb("POST", "/adv/v2/fullstats", [{ id: auto, interval: { begin: moscowDay(0), end: moscowDay(3) } }, { id: auc }]);
    expect(stats.status).toBe(200);
    const [autoStats, aucStats] = arrayOf(stats.body);
    expect(numberAt(autoStats, "views")).toBeGreaterThan(0);
    const days = arrayOf(valueAt(autoStats, "days"));
    expect(days.length).toBeGreaterThanOrEqual(3);
    expect(numberAt(autoStats, "sum")).toBeCloseTo(days.reduce<number>((total, day) => total + numberAt(day, "sum"), 0), 2);
    expect(numberAt(aucStats, "advertId")).toBe(auc);
    const upd = arrayOf((await wb("GET", `/adv/v1/upd?from=${moscowDay(0)}&to=${moscowDay(3)}`)).body);
    expect(upd.length).toBeGreaterThan(0);
    const budget = await wb("GET", `/adv/v1/budget?id=${auc}`);
    const spentByAuction = upd.filter((row) => numberAt(row, "advertId") === auc).reduce<number>((total, row) => total + numberAt(row, "updSum"), 0);
    expect(numberAt(budget.body, "total")).toBeLessThan(3000);
    expect(numberAt(budget.body, "total") + spentByAuction).toBeGreaterThanOrEqual(2999);

    // 7. One config call a minute: the second is a 429 that lifts after X-Ratelimit-Retry seconds.
    expect((await wb("GET", "/adv/v0/config")).status).toBe(200);
    const limited = await wb("GET", "/adv/v0/config");
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ title: "too many requests", status: 429, statusText: "Too Many Requests" });
    expect([limited.headers.get("x-ratelimit-retry"), limited.headers.get("x-ratelimit-limit"), limited.headers.get("x-ratelimit-reset")]).toEqual(["60", "1", "60"]);
    await sb("POST", "clock/advance", { by: "PT60S" });
    const lifted = await wb("GET", "/adv/v0/config");
    expect(lifted.status).toBe(200);
    expect(lifted.headers.get("x-ratelimit-remaining")).toBe("0");

    // 8. Pause, then stop the Auction.
    expect((await wb("GET", `/adv/v0/pause?id=${auc}`)).status).toBe(200);
    await sb("POST", "clock/advance", { by: "PT1M" });
    expect((await wb("GET", `/adv/v0/stop?id=${auc}`)).status).toBe(200);
    await sb("POST", "clock/advance", { by: "PT4M" });
    const stoppedAnswer = await wb("POST", "/adv/v1/promotion/adverts?status=7");
    const stopped = arrayOf(stoppedAnswer.body);
    expect(stopped.map((c) => numberAt(c, "advertId"))).toEqual([auc]);
    const events = await sb("GET", `events?provider=wildberries&entity=campaign&id=${auc}`);
    expect(events).toMatchObject({ status: 200 });
    expect(arrayOf(valueAt(events.body, "events")).map((e) => [valueAt(e, "from"), valueAt(e, "to"), valueAt(e, "cause")])).toEqual([
      [null, 4, "request"],
      [4, 9, "timer"],
      [9, 11, "timer"],
      [11, 7, "timer"],
    ]);
  });
});
