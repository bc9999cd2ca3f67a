import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { control, wb } from "./helpers.js";

describe("GET /adv/v1/advert: the banners' creative fields (research §5.18)", () => {
  it("shows the creative as the control plane set it, under the API's own names", async () => {
    const { app } = makeSandbox();
    const banner = {
      name: "Унисон",
      cpm: 351,
      url: "https://www.wildberries.ru/promotions/ssylka-na-akciyou",
      bottomText1: "Скидки до 50%",
      bottomText2: "Только неделю",
      message: "Распродажа началась",
      additionalSettings: 1,
      receiversCount: 1200,
      action_name: "Распродажа! Создай себе домашний уют!",
      show_hours: [{ From: 7, To: 8 }, { From: 19, To: 23 }],
      Erid: "2VtzqwGhbsH",
    };
    const created = await control(app, "POST", "/wildberries/media-campaigns", { name: "М", brand: "Plank", type: 2, budget: 1000, items: [banner] }).expect(201);
    const res = await wb(app, "GET", `/adv/v1/advert?id=${created.body.advertId}`).expect(200);
    const { name: _name, cpm: _cpm, ...creative } = banner;
    expect(res.body.items[0]).toEqual(expect.objectContaining(creative));
  });

  it("fills what was not sent: the first nm's product page, empty texts, no extra settings, every hour, a stable label id", async () => {
    const { app } = makeSandbox();
    const body = { name: "М", brand: "Plank", type: 1, items: [{ name: "Баннер", cpm: 100 }] };
    const created = await control(app, "POST", "/wildberries/media-campaigns", body).expect(201);
    const item = (await wb(app, "GET", `/adv/v1/advert?id=${created.body.advertId}`).expect(200)).body.items[0];
    expect(item).toEqual(
      expect.objectContaining({
        url: `https://www.wildberries.ru/catalog/${item.nms[0]}/detail.aspx`,
        bottomText1: "",
        bottomText2: "",
        message: "",
        additionalSettings: 0,
        receiversCount: 0,
        action_name: "",
        show_hours: [],
        Erid: expect.stringMatching(/^[1-9A-HJ-NP-Za-km-z]{11}$/),
      }),
    );
    // The same banner of the same seed gets the same label; another banner another one.
    const again = makeSandbox();
    const twin = await control(again.app, "POST", "/wildberries/media-campaigns", body).expect(201);
    const twinItem = (await wb(again.app, "GET", `/adv/v1/advert?id=${twin.body.advertId}`).expect(200)).body.items[0];
    expect(twinItem.Erid).toBe(item.Erid);
    const second = await control(app, "POST", "/wildberries/media-campaigns", body).expect(201);
    expect((await wb(app, "GET", `/adv/v1/advert?id=${second.body.advertId}`).expect(200)).body.items[0].Erid).not.toBe(item.Erid);
  });

  it("refuses a bad creative with 400 invalid_request naming the field", async () => {
    const { app } = makeSandbox();
    const bad: [string, JsonValue][] = [
      ["url", "javascript:alert(1)"],
      ["show_hours", [{ From: 9, To: 9 }]],
      ["additionalSettings", 7],
      ["Erid", ""],
    ];
    for (const [field, value] of bad) {
      const res = await control(app, "POST", "/wildberries/media-campaigns", { name: "М", brand: "B", type: 1, items: [{ name: "Б", cpm: 1, [field]: value }] });
      expect(res.status, field).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.message).toContain(`items.0.${field}`);
    }
  });
});
