import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { API, advance, call, control, create, createBody, journal, moderate, success, state, TOKEN, T0_ISO, at } from "./helpers.js";

describe("GET /__sandbox/requests?provider=yoomoney", () => {
  it("lists the tenant's provider calls with status and both bodies, oldest first; control-plane calls are not in it", async () => {
    const { app } = makeSandbox();
    await call(app, TOKEN, "categories/get");
    const id = await create(app);
    await moderate(app, id, "approve");
    await advance(app, "PT1M");
    await call(app, TOKEN, "campaigns/start", { ymCampaignId: id });
    await call(app, TOKEN, "campaigns/nope", { x: 1 });
    await call(app, TOKEN, "campaigns/get").set("Content-Type", "application/json").send("{oops");
    await request(app).post(`${API}/campaigns/get`).send({ ymCampaignId: id }); // no token: nobody's journal

    const logged = await journal(app, "provider=yoomoney");
    expect(logged.dropped).toBe(0);
    const entry = (seq: number, when: string, path: string, status: number, requestBody: unknown, responseBody: unknown, operation: string | null, nearestOperation: string | null = null) => ({
      seq,
      at: when,
      provider: "yoomoney",
      method: "POST",
      path: `${API}/${path}`,
      query: "",
      status,
      requestBody,
      responseBody,
      headers: expect.objectContaining({ authorization: "Bearer pa…(masked)" }),
      durationMs: expect.any(Number),
      operation,
      nearestOperation,
      fault: null,
    });
    expect(logged.requests).toEqual([
      // An empty body is read as {} (docs/fidelity.md, Transport).
      entry(1, T0_ISO, "categories/get", 200, {}, expect.objectContaining({ status: "success" }), "getCategories"),
      entry(2, T0_ISO, "campaigns/create", 200, createBody(), success(state(id, "moderation")), "createCampaign"),
      entry(3, at(60_000), "campaigns/start", 200, { ymCampaignId: id }, { status: "error", errors: expect.objectContaining({ code: "failPin" }), result: state(id, "pin-required") }, "startCampaign"),
      entry(4, at(60_000), "campaigns/nope", 404, { x: 1 }, { status: "error", errors: expect.objectContaining({ code: "methodNotFound" }) }, null, "stopCampaign"),
      entry(5, at(60_000), "campaigns/get", 400, null, { status: "error", errors: expect.objectContaining({ code: "incorrectData", parameter: "body" }) }, "getCampaign"),
    ]);
  });

  it("filters by path and limit, and DELETE clears it", async () => {
    const { app } = makeSandbox();
    const id = await create(app);
    for (let i = 0; i < 3; i++) await call(app, TOKEN, "campaigns/get", { ymCampaignId: id });
    const gets = await journal(app, `path=${encodeURIComponent(`${API}/campaigns/get`)}&limit=2`);
    expect(gets.requests.map((r) => [r.seq, r.path])).toEqual([
      [3, `${API}/campaigns/get`],
      [4, `${API}/campaigns/get`],
    ]);
    expect((await control(app, TOKEN, "DELETE", "/requests")).status).toBe(204);
    expect((await journal(app)).requests).toEqual([]);
  });
});
