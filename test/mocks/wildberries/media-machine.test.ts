import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../../src/state/kernel/json.js";
import { makeSandbox } from "../../support/sandbox.js";
import { advance, control, OTHER_TOKEN, settings, wb, type Target } from "./helpers.js";

const BANNER = { name: "Баннер", cpm: 300 };
const PAUSE_LIMIT = "Pause limit exceeded: a media campaign can be paused no more than 10 times a day (the day starts at midnight Moscow time)";

async function setup(body: JsonObject = {}): Promise<{ app: Target; id: number }> {
  const { app } = makeSandbox();
  await settings(app, { rateLimits: "off" });
  const res = await control(app, "POST", "/wildberries/media-campaigns", { name: "Медиа", brand: "Plank", type: 2, budget: 100000, items: [BANNER], ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { app, id: res.body.advertId };
}

async function status(app: Target, id: number): Promise<number> {
  return (await wb(app, "GET", `/adv/v1/advert?id=${id}`).expect(200)).body.status;
}

const act = (app: Target, what: "stop" | "pause" | "start", id: number, token?: string) =>
  wb(app, "POST", `/adv/v1/advert/${what}`, { advert_id: id, reason: "тест" }, token);

async function mediaEvents(app: Target, id: number): Promise<{ from: unknown; to: unknown; cause: string; at: string }[]> {
  const res = await control(app, "GET", "/events?provider=wildberries").expect(200);
  return res.body.events.filter((e: { entity: string; id: string }) => e.entity === "media-campaign" && e.id === String(id));
}

describe("POST /adv/v1/advert/stop", () => {
  it("completes a running campaign (7) with an empty 200 and shows endTime in the list", async () => {
    const { app, id } = await setup();
    const res = await act(app, "stop", id);
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(await status(app, id)).toBe(7);
    const list = await wb(app, "GET", "/adv/v1/adverts").expect(200);
    expect(list.body[0]).toEqual(expect.objectContaining({ advertId: id, status: 7, endTime: "2026-01-15T12:00:00.000000+03:00" }));
  });

  it.each([1, 3, 4, 8, 9, 10, 11])("stops from status %i", async (from) => {
    const { app, id } = await setup({ status: from });
    await act(app, "stop", id).expect(200);
    expect(await status(app, id)).toBe(7);
  });

  it.each([2, 7])("refuses from status %i with 400 \"Changing status is not possible\"", async (from) => {
    const { app, id } = await setup({ status: from });
    const res = await act(app, "stop", id);
    expect(res.status).toBe(400);
    expect(res.body).toBe("Changing status is not possible");
    expect(await status(app, id)).toBe(from);
  });
});

describe("POST /adv/v1/advert/pause", () => {
  it.each([4, 6, 10, 11])("pauses from status %i to 9", async (from) => {
    const { app, id } = await setup({ status: from });
    await act(app, "pause", id).expect(200);
    expect(await status(app, id)).toBe(9);
  });

  it.each([1, 2, 3, 7, 8, 9])("refuses from status %i", async (from) => {
    const { app, id } = await setup({ status: from });
    const res = await act(app, "pause", id);
    expect(res.status).toBe(400);
    expect(res.body).toBe("Changing status is not possible");
    expect(await status(app, id)).toBe(from);
  });

  it("allows 10 pauses per Moscow day; the 11th gets 400 until Moscow midnight", async () => {
    const { app, id } = await setup();
    for (let i = 0; i < 10; i++) {
      await act(app, "pause", id).expect(200);
      await act(app, "start", id).expect(200);
    }
    expect(await status(app, id)).toBe(4);
    const eleventh = await act(app, "pause", id);
    expect(eleventh.status).toBe(400);
    expect(eleventh.body).toBe(PAUSE_LIMIT);
    expect(await status(app, id)).toBe(4);
    // T0 is 12:00 Moscow: 11h59m later it is still the same day.
    await advance(app, "PT11H59M");
    expect((await act(app, "pause", id)).body).toBe(PAUSE_LIMIT);
    await advance(app, "PT1M");
    await act(app, "pause", id).expect(200);
    expect(await status(app, id)).toBe(9);
  });
});

describe("POST /adv/v1/advert/start", () => {
  it("holds status 4 for a seeded 2-5 minutes, then runs (6); the timer's change is recorded", async () => {
    const { app, id } = await setup({ status: 9 });
    await act(app, "start", id).expect(200);
    expect(await status(app, id)).toBe(4);
    await advance(app, "PT1M59S");
    expect(await status(app, id)).toBe(4);
    await advance(app, "PT3M1S");
    expect(await status(app, id)).toBe(6);
    const events = await mediaEvents(app, id);
    expect(events.map((e) => [e.from, e.to, e.cause])).toEqual([
      [null, 9, "control"],
      [9, 4, "request"],
      [4, 6, "timer"],
    ]);
    const heldMs = Date.parse(events[2]?.at ?? "") - Date.parse(events[1]?.at ?? "");
    expect(heldMs).toBeGreaterThanOrEqual(120_000);
    expect(heldMs).toBeLessThanOrEqual(300_000);
  });

  it("the same seed holds for the same time", async () => {
    const held: number[] = [];
    for (let i = 0; i < 2; i++) {
      const { app, id } = await setup({ status: 9 });
      await act(app, "start", id).expect(200);
      await advance(app, "PT5M");
      const events = await mediaEvents(app, id);
      held.push(Date.parse(events[2]?.at ?? "") - Date.parse(events[1]?.at ?? ""));
    }
    expect(held[0]).toBe(held[1]);
  });

  it("lands in 5 (scheduled) when extended.from is in the future, and goes live at from", async () => {
    const { app, id } = await setup({ status: 9, from: "2026-01-16T09:00:00Z" });
    await act(app, "start", id).expect(200);
    await advance(app, "PT5M");
    expect(await status(app, id)).toBe(5);
    await advance(app, "PT23H54M");
    expect(await status(app, id)).toBe(5);
    await advance(app, "PT1M");
    expect(await status(app, id)).toBe(6);
  });

  it("lands in 11 when a views campaign has no budget, with the documented reason", async () => {
    const { app, id } = await setup({ status: 11, budget: 0 });
    await act(app, "start", id).expect(200);
    expect(await status(app, id)).toBe(4);
    await advance(app, "PT5M");
    const res = await wb(app, "GET", `/adv/v1/advert?id=${id}`).expect(200);
    expect(res.body.status).toBe(11);
    expect(res.body.extended.reason).toBe("Для возобновления показов пополните бюджет медиакампании");
  });

  it("a days campaign (type 1) needs no budget", async () => {
    const { app, id } = await setup({ type: 1, status: 9, budget: 0 });
    await act(app, "start", id).expect(200);
    await advance(app, "PT5M");
    expect(await status(app, id)).toBe(6);
  });

  it("lands in 10 when the daily limits are used up today, and runs again after Moscow midnight", async () => {
    // 10 rubles a day at 300 per 1000 views: 33 views, used up within the first hour.
    const { app, id } = await setup({ items: [{ name: "Б", cpm: 300, daily_limit: 10 }] });
    await advance(app, "PT1H");
    expect(await status(app, id)).toBe(10);
    await act(app, "pause", id).expect(200);
    await act(app, "start", id).expect(200);
    await advance(app, "PT5M");
    expect(await status(app, id)).toBe(10);
    // Midnight Moscow is 21:00Z: T0 + 12h.
    await advance(app, "PT10H54M");
    expect(await status(app, id)).toBe(10);
    await advance(app, "PT1M");
    expect(await status(app, id)).toBe(6);
  });

  it("a pause during the hold cancels the launch", async () => {
    const { app, id } = await setup({ status: 9 });
    await act(app, "start", id).expect(200);
    await act(app, "pause", id).expect(200);
    await advance(app, "PT10M");
    expect(await status(app, id)).toBe(9);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 10])("refuses from status %i", async (from) => {
    const { app, id } = await setup({ status: from, ...(from === 5 ? { from: "2026-02-01T00:00:00Z" } : {}) });
    const res = await act(app, "start", id);
    expect(res.status).toBe(400);
    expect(res.body).toBe("Changing status is not possible");
    expect(await status(app, id)).toBe(from);
  });
});

describe("the placement period", () => {
  it("a campaign created scheduled (5) goes live at from", async () => {
    const { app, id } = await setup({ status: 5, from: "2026-01-15T10:30:00Z" });
    await advance(app, "PT1H29M");
    expect(await status(app, id)).toBe(5);
    await advance(app, "PT1M");
    expect(await status(app, id)).toBe(6);
  });

  it("a running campaign completes (7) at to, with endTime", async () => {
    const { app, id } = await setup({ to: "2026-01-15T11:15:00Z" });
    await advance(app, "PT2H14M");
    expect(await status(app, id)).toBe(6);
    await advance(app, "PT1M");
    expect(await status(app, id)).toBe(7);
    const list = await wb(app, "GET", "/adv/v1/adverts").expect(200);
    expect(list.body[0].endTime).toBe("2026-01-15T14:15:00.000000+03:00");
  });
});

describe("media actions: unknown campaigns and bad bodies", () => {
  it.each(["stop", "pause", "start"] as const)("%s answers 400 \"Campaign not found\" for unknown and foreign ids", async (what) => {
    const { app, id } = await setup();
    for (const res of [await act(app, what, 99999999), await act(app, what, id, OTHER_TOKEN)]) {
      expect(res.status).toBe(400);
      expect(res.body).toBe("Campaign not found");
    }
    expect(await status(app, id)).toBe(6);
  });

  it.each(["stop", "pause", "start"] as const)("%s answers 400 \"Некорректное тело запроса\" for a body without advert_id", async (what) => {
    const { app, id } = await setup();
    const bodies: JsonValue[] = [{}, { advert_id: "x" }, [id], { advert_id: -1 }];
    for (const body of bodies) {
      const res = await wb(app, "POST", `/adv/v1/advert/${what}`, body);
      expect(res.status).toBe(400);
      expect(res.body).toBe("Некорректное тело запроса");
    }
    const broken = await wb(app, "POST", `/adv/v1/advert/${what}`).set("Content-Type", "application/json").send("{");
    expect(broken.status).toBe(400);
    expect(broken.body).toBe("Некорректное тело запроса");
  });

  it("rate-limits each action at 10 a minute per seller", async () => {
    const { app, id } = await setup();
    await settings(app, { rateLimits: "enforce" });
    for (let i = 0; i < 10; i++) await act(app, "stop", 99999999).expect(400);
    const limited = await act(app, "stop", id);
    expect(limited.status).toBe(429);
    expect(limited.headers["x-ratelimit-retry"]).toBe("6");
    expect(await status(app, id)).toBe(6);
    await act(app, "pause", id).expect(200);
  });
});
