import type { JsonValue } from "../../../src/state/kernel/json.js";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { advertInfo, createAuction, fund, moscowAt, statusOf, transitions } from "./campaign-fixtures.js";
import { advance, control, MINUTE, OTHER_TOKEN, SECOND, settings, wb } from "./helpers.js";

const NOT_CHANGED = "Статус кампании не изменен";

async function auction() {
  const sandbox = makeSandbox();
  await settings(sandbox.app, { consistency: "immediate", rateLimits: "off" });
  const id = await createAuction(sandbox.app);
  return { app: sandbox.app, id };
}

describe("start / pause / stop (immediate consistency)", () => {
  it("a new Auction (4, budget 0) cannot start or pause: 422 and nothing changes", async () => {
    const { app, id } = await auction();
    for (const action of ["start", "pause"]) {
      const res = await wb(app, "GET", `/adv/v0/${action}?id=${id}`);
      expect(res.status).toBe(422);
      expect(res.body).toBe(NOT_CHANGED);
    }
    expect(await statusOf(app, id)).toBe(4);
    expect(await transitions(app, id)).toEqual([[null, 4, "request", "2026-01-15T09:00:00.000Z"]]);
  });

  it("stop ends a ready campaign: 200 with an empty body, status 7, endTime now; then every action is 422", async () => {
    const { app, id } = await auction();
    await advance(app, "PT5M");
    const res = await wb(app, "GET", `/adv/v0/stop?id=${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(res.headers["content-length"]).toBe("0");
    const info = await advertInfo(app, id);
    expect(info?.["status"]).toBe(7);
    expect(info?.["endTime"]).toBe(moscowAt(5 * MINUTE));
    expect(info?.["changeTime"]).toBe(moscowAt(5 * MINUTE));
    for (const action of ["start", "pause", "stop"]) {
      const again = await wb(app, "GET", `/adv/v0/${action}?id=${id}`);
      expect(again.status).toBe(422);
      expect(again.body).toBe(NOT_CHANGED);
    }
    const del = await wb(app, "GET", `/adv/v0/delete?id=${id}`);
    expect(del.status).toBe(400);
    expect(del.body).toEqual({ error: "Некорректный ID кампании" });
    expect(await transitions(app, id)).toEqual([
      [null, 4, "request", "2026-01-15T09:00:00.000Z"],
      [4, 7, "request", "2026-01-15T09:05:00.000Z"],
    ]);
  });

  it("unknown, malformed, missing and another seller's ids are 400 \"Некорректный идентификатор РК\"", async () => {
    const { app, id } = await auction();
    for (const action of ["start", "pause", "stop"]) {
      for (const query of ["?id=1", "?id=abc", "", "?id=-5"]) {
        const res = await wb(app, "GET", `/adv/v0/${action}${query}`);
        expect(res.status).toBe(400);
        expect(res.body).toBe("Некорректный идентификатор РК");
      }
      const other = await wb(app, "GET", `/adv/v0/${action}?id=${id}`, undefined, OTHER_TOKEN);
      expect(other.status).toBe(400);
      expect(other.body).toBe("Некорректный идентификатор РК");
    }
    expect(await statusOf(app, id)).toBe(4);
  });
});

describe("an Auction launched after a deposit", () => {
  it("4 -start-> 9 once the budget is above 0; pause -> 11; start -> 9; startTime is the last launch", async () => {
    const { app, id } = await auction();
    await fund(app, 1000);
    await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000, type: 0 }).expect(200);
    await advance(app, "PT1M");
    await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
    expect(await advertInfo(app, id)).toMatchObject({ status: 9, startTime: moscowAt(MINUTE), endTime: "2100-01-01T00:00:00+03:00" });
    await wb(app, "GET", `/adv/v0/pause?id=${id}`).expect(200);
    await advance(app, "PT1M");
    await wb(app, "GET", `/adv/v0/start?id=${id}`).expect(200);
    expect(await advertInfo(app, id)).toMatchObject({ status: 9, startTime: moscowAt(2 * MINUTE) });
    expect((await transitions(app, id)).map(([from, to]) => [from, to])).toEqual([
      [null, 4],
      [4, 9],
      [9, 11],
      [11, 9],
    ]);
  });
});

describe("GET /adv/v0/delete", () => {
  it("moves a ready campaign to -1 at once and purges it after a seeded 3-10 minutes", async () => {
    const { app, id } = await auction();
    const res = await wb(app, "GET", `/adv/v0/delete?id=${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(await statusOf(app, id)).toBe(-1);
    expect((await wb(app, "GET", "/adv/v1/promotion/count").expect(200)).body).toEqual({
      adverts: [{ type: 9, status: -1, count: 1, advert_list: [{ advertId: id, changeTime: moscowAt(0) }] }],
      all: 1,
    });
    // Deleting again is refused: -1 is not 4.
    expect((await wb(app, "GET", `/adv/v0/delete?id=${id}`)).body).toEqual({ error: "Некорректный ID кампании" });
    await advance(app, 3 * MINUTE - SECOND);
    expect(await statusOf(app, id)).toBe(-1);
    await advance(app, 7 * MINUTE + SECOND);
    expect((await wb(app, "POST", "/adv/v1/promotion/adverts", [id])).status).toBe(204);
    expect((await wb(app, "GET", "/adv/v1/promotion/count").expect(200)).body).toEqual({ adverts: null, all: 0 });
    const events = await transitions(app, id);
    expect(events.slice(0, 2)).toEqual([
      [null, 4, "request", "2026-01-15T09:00:00.000Z"],
      [4, -1, "request", "2026-01-15T09:00:00.000Z"],
    ]);
    const purge = events[2];
    expect(purge?.slice(0, 3)).toEqual([-1, null, "timer"]);
    const purgedAt = Date.parse(String(purge?.[3])) - Date.parse("2026-01-15T09:00:00.000Z");
    expect(purgedAt).toBeGreaterThanOrEqual(3 * MINUTE);
    expect(purgedAt).toBeLessThanOrEqual(10 * MINUTE);
    // Purged: an unknown id everywhere.
    expect((await wb(app, "GET", `/adv/v0/stop?id=${id}`)).body).toBe("Некорректный идентификатор РК");
    expect((await wb(app, "POST", "/adv/v0/rename", { advertId: id, name: "x" })).body).toBe("кампания не найдена или не принадлежит продавцу");
  });

  it("unknown, malformed and another seller's ids are 400 {\"error\": \"Некорректный ID кампании\"}", async () => {
    const { app, id } = await auction();
    for (const [query, token] of [["?id=1", undefined], ["?id=x", undefined], ["", undefined], [`?id=${id}`, OTHER_TOKEN]] as const) {
      const res = await wb(app, "GET", `/adv/v0/delete${query}`, undefined, token);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: "Некорректный ID кампании" });
    }
    expect(await statusOf(app, id)).toBe(4);
  });
});

