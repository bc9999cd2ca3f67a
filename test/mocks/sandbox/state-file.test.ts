import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../src/server.js";
import { T0 } from "../../support/fixed-time.js";

const CAMPAIGN = {
  partnerCampaignId: 7,
  categoryId: 39,
  campaignType: "promo",
  acceptUrl: "https://example.com/landing",
  merchantDomain: "example.com",
  merchantLogoSvg: "https://example.com/logo.svg",
  merchantLogoPng: "https://example.com/logo.png",
  merchantName: "Магазин",
  backgroundColor: "#1e1e1e",
  fontColor: "#ffffff",
  description: "Скидка",
  conditions: "Условия",
  discountType: "percent",
  discountAmount: "10",
  campaignFee: "100",
  feeType: "fix",
};

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), "promo-sandbox-")), "state.json");
}

describe("--state-file", () => {
  it("keeps campaigns, clocks and issued tokens across a restart", async () => {
    const path = tempFile();
    const first = createSandbox({ stateFile: path, realNow: () => T0 });
    const created = await request(first.app)
      .post("/api/offerwall/v1/campaigns/create")
      .set("Authorization", "Bearer keep")
      .send(CAMPAIGN);
    expect(created.body.status).toBe("success");
    await request(first.app).post("/__sandbox/clock/advance").set("Authorization", "Bearer keep").send({ by: "PT2H" }).expect(200);
    const login = await request(first.app).post("/api/offerwall/v1/users/login").send({ login: "acme", password: "pw" });
    await first.close();
    expect(existsSync(path)).toBe(true);

    const second = createSandbox({ stateFile: path, realNow: () => T0 });
    const list = await request(second.app)
      .post("/api/offerwall/v1/campaigns/get-all-campaigns")
      .set("Authorization", "Bearer keep")
      .send({ limit: 10, offset: 0 });
    expect(list.body).toEqual({
      status: "success",
      total: 1,
      campaigns: [{ ymCampaignId: created.body.result.ymCampaignId, campaignStatus: "moderation" }],
    });
    const clock = await request(second.app).get("/__sandbox/clock").set("Authorization", "Bearer keep");
    expect(clock.body).toEqual({ now: new Date(T0 + 2 * 3_600_000).toISOString(), frozen: false });
    const categories = await request(second.app)
      .post("/api/offerwall/v1/categories/get")
      .set("Authorization", `Bearer ${login.body.accessToken}`)
      .send({});
    expect(categories.status).toBe(200);
    await second.close();
  });

  it("writes the file only through an atomic rename, as plain JSON with a schema version", async () => {
    const path = tempFile();
    const sandbox = createSandbox({ stateFile: path, realNow: () => T0 });
    await request(sandbox.app).post("/__sandbox/reset").set("Authorization", "Bearer w").expect(200);
    await sandbox.flush();
    const saved = JSON.parse(readFileSync(path, "utf8"));
    expect(saved.schemaVersion).toBe(1);
    expect(saved.tenants.map((t: { tenant: string }) => t.tenant)).toEqual(["w"]);
    await sandbox.close();
  });

  it("refuses to start on a file it cannot load, and leaves the file alone", () => {
    const path = tempFile();
    writeFileSync(path, '{"schemaVersion": 2}');
    expect(() => createSandbox({ stateFile: path })).toThrow(/--state-file .* cannot be loaded: schemaVersion/);
    expect(readFileSync(path, "utf8")).toBe('{"schemaVersion": 2}');
    writeFileSync(path, "{not json");
    expect(() => createSandbox({ stateFile: path })).toThrow(/is not readable JSON/);
  });

  it("starts empty when the file does not exist yet", async () => {
    const path = tempFile();
    const sandbox = createSandbox({ stateFile: path, realNow: () => T0 });
    const list = await request(sandbox.app)
      .post("/api/offerwall/v1/campaigns/get-all-campaigns")
      .set("Authorization", "Bearer new")
      .send({ limit: 10, offset: 0 });
    expect(list.body).toEqual({ status: "success", total: 0, campaigns: [] });
    await sandbox.close();
  });
});
