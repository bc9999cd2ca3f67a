import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { advertInfo, createAuto, fund, moscowAt, sellerCatalogue, statusOf, transitions } from "./campaign-fixtures.js";
import { advance, control, MINUTE, SECOND, settings, wb, type Target } from "./helpers.js";

const NOT_CHANGED = "Статус кампании не изменен";

async function seller() {
  const { app } = makeSandbox();
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  const { subjects, nms } = await sellerCatalogue(app);
  const subject = subjects[0];
  if (subject === undefined) throw new Error("no subject");
  const mine = nms.filter((n) => n.subjectId === subject.id).map((n) => n.nm);
  const otherSubjectNm = nms.find((n) => n.subjectId !== subject.id)?.nm ?? 0;
  const body = (overrides: JsonObject = {}): JsonObject => ({
    type: 8,
    name: "Парашюты",
    subjectId: subject.id,
    sum: 1000,
    btype: 0,
    on_pause: false,
    nms: mine.slice(0, 2),
    cpm: 150,
    ...overrides,
  });
  return { app, subject, mine, otherSubjectNm, body };
}

const saveAd = (app: Target, body: JsonValue) => wb(app, "POST", "/adv/v1/save-ad", body);

describe("POST /adv/v1/save-ad", () => {
  it("answers the id as a JSON string; the campaign is type 8, active (9), with the documented autoParams", async () => {
    const { app, subject, mine, body } = await seller();
    await fund(app, 1000);
    const res = await saveAd(app, body());
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^"\d{7,8}"$/);
    const id = Number(res.body);
    const [n1 = 0, n2 = 0] = mine;
    expect(await advertInfo(app, id)).toEqual({
      endTime: "2100-01-01T00:00:00+03:00",
      createTime: moscowAt(0),
      changeTime: moscowAt(0),
      startTime: moscowAt(0),
      name: "Парашюты",
      dailyBudget: 0,
      advertId: id,
      status: 9,
      type: 8,
      paymentType: "cpm",
      autoParams: {
        subject: { id: subject.id, name: subject.name },
        sets: [],
        menus: [],
        active: { carousel: true, recom: true, booster: true },
        nmCPM: [
          { nm: n1, cpm: 150 },
          { nm: n2, cpm: 150 },
        ],
        nms: [n1, n2],
        cpm: 150,
      },
    });
    expect(await transitions(app, id)).toEqual([[null, 9, "request", "2026-01-15T09:00:00.000Z"]]);
  });

  it("debits the sum from the chosen source: the second campaign finds the account empty", async () => {
    const { app, body } = await seller();
    await fund(app, 1500);
    const first = Number((await saveAd(app, body()).expect(200)).body);
    expect((await wb(app, "GET", "/adv/v1/balance").expect(200)).body).toMatchObject({ balance: 500, net: 0, bonus: 0 });
    expect((await wb(app, "GET", `/adv/v1/budget?id=${first}`).expect(200)).body).toEqual({ cash: 0, netting: 0, total: 1000 });
    const short = await saveAd(app, body());
    expect(short.status).toBe(400);
    expect(short.body).toEqual({ error: "Недостаточно средств" });
    await control(app, "POST", "/wildberries/balance", { bonus: 1000 }).expect(200);
    expect((await saveAd(app, body({ btype: 1 }))).body).toEqual({ error: "Недостаточно средств" });
    await saveAd(app, body({ btype: 3 })).expect(200);
    expect((await wb(app, "GET", "/adv/v1/promotion/count").expect(200)).body.all).toBe(2);
  });

  it("a bid below cpm_min_booster, or none, is silently raised to 100", async () => {
    const { app, body } = await seller();
    await fund(app, 2000);
    const low = Number((await saveAd(app, body({ cpm: 10 })).expect(200)).body);
    const absent = Number((await saveAd(app, { ...body(), cpm: null }).expect(200)).body);
    for (const id of [low, absent]) {
      const auto = (await advertInfo(app, id))?.["autoParams"];
      expect(auto).toMatchObject({ cpm: 100, nmCPM: [{ cpm: 100 }, { cpm: 100 }] });
    }
  });

  it("on_pause: created paused (11); start is refused until 3 minutes after creation", async () => {
    const { app, body } = await seller();
    await fund(app, 1000);
    const id = Number((await saveAd(app, body({ on_pause: true })).expect(200)).body);
    expect(await advertInfo(app, id)).toMatchObject({ status: 11, startTime: moscowAt(0) });
    await advance(app, 3 * MINUTE - SECOND);
    const early = await wb(app, "GET", `/adv/v0/start?id=${id}`);
    expect(early.status).toBe(422);
    expect(early.body).toBe(NOT_CHANGED);
    await advance(app, SECOND);
    await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
    expect(await advertInfo(app, id)).toMatchObject({ status: 9, startTime: moscowAt(3 * MINUTE) });
    expect(await transitions(app, id)).toEqual([
      [null, 11, "request", "2026-01-15T09:00:00.000Z"],
      [11, 9, "request", "2026-01-15T09:03:00.000Z"],
    ]);
  });

  it("refuses bad bodies with {\"error\": ...} in the documented order, taking no money", async () => {
    const { app, body, mine, otherSubjectNm } = await seller();
    await fund(app, 1000);
    const cases: [JsonValue, string][] = [
      [body({ type: 9 }), "Некорректный тип кампании: для автоматической кампании type = 8"],
      [body({ name: "" }), "Некорректное название кампании: от 1 до 128 символов"],
      [body({ name: "я".repeat(129) }), "Некорректное название кампании: от 1 до 128 символов"],
      [body({ subjectId: 1 }), "Некорректный предмет 1: у продавца нет товаров этого предмета (см. GET /adv/v1/supplier/subjects)"],
      [body({ nms: [] }), "Не переданы артикулы WB (nms)"],
      [body({ nms: Array.from({ length: 101 }, (_, i) => i + 1) }), "Превышено максимальное количество артикулов WB: 100"],
      [body({ nms: [otherSubjectNm] }), `Артикул WB ${otherSubjectNm} не найден среди товаров продавца с предметом ${String(body()["subjectId"])} (см. POST /adv/v2/supplier/nms)`],
      [body({ btype: 2 }), "Некорректный тип списания btype: 0 — счёт, 1 — баланс, 3 — бонусы"],
      [body({ sum: 950 }), "Минимальная сумма пополнения 1000 рублей"],
      [body({ sum: 1020 }), "Сумма пополнения должна быть кратна 50 руб"],
      [body({ sum: 1050 }), "Недостаточно средств"],
      [body({ sum: "1000" }), "Некорректная сумма пополнения: sum — целое число рублей"],
      [body({ on_pause: "yes" }), "Некорректное значение on_pause: true или false"],
      [body({ nms: [String(mine[0])] }), "Некорректный список артикулов WB: nms — массив целых чисел"],
      [body({ cpm: 1.5 }), "Некорректная ставка: cpm — целое число рублей"],
      [[1], "Некорректное тело запроса"],
    ];
    for (const [b, message] of cases) {
      const res = await saveAd(app, b);
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect(res.body).toEqual({ error: message });
    }
    expect((await wb(app, "GET", "/adv/v1/promotion/count").expect(200)).body).toEqual({ adverts: null, all: 0 });
    await saveAd(app, body()).expect(200);
  });
});

