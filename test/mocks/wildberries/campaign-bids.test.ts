import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { advertInfo, createAuction, moscowAt, sellerCatalogue } from "./campaign-fixtures.js";
import { advance, OTHER_TOKEN, settings, wb } from "./helpers.js";

const NOT_CHANGED = "Размер ставки не изменен";

async function auction() {
  const { app } = makeSandbox();
  await settings(app, { consistency: "immediate", rateLimits: "off" });
  const id = await createAuction(app);
  const subject = (await sellerCatalogue(app)).subjects[0]?.id ?? 0;
  return { app, id, subject };
}

type United = { subject: { id: number }; searchCPM: number; catalogCPM: number };
async function bidsOf(app: Parameters<typeof wb>[0], id: number): Promise<United[]> {
  const info = await advertInfo(app, id);
  const params = info?.["unitedParams"];
  if (!Array.isArray(params)) throw new Error("no unitedParams");
  return params;
}

describe("POST /adv/v0/cpm on an Auction (type 9)", () => {
  it("instrument 6 (or none) sets searchCPM of the subject in param, instrument 4 sets catalogCPM; 200 with an empty body", async () => {
    const { app, id, subject } = await auction();
    await advance(app, "PT1M");
    const res = await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 250, param: subject, instrument: 6 });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(await bidsOf(app, id)).toMatchObject([{ subject: { id: subject }, searchCPM: 250, catalogCPM: 0 }]);
    expect((await advertInfo(app, id))?.["changeTime"]).toBe(moscowAt(60_000));
    await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 300, param: subject }).expect(200);
    await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 175, param: subject, instrument: 4 }).expect(200);
    expect(await bidsOf(app, id)).toMatchObject([{ searchCPM: 300, catalogCPM: 175 }]);
  });

  it("a bid below cpm_min_search_catalog (150) is 422 \"Размер ставки не изменен\"; 150 itself is fine", async () => {
    const { app, id, subject } = await auction();
    const low = await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 149, param: subject, instrument: 6 });
    expect(low.status).toBe(422);
    expect(low.body).toBe(NOT_CHANGED);
    await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 200, param: subject }).expect(200);
    await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 150, param: subject }).expect(200);
    expect(await bidsOf(app, id)).toMatchObject([{ searchCPM: 150 }]);
  });

  it("wrong parameters are 400 bare strings, unknown campaigns 422, and nothing changes", async () => {
    const { app, id, subject } = await auction();
    const cases: [number, JsonValue, string][] = [
      [400, { advertId: id, type: 8, cpm: 200 }, "Некорректное значение параметра type"],
      [400, { advertId: id, cpm: 200, param: subject }, "Некорректное значение параметра type"],
      [400, { advertId: id, type: 9, cpm: 200 }, "Некорректное значение параметра param"],
      [400, { advertId: id, type: 9, cpm: 200, param: 1 }, "Некорректное значение параметра param"],
      [400, { advertId: id, type: 9, cpm: 200, param: "x" }, "Некорректное значение параметра param"],
      [400, { advertId: id, type: 9, cpm: 200, param: subject, instrument: 5 }, "Некорректное значение параметра instrument"],
      [400, { advertId: id, type: 9, cpm: 0, param: subject }, "Некорректное значение параметра cpm"],
      [400, { advertId: id, type: 9, cpm: 200.5, param: subject }, "Некорректное значение параметра cpm"],
      [400, { advertId: id, type: 9, param: subject }, "Некорректное значение параметра cpm"],
      [422, { type: 9, cpm: 200, param: subject }, "Ошибка обработки тела запроса"],
      [422, [id], "Ошибка обработки тела запроса"],
      [422, { advertId: 1, type: 9, cpm: 200, param: subject }, "кампания не найдена или не принадлежит продавцу"],
    ];
    for (const [status, body, message] of cases) {
      const res = await wb(app, "POST", "/adv/v0/cpm", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body).toBe(message);
    }
    const foreign = await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 200, param: subject }, OTHER_TOKEN);
    expect(foreign.status).toBe(422);
    expect(foreign.body).toBe("кампания не найдена или не принадлежит продавцу");
    expect(await bidsOf(app, id)).toMatchObject([{ searchCPM: 150, catalogCPM: 0 }]);
  });

  it("bids change only in 4, 9 and 11: a completed campaign answers 422", async () => {
    const { app, id, subject } = await auction();
    await wb(app, "GET", `/adv/v0/stop?id=${id}`).expect(200);
    const res = await wb(app, "POST", "/adv/v0/cpm", { advertId: id, type: 9, cpm: 400, param: subject });
    expect(res.status).toBe(422);
    expect(res.body).toBe(NOT_CHANGED);
    expect(await bidsOf(app, id)).toMatchObject([{ searchCPM: 150 }]);
  });
});
