import type { JsonValue } from "../../../src/state/kernel/json.js";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, createAuto, fund, statusOf } from "./campaign-fixtures.js";
import { advance, control, OTHER_TOKEN, settings, wb } from "./helpers.js";

async function sandbox() {
  const { app } = makeSandbox();
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  return app;
}

const balanceOf = async (app: Parameters<typeof wb>[0], token?: string) => (await wb(app, "GET", "/adv/v1/balance", undefined, token).expect(200)).body;
const budgetOf = async (app: Parameters<typeof wb>[0], id: number) => (await wb(app, "GET", `/adv/v1/budget?id=${id}`).expect(200)).body;

describe("POST /__sandbox/wildberries/balance", () => {
  it("adds money to balance, net and bonus and answers the new totals; GET /adv/v1/balance shows them", async () => {
    const app = await sandbox();
    expect(await balanceOf(app)).toEqual({ balance: 0, net: 0, bonus: 0 });
    const first = await control(app, "POST", "/wildberries/balance", { balance: 5000, bonus: 300 });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ balance: 5000, net: 0, bonus: 300 });
    const second = await control(app, "POST", "/wildberries/balance", { net: 700, balance: 1 });
    expect(second.body).toEqual({ balance: 5001, net: 700, bonus: 300 });
    expect(await balanceOf(app)).toEqual({ balance: 5001, net: 700, bonus: 300 });
    expect(await balanceOf(app, OTHER_TOKEN)).toEqual({ balance: 0, net: 0, bonus: 0 });
  });

  it.each([
    [{}, "at least one"],
    [{ balance: -1 }, "balance"],
    [{ bonus: 1.5 }, "bonus"],
    [{ net: "100" }, "net"],
  ])("refuses %j with 400 invalid_request and changes nothing", async (body, mention) => {
    const app = await sandbox();
    const res = await control(app, "POST", "/wildberries/balance", body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(res.body.error.message).toContain(mention);
    expect(await balanceOf(app)).toEqual({ balance: 0, net: 0, bonus: 0 });
  });

  it("an account top-up is a processed payment; net and bonus top-ups are not", async () => {
    const app = await sandbox();
    expect((await wb(app, "GET", "/adv/v1/payments")).status).toBe(204);
    await control(app, "POST", "/wildberries/balance", { net: 100, bonus: 100 }).expect(200);
    const none = await wb(app, "GET", "/adv/v1/payments");
    expect(none.status).toBe(204);
    expect(none.text).toBe("");
    await control(app, "POST", "/wildberries/balance", { balance: 1500 }).expect(200);
    await advance(app, "P1D");
    await control(app, "POST", "/wildberries/balance", { balance: 600 }).expect(200);
    const res = await wb(app, "GET", "/adv/v1/payments");
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { id: expect.any(Number), date: "2026-01-15T12:00:00.000000+03:00", sum: 1500, type: 0, statusId: 1, cardStatus: "" },
      { id: expect.any(Number), date: "2026-01-16T12:00:00.000000+03:00", sum: 600, type: 0, statusId: 1, cardStatus: "" },
    ]);
    expect(res.body[1].id).toBeGreaterThan(res.body[0].id);
    const day = await wb(app, "GET", "/adv/v1/payments?from=2026-01-16&to=2026-01-16");
    expect(day.body.map((p: { sum: number }) => p.sum)).toEqual([600]);
    expect((await wb(app, "GET", "/adv/v1/payments?from=2026-01-17&to=2026-01-20")).status).toBe(204);
    expect((await wb(app, "GET", "/adv/v1/payments?to=2026-01-15")).body.map((p: { sum: number }) => p.sum)).toEqual([1500]);
    expect((await wb(app, "GET", "/adv/v1/payments", undefined, OTHER_TOKEN)).status).toBe(204);
  });

  it("payments refuses a bad interval with a bare 400 string", async () => {
    const app = await sandbox();
    for (const q of ["from=2026-01-20&to=2026-01-10", "from=2026-01-01&to=2026-02-01", "from=15.01.2026"]) {
      const res = await wb(app, "GET", `/adv/v1/payments?${q}`);
      expect(res.status, q).toBe(400);
      expect(typeof res.body).toBe("string");
      expect(res.body).toMatch(/^Некорректный интервал/);
    }
  });
});

describe("GET /adv/v1/budget", () => {
  it("answers {cash: 0, netting: 0, total} with the campaign's budget", async () => {
    const app = await sandbox();
    await fund(app, 1000);
    const auto = await createAuto(app);
    const auction = await createAuction(app);
    expect(await budgetOf(app, auto)).toEqual({ cash: 0, netting: 0, total: 1000 });
    expect(await budgetOf(app, auction)).toEqual({ cash: 0, netting: 0, total: 0 });
  });

  it("answers an unknown, malformed or other seller's id with the documented bare string", async () => {
    const app = await sandbox();
    const auction = await createAuction(app);
    for (const q of ["id=1234567", "id=abc", "", `id=${auction}`]) {
      const res = await wb(app, "GET", `/adv/v1/budget?${q}`, undefined, q === `id=${auction}` ? OTHER_TOKEN : undefined);
      expect(res.status, q).toBe(400);
      expect(res.body).toBe("кампания не принадлежит продавцу");
    }
  });
});