describe("the automatic campaign's machine and bids (immediate)", () => {
  it("9 -pause-> 11 -start-> 9 -stop-> 7; pause from 11 and delete from 9 are refused", async () => {
    const { app } = await seller();
    await fund(app, 1000);
    const id = await createAuto(app);
    await wb(app, "GET", `/adv/v0/pause?id=${id}`).expect(200);
    expect(await statusOf(app, id)).toBe(11);
    expect((await wb(app, "GET", `/adv/v0/pause?id=${id}`)).body).toBe(NOT_CHANGED);
    await advance(app, "PT1M");
    await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
    expect(await advertInfo(app, id)).toMatchObject({ status: 9, startTime: moscowAt(MINUTE) });
    expect((await wb(app, "GET", `/adv/v0/delete?id=${id}`)).body).toEqual({ error: "Некорректный ID кампании" });
    await wb(app, "GET", `/adv/v0/stop?id=${id}`).expect(200);
    expect(await advertInfo(app, id)).toMatchObject({ status: 7, endTime: moscowAt(MINUTE) });
    expect((await transitions(app, id)).map(([from, to]) => [from, to])).toEqual([
      [null, 9],
      [9, 11],
      [11, 9],
      [9, 7],
    ]);
  });

  it("a bid sets the campaign's cpm and every nm's bid; below 100 is 422; type 9 for it is 400", async () => {
    const { app } = await seller();
    await fund(app, 1000);
    const id = await createAuto(app);
    await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 8, cpm: 300 }).expect(200);
    expect((await advertInfo(app, id))?.["autoParams"]).toMatchObject({ cpm: 300, nmCPM: [{ cpm: 300 }, { cpm: 300 }] });
    const low = await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 8, cpm: 99 });
    expect(low.status).toBe(422);
    expect(low.body).toBe("Размер ставки не изменен");
    const wrongType = await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 300, param: 1 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toBe("Некорректное значение параметра type");
    expect((await advertInfo(app, id))?.["autoParams"]).toMatchObject({ cpm: 300 });
  });

  it("the moderator can decline an active campaign (9 -> 8)", async () => {
    const { app } = await seller();
    await fund(app, 1000);
    const id = await createAuto(app);
    await control(app, "POST", `/wildberries/campaigns/${id}/moderation`, { decision: "decline" }).expect(200);
    expect(await statusOf(app, id)).toBe(8);
  });
});
