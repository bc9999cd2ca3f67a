import { describe, expect, it } from "vitest";
import { makeSandbox, T0 } from "../../support/sandbox.js";
import { createAuction, statusOf, transitions } from "./campaign-fixtures.js";
import { advance, control, MINUTE, SECOND, settings, wb, type Target } from "./helpers.js";

const SYNC = 3 * MINUTE;

/** The instant the deleted campaign is purged, from the tenant's state file (`purgeAt`). */
async function purgeAt(app: Target, id: number): Promise<number> {
  const res = await control(app, "GET", "/state").expect(200);
  const campaigns: { advertId: number; purgeAt: number | null }[] = res.body.providers.wildberries.campaigns;
  const at = campaigns.find((c) => c.advertId === id)?.purgeAt;
  if (typeof at !== "number") throw new Error(`campaign ${id} has no purgeAt in ${JSON.stringify(campaigns)}`);
  return at;
}

const count = async (app: Target) => (await wb(app, "GET", "/adv/v1/promotion/count").expect(200)).body;

describe("a purged campaign leaves the lists at the next 3-minute sync (realistic consistency)", () => {
  it("is an unknown id from its purge, still listed as -1 until the sync after it, then gone; one purge event", async () => {
    const { app } = makeSandbox();
    await settings(app, { rateLimits: "off" });
    const id = await createAuction(app);
    await advance(app, SYNC); // the creation is synced: the campaign is listed
    await wb(app, "GET", `/adv/v0/delete?id=${id}`).expect(200);
    const purge = await purgeAt(app, id);
    const unlisted = (Math.floor(purge / SYNC) + 1) * SYNC;
    const now = T0 + SYNC;
    expect(purge - now).toBeGreaterThanOrEqual(3 * MINUTE);
    expect(purge - now).toBeLessThanOrEqual(10 * MINUTE);

    await advance(app, purge - now);
    // Purged: every method answers as for an unknown id ...
    expect((await wb(app, "GET", `/adv/v0/stop?id=${id}`)).body).toBe("Некорректный идентификатор РК");
    expect((await wb(app, "POST", "/adv/v0/rename", { advertId: id, name: "x" })).body).toBe("кампания не найдена или не принадлежит продавцу");
    // ... but lists and counts show the last sync, where it was still being deleted.
    expect(await statusOf(app, id)).toBe(-1);
    expect(await count(app)).toEqual({ adverts: [expect.objectContaining({ type: 9, status: -1, count: 1 })], all: 1 });

    await advance(app, unlisted - purge - SECOND);
    expect(await statusOf(app, id)).toBe(-1);
    await advance(app, SECOND);
    expect(await statusOf(app, id)).toBeUndefined();
    expect(await count(app)).toEqual({ adverts: null, all: 0 });

    const events = await transitions(app, id);
    expect(events.map((e) => e.slice(0, 3))).toEqual([
      [null, 4, "request"],
      [4, -1, "request"],
      [-1, null, "timer"],
    ]);
    expect(Date.parse(String(events[2]?.[3]))).toBe(purge);
  });

  it("a state exported between the purge and the sync imports (its timer now waits for the sync), and the campaign leaves the lists at the sync", async () => {
    const { app } = makeSandbox();
    await settings(app, { rateLimits: "off" });
    const id = await createAuction(app);
    await advance(app, SYNC);
    await wb(app, "GET", `/adv/v0/delete?id=${id}`).expect(200);
    const purge = await purgeAt(app, id);
    const unlisted = (Math.floor(purge / SYNC) + 1) * SYNC;
    await advance(app, purge - (T0 + SYNC));
    const state = await control(app, "GET", "/state").expect(200);
    expect((await control(app, "PUT", "/state", state.body)).status).toBe(200);
    expect(await statusOf(app, id)).toBe(-1);
    await advance(app, unlisted - purge);
    expect(await statusOf(app, id)).toBeUndefined();
  });

  it("under immediate consistency it leaves the lists at the purge itself", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    const id = await createAuction(app);
    await wb(app, "GET", `/adv/v0/delete?id=${id}`).expect(200);
    const purge = await purgeAt(app, id);
    await advance(app, purge - T0 - SECOND);
    expect(await statusOf(app, id)).toBe(-1);
    await advance(app, SECOND);
    expect(await statusOf(app, id)).toBeUndefined();
    expect(await count(app)).toEqual({ adverts: null, all: 0 });
  });
});