describe("POST /adv/v0/rename", () => {
  it("renames in any status (200, empty) and stamps changeTime", async () => {
    const { app, id } = await auction();
    await advance(app, "PT1M");
    const res = await wb(app, "POST", "/adv/v0/rename", { advertId: id, name: "Новое имя", extra: 1 });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(await advertInfo(app, id)).toMatchObject({ name: "Новое имя", changeTime: moscowAt(MINUTE), createTime: moscowAt(0) });
    await wb(app, "GET", `/adv/v0/stop?id=${id}`).expect(200);
    await wb(app, "POST", "/adv/v0/rename", { advertId: id, name: "я".repeat(100) }).expect(200);
    expect((await advertInfo(app, id))?.["name"]).toBe("я".repeat(100));
  });

  it("answers the documented bare strings for bad input, and changes nothing", async () => {
    const { app, id } = await auction();
    const cases: [number, JsonValue, string][] = [
      [400, { advertId: "x", name: "a" }, "Некорректный ID РК"],
      [400, { name: "a" }, "Некорректный ID РК"],
      [400, { advertId: 0, name: "a" }, "Некорректный ID РК"],
      [400, { advertId: id, name: "" }, "Некорректное название"],
      [400, { advertId: id, name: "   " }, "Некорректное название"],
      [400, { advertId: id, name: "я".repeat(101) }, "Некорректное название"],
      [400, { advertId: id }, "Некорректное название"],
      [422, [id], "Ошибка обработки тела запроса"],
      [422, "x", "Ошибка обработки тела запроса"],
      [422, { advertId: 1, name: "a" }, "кампания не найдена или не принадлежит продавцу"],
    ];
    for (const [status, body, message] of cases) {
      const res = await wb(app, "POST", "/adv/v0/rename", body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body).toBe(message);
    }
    const other = await wb(app, "POST", "/adv/v0/rename", { advertId: id, name: "чужое" }, OTHER_TOKEN);
    expect(other.status).toBe(422);
    expect(other.body).toBe("кампания не найдена или не принадлежит продавцу");
    expect((await advertInfo(app, id))?.["name"]).toBe("Аукцион");
  });
});

describe("POST /__sandbox/wildberries/campaigns/{advertId}/moderation", () => {
  it("declines a ready campaign: 8 at once, endTime set, cause control; a second decline is 409", async () => {
    const { app, id } = await auction();
    await advance(app, "PT2M");
    const res = await control(app, "POST", `/wildberries/campaigns/${id}/moderation`, { decision: "decline" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ advertId: id, status: 8 });
    expect(await advertInfo(app, id)).toMatchObject({ status: 8, endTime: moscowAt(2 * MINUTE) });
    expect((await transitions(app, id))[1]).toEqual([4, 8, "control", "2026-01-15T09:02:00.000Z"]);
    const again = await control(app, "POST", `/wildberries/campaigns/${id}/moderation`, { decision: "decline" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("not_declinable");
    expect((await wb(app, "GET", `/adv/v0/stop?id=${id}`)).status).toBe(422);
  });

  it("404 for an unknown or another tenant's campaign, 400 for a bad decision", async () => {
    const { app, id } = await auction();
    const unknown = await control(app, "POST", "/wildberries/campaigns/123/moderation", { decision: "decline" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { code: "campaign_not_found", message: "this tenant has no Wildberries promotion campaign 123" } });
    const foreign = await control(app, "POST", `/wildberries/campaigns/${id}/moderation`, { decision: "decline" }, OTHER_TOKEN);
    expect(foreign.status).toBe(404);
    expect((await control(app, "POST", "/wildberries/campaigns/abc/moderation", { decision: "decline" })).status).toBe(404);
    const bad = await control(app, "POST", `/wildberries/campaigns/${id}/moderation`, { decision: "approve" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
    expect((await control(app, "GET", `/wildberries/campaigns/${id}/moderation`)).status).toBe(405);
    expect(await statusOf(app, id)).toBe(4);
  });
});
