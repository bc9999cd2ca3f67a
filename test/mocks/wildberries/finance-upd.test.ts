import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, createAuto, fund } from "./campaign-fixtures.js";
import { advance, control, OTHER_TOKEN, settings, wb } from "./helpers.js";
import { budgetTotal, spentKop } from "./traffic-fixtures.js";

interface Row {
  updNum: number;
  updTime: string | null;
  updSum: number;
  advertId: number;
  campName: string;
  advertType: number;
  paymentType: string;
  advertStatus: number;
}

describe("GET /adv/v1/upd", () => {
  it("one row per campaign, Moscow day and money source, summing to what left the budget", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    await control(app, "POST", "/wildberries/balance", { balance: 2000, bonus: 1000 }).expect(200);
    const auto = await createAuto(app, { sum: 2000 });
    const auction = await createAuction(app);
    await wb(app, "POST", `/adv/v1/budget/deposit?id=${auction}`, { sum: 1000, type: 3 }).expect(200);
    await wb(app, "GET", `/adv/v0/start?id=${auction}`).expect(200);
    await advance(app, "P1DT9H");
    const res = await wb(app, "GET", "/adv/v1/upd?from=2026-01-15&to=2026-01-16");
    expect(res.status).toBe(200);
    const rows: Row[] = res.body;
    expect(rows.map((r) => [r.advertId, r.paymentType, r.updTime?.slice(0, 10)])).toEqual([
      [auto, "Счет", "2026-01-15"],
      [auction, "Бонусы", "2026-01-15"],
      [auto, "Счет", "2026-01-16"],
      [auction, "Бонусы", "2026-01-16"],
    ]);
    const first = rows[0];
    expect(first).toMatchObject({ campName: "Автокампания", advertType: 8, advertStatus: 9 });
    expect(first?.updTime).toBe("2026-01-15T23:59:59.999000+03:00");
    expect(rows[2]?.updTime).toBe("2026-01-16T21:00:00.000000+03:00");
    expect(new Set(rows.map((r) => r.updNum)).size).toBe(4);
    for (const id of [auto, auction]) {
      const charged = rows.filter((r) => r.advertId === id).reduce((a, r) => a + r.updSum, 0);
      const start = id === auto ? 2000 : 1000;
      expect(start - (await budgetTotal(app, id))).toBe(charged);
      const spent = await spentKop(app, id, "2026-01-15", "2026-01-16");
      expect(spent - charged * 100).toBeGreaterThanOrEqual(0);
      expect(spent - charged * 100).toBeLessThan(100);
    }
    const oneDay = await wb(app, "GET", "/adv/v1/upd?from=2026-01-16&to=2026-01-16");
    expect(oneDay.body).toEqual(rows.slice(2));
    // Rows follow the campaign's name and status.
    await wb(app, "GET", `/adv/v0/pause?id=${auto}`).expect(200);
    await wb(app, "POST", "/adv/v0/rename", { advertId: auto, name: "Новое имя" }).expect(200);
    const renamed: Row[] = (await wb(app, "GET", "/adv/v1/upd?from=2026-01-15&to=2026-01-15")).body;
    expect(renamed[0]).toMatchObject({ campName: "Новое имя", advertStatus: 11 });
    expect((await wb(app, "GET", "/adv/v1/upd?from=2026-01-15&to=2026-01-16", undefined, OTHER_TOKEN)).body).toEqual([]);
    expect((await wb(app, "GET", "/adv/v1/upd?from=2026-01-10&to=2026-01-14")).body).toEqual([]);
  });

  it("from and to are required and span 1 to 31 days, else a bare 400 string", async () => {
    const { app } = makeSandbox();
    await settings(app, { rateLimits: "off" });
    for (const q of ["", "from=2026-01-15", "to=2026-01-15", "from=2026-01-16&to=2026-01-15", "from=2026-01-01&to=2026-02-01", "from=2026-01-1&to=2026-01-15"]) {
      const res = await wb(app, "GET", `/adv/v1/upd?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body).toMatch(/^Некорректный интервал/);
    }
    expect((await wb(app, "GET", "/adv/v1/upd?from=2026-01-01&to=2026-01-31")).status).toBe(200);
  });
});
