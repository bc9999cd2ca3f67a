import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { createAuction, fund } from "./campaign-fixtures.js";
import { settings, wb } from "./helpers.js";

describe("POST /adv/v1/budget/deposit without return: an empty 200 with the documented media type", () => {
  it("sends Content-Type application/json and no body; with return: true the {total} body as before", async () => {
    const { app } = makeSandbox();
    await settings(app, { consistency: "immediate", rateLimits: "off" });
    await fund(app, 10_000);
    const id = await createAuction(app);
    const plain = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000, type: 0 });
    expect(plain.status).toBe(200);
    expect(plain.text).toBe("");
    expect(plain.headers["content-length"]).toBe("0");
    expect(plain.headers["content-type"]).toBe("application/json; charset=utf-8");
    const back = await wb(app, "POST", `/adv/v1/budget/deposit?id=${id}`, { sum: 1000, type: 0, return: true });
    expect(back.body).toEqual({ total: 2000 });
    // The other empty 200s (the spec documents no body for them) keep no Content-Type.
    const started = await wb(app, "GET", `/adv/v0/start?id=${id}`);
    expect(started.status).toBe(200);
    expect(started.headers["content-type"]).toBeUndefined();
  });
});