describe("POST /adv/v1/budget/deposit", () => {
  it("moves the sum from the chosen source to the budget; return=true answers the new total, otherwise an empty 200", async () => {
    const app = await sandbox();
    await control(app, "POST", "/wildberries/balance", { balance: 3000, net: 2000, bonus: 1000 }).expect(200);
    const id = await createAuction(app);
    const withTotal = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1500, type: 0, return: true });
    expect(withTotal.status).toBe(200);
    expect(withTotal.body).toEqual({ total: 1500 });
    const silent = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 2000, type: 1 });
    expect(silent.status).toBe(200);
    expect(silent.text).toBe("");
    await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000, type: 3, return: false }).expect(200);
    expect(await budgetOf(app, id)).toEqual({ cash: 0, netting: 0, total: 4500 });
    expect(await balanceOf(app)).toEqual({ balance: 1500, net: 0, bonus: 0 });
    // A deposit moves money inside Wildberries: no payment row.
    expect((await wb(app, "GET", "/adv/v1/payments")).body).toHaveLength(1);
  });

  it("a missing type is the account (0), a missing sum is 0 (below the minimum)", async () => {
    const app = await sandbox();
    await fund(app, 1000);
    const id = await createAuction(app);
    const noSum = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { type: 0 });
    expect(noSum.status).toBe(400);
    expect(noSum.body).toEqual({ error: "Минимальная сумма пополнения 1000 рублей" });
    await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000 }).expect(200);
    expect(await balanceOf(app)).toEqual({ balance: 0, net: 0, bonus: 0 });
  });

  it.each([
    [{ sum: 950, type: 0 }, "Минимальная сумма пополнения 1000 рублей"],
    [{ sum: 1020, type: 0 }, "Сумма пополнения должна быть кратна 50 руб"],
    [{ sum: 5000, type: 0 }, "Недостаточно средств"],
    [{ sum: 1000, type: 1 }, "Недостаточно средств"],
  ])("refuses %j with 400 {error: %s} and moves nothing", async (body, message) => {
    const app = await sandbox();
    await fund(app, 2000);
    const id = await createAuction(app);
    const res = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: message });
    expect(await budgetOf(app, id)).toEqual({ cash: 0, netting: 0, total: 0 });
    expect(await balanceOf(app)).toEqual({ balance: 2000, net: 0, bonus: 0 });
  });

  it("refuses a bad source, a malformed body, and unknown or foreign ids with {error}", async () => {
    const app = await sandbox();
    await fund(app, 2000);
    const id = await createAuction(app);
    const source = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000, type: 2 });
    expect(source.status).toBe(400);
    expect(source.body.error).toMatch(/^Некорректный тип источника пополнения/);
    const bodies: JsonValue[] = [[1000], { sum: "1000" }, { sum: 1000, return: "yes" }];
    for (const body of bodies) {
      const res = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/^Некорректное тело запроса/);
    }
    const junk = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`).set("Content-Type", "application/json").send("{sum:");
    expect(junk.status).toBe(400);
    for (const [q, token] of [["id=99", undefined], ["id=x", undefined], [`id=${id}`, OTHER_TOKEN]] as const) {
      const res = await wb(app, "POST", `/adv/v1/budget/deposit?${q}`, { sum: 1000 }, token);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: "Некорректный ID кампании" });
    }
    expect(await balanceOf(app)).toEqual({ balance: 2000, net: 0, bonus: 0 });
  });

  it("refuses campaigns that cannot run any more (7)", async () => {
    const app = await sandbox();
    await fund(app, 2000);
    const id = await createAuction(app);
    await wb(app, "GET", `/adv/v0/stop?id=${id}`).expect(200);
    const res = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000 });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain("статусе 7");
    expect(await balanceOf(app)).toEqual({ balance: 2000, net: 0, bonus: 0 });
  });

  it("tops up an active campaign (9) and a paused one (11), which stays paused until the seller starts it", async () => {
    const app = await sandbox();
    await fund(app, 3000);
    const id = await createAuto(app);
    await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000 }).expect(200);
    expect(await statusOf(app, id)).toBe(9);
    await wb(app, "GET", `/adv/v0/pause?id=${id}`).expect(200);
    const res = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000, return: true });
    expect(res.body.total).toBeGreaterThan(2000);
    expect(await statusOf(app, id)).toBe(11);
  });
});
