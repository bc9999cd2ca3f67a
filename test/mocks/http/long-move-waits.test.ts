import request from "supertest";
import { describe, expect, it } from "vitest";
import { whenIdle } from "../../../src/mocks/http/tenant-queue.js";
import { makeSandbox, T0 } from "../../support/sandbox.js";

/** Moscow time (UTC+3) as /ping's TS prints it, in whole seconds. */
const moscow = (ms: number) => new Date(Math.floor(ms / 1000) * 1000 + 3 * 3_600_000).toISOString().replace(".000Z", "+03:00");

describe("a long clock move in slices", () => {
  it("makes its own tenant's calls of every provider wait for the end, while another tenant is served meanwhile", async () => {
    const { app, registry } = makeSandbox({ settings: { rateLimits: "off" } });
    const sandbox = "Bearer mover";
    // Media campaigns paid by the day run until 2100, so a century takes many slices.
    await request(app).post("/__sandbox/wildberries/media-campaigns").set("Authorization", sandbox).send({ name: "Дни", brand: "Б", type: 1, items: [{ name: "Баннер", cpm: 2400 }] }).expect(201);
    const finished: string[] = [];
    const track = <T>(name: string, call: PromiseLike<T>) => Promise.resolve(call).then((res) => (finished.push(name), res));
    const move = track("move", request(app).post("/__sandbox/clock/advance").set("Authorization", sandbox).send({ by: "P100Y" }));
    // Once the move is under way, call on both tenants.
    while (whenIdle(registry.get("mover")) === undefined) await new Promise((resolve) => setImmediate(resolve));
    const own = {
      wb: track("own wb", request(app).get("/ping").set("Authorization", sandbox)),
      ym: track("own ym", request(app).post("/api/offerwall/v1/categories/get").set("Authorization", sandbox).send({})),
      ms: track("own ms", request(app).get("/catalog/").set("Authorization", sandbox)),
      clock: track("own clock", request(app).get("/__sandbox/clock").set("Authorization", sandbox)),
    };
    const other = track("other", request(app).get("/ping").set("Authorization", "Bearer bystander"));
    const [moved, wb, ym, ms, clock, bystander] = await Promise.all([move, own.wb, own.ym, own.ms, own.clock, other]);
    const end = T0 + Date.UTC(2126, 0, 15) - Date.UTC(2026, 0, 15);
    expect(moved.body.now).toBe(new Date(end).toISOString());
    expect(finished.indexOf("other")).toBeLessThan(finished.indexOf("move"));
    for (const name of ["own wb", "own ym", "own ms", "own clock"]) expect(finished.indexOf(name)).toBeGreaterThan(finished.indexOf("move"));
    expect(wb.body).toEqual({ TS: moscow(end), Status: "OK" });
    expect(ym.status).toBe(200);
    expect(ms.status).toBe(200);
    expect(clock.body).toEqual({ now: new Date(end).toISOString(), frozen: false });
    expect(bystander.body).toEqual({ TS: moscow(T0), Status: "OK" });
  });
});
