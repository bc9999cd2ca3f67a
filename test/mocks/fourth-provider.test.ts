import request from "supertest";
import { describe, expect, it } from "vitest";
import { helpText } from "../../src/cli-help.js";
import { documentsOf } from "../../src/openapi-documents.js";
import { PROVIDERS } from "../../src/providers.js";
import { createSandbox } from "../../src/server.js";
import { fakePlug } from "../support/fake-provider.js";
import { T0 } from "../support/fixed-time.js";

/** src/providers.ts with one more line: a fourth provider, plugged in as a new provider would be. */
const WITH_FOURTH = [...PROVIDERS, fakePlug];

describe("a fourth provider plugged in with one line", () => {
  it("is served: its API with its own dialect, its control call, its timers and its state", async () => {
    const sandbox = createSandbox({ realNow: () => T0, providers: WITH_FOURTH });
    const created = await request(sandbox.app).post("/fake/things").set("Authorization", "Bearer four").send({ id: "t1", expiresInMs: 60_000 });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: "t1", status: "new" });
    expect((await request(sandbox.app).get("/fake/things/nope").set("Authorization", "Bearer four")).body).toEqual({ detail: "Not found." });
    expect((await request(sandbox.app).delete("/fake/things/t1").set("Authorization", "Bearer four")).headers["allow"]).toBe("GET");

    const poked = await request(sandbox.app).post("/__sandbox/fake/things/t1/poke").set("Authorization", "Bearer four");
    expect(poked.status).toBe(200);
    expect(poked.body).toEqual({ id: "t1", status: "poked" });
    await request(sandbox.app).post("/__sandbox/clock/advance").set("Authorization", "Bearer four").send({ by: "PT1M" }).expect(200);
    expect((await request(sandbox.app).get("/fake/things/t1").set("Authorization", "Bearer four")).body).toEqual({ id: "t1", status: "expired" });

    const state = await request(sandbox.app).get("/__sandbox/state").set("Authorization", "Bearer four");
    expect(state.body.providers.fake).toEqual({ things: [{ id: "t1", status: "expired" }] });
    // The three others are still served beside it.
    expect((await request(sandbox.app).get("/ping").set("Authorization", "four")).status).toBe(200);
  });

  it("is listed: health, the CLI help and the 404 of a path nobody serves name it", async () => {
    const sandbox = createSandbox({ realNow: () => T0, providers: WITH_FOURTH });
    const health = await request(sandbox.app).get("/__sandbox/health");
    expect(health.body.providers).toEqual(["yoomoney", "wildberries", "myshare", "fake"]);
    expect(helpText(WITH_FOURTH)).toContain(`\n  ${fakePlug.servedAt}\n`);
    const nowhere = await request(sandbox.app).get("/nowhere");
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error.message).toContain(fakePlug.servedAt);
  });

  it("is documented: its own OpenAPI document, and its control call in the control plane's", () => {
    const documents = documentsOf(WITH_FOURTH);
    expect(documents.map((spec) => spec.file)).toEqual([
      "openapi/yoomoney.json",
      "openapi/wildberries.json",
      "openapi/myshare.json",
      "openapi/fake.json",
      "openapi/sandbox.json",
    ]);
    const fake = documents.find((spec) => spec.file === "openapi/fake.json")?.build();
    expect(Object.keys(fake?.paths ?? {})).toEqual(["/fake/things", "/fake/things/{id}"]);
    const sandbox = documents.find((spec) => spec.file === "openapi/sandbox.json")?.build();
    expect(sandbox?.paths?.["/__sandbox/fake/things/{id}/poke"]?.post?.operationId).toBe("pokeFakeThing");
  });
});
