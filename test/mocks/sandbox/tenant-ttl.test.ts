import { request as httpRequest } from "node:http";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { createSandbox, DEFAULT_TENANT_TTL_MS, type SandboxOptions } from "../../../src/server.js";
import { makeSandbox, T0 } from "../../support/sandbox.js";
import { afterThisTest } from "../../support/after-test.js";
import { createBody } from "../yoomoney/helpers.js";

const TTL = 10 * 60_000;
const TOKEN = "Bearer idle-partner";
const OTHER = "Bearer busy-partner";

/** A sandbox whose real clock moves only when the test moves it. */
function sandboxWithRealClock(options: SandboxOptions = {}) {
  const clock = { now: T0 };
  const sandbox = makeSandbox({ realNow: () => clock.now, tenantTtlMs: TTL, ...options });
  afterThisTest(() => void sandbox.close());
  return { sandbox, app: sandbox.app, clock };
}

const createCampaign = (app: Parameters<typeof request>[0], token = TOKEN) =>
  request(app).post("/api/offerwall/v1/campaigns/create").set("Authorization", token).send(createBody());
const listCampaigns = (app: Parameters<typeof request>[0], token = TOKEN) =>
  request(app).post("/api/offerwall/v1/campaigns/get-all-campaigns").set("Authorization", token).send({ limit: 10, offset: 0 });

describe("--tenant-ttl: idle tenants are evicted", () => {
  it("the default keeps an idle tenant a day", () => {
    expect(DEFAULT_TENANT_TTL_MS).toBe(24 * 60 * 60 * 1000);
  });

  it("a tenant idle longer than the TTL answers as an empty tenant, exactly as after a reset", async () => {
    const { app, clock } = sandboxWithRealClock();
    expect((await createCampaign(app)).body.status).toBe("success");
    await request(app).post("/__sandbox/clock/advance").set("Authorization", TOKEN).send({ by: "P3D" }).expect(200);
    clock.now += TTL + 1;

    const evicted = await request(app).get("/__sandbox/state").set("Authorization", TOKEN).expect(200);
    const reference = sandboxWithRealClock();
    reference.clock.now = clock.now;
    const fresh = await request(reference.app).get("/__sandbox/state").set("Authorization", TOKEN).expect(200);
    expect(evicted.body).toEqual(fresh.body);
    expect((await listCampaigns(app)).body).toEqual({ status: "success", total: 0, campaigns: [] });
  });

  it("a tenant used within the TTL keeps its state, whether by a provider or a control-plane call", async () => {
    const { app, clock } = sandboxWithRealClock();
    const id: unknown = (await createCampaign(app)).body.result.ymCampaignId;
    clock.now += TTL;
    await request(app).get("/__sandbox/clock").set("Authorization", TOKEN).expect(200);
    clock.now += TTL;
    expect((await listCampaigns(app)).body.campaigns).toEqual([{ ymCampaignId: id, campaignStatus: "moderation" }]);
    clock.now += TTL;
    expect((await listCampaigns(app)).body.total).toBe(1);
  });

  it("TTL 0 never evicts", async () => {
    const { app, clock } = sandboxWithRealClock({ tenantTtlMs: 0 });
    await createCampaign(app);
    clock.now += 10 * 365 * 24 * 3_600_000;
    await request(app).get("/__sandbox/clock").set("Authorization", OTHER).expect(200);
    expect((await listCampaigns(app)).body.total).toBe(1);
  });

  it("an idle tenant also goes when another tenant calls (it is not kept until its own next call)", async () => {
    const { app, clock, sandbox } = sandboxWithRealClock();
    await createCampaign(app);
    clock.now += TTL + 1;
    await request(app).get("/__sandbox/clock").set("Authorization", OTHER).expect(200);
    expect(sandbox.registry.peek("idle-partner")).toBeUndefined();
    expect(sandbox.registry.evictions).toBe(1);
  });

  it("never evicts a tenant in the middle of a call: a body still arriving keeps its tenant", async () => {
    const { sandbox, clock } = sandboxWithRealClock();
    const url = await sandbox.listen(0, "127.0.0.1");
    await createCampaign(sandbox.app);
    clock.now += 1;
    const body = JSON.stringify(createBody({ partnerCampaignId: 502 }));
    const answer = new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
      const req = httpRequest(`${url}/api/offerwall/v1/campaigns/create`, {
        method: "POST",
        headers: { Authorization: TOKEN, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      });
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode, text }));
      });
      req.on("error", reject);
      req.write(body.slice(0, 10));
      // The rest once the sandbox has taken the call in (it authenticates before it reads the body) and
      // the tenant has been idle, by its last use, far longer than the TTL.
      void vi
        .waitFor(() => expect(sandbox.registry.activityOf("idle-partner")?.lastUsedAt).toBe(T0 + 1))
        .then(async () => {
          clock.now += 3 * TTL;
          await request(sandbox.app).get("/__sandbox/clock").set("Authorization", OTHER).expect(200);
          req.end(body.slice(10));
        }, reject);
    });
    const created = await answer;
    expect(created.status).toBe(200);
    expect(JSON.parse(created.text).status).toBe("success");
    expect((await listCampaigns(sandbox.app)).body.total).toBe(2);
  });

  it("an evicted tenant's issued tokens go with it (strict mode: refused)", async () => {
    const { app, clock } = sandboxWithRealClock({ auth: "strict" });
    const issued = await request(app).post("/__sandbox/tokens").send({}).expect(201);
    const token = `Bearer ${String(issued.body.token)}`;
    await request(app).get("/__sandbox/clock").set("Authorization", token).expect(200);
    clock.now += TTL + 1;
    const refused = await request(app).get("/__sandbox/clock").set("Authorization", token).expect(401);
    expect(refused.body.error.code).toBe("unknown_token");
  });

  it("an evicted tenant and its tokens leave the state file at the next save", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "promo-sandbox-ttl-")), "state.json");
    const clock = { now: T0 };
    const sandbox = createSandbox({ stateFile: path, realNow: () => clock.now, tenantTtlMs: TTL });
    afterThisTest(() => void sandbox.close());
    await createCampaign(sandbox.app);
    await request(sandbox.app).post("/__sandbox/tokens").send({ tenant: "idle-partner" }).expect(201);
    await sandbox.flush();
    const saved = (): { tenants: { tenant: string }[]; tokens: { tenantId: string }[] } => JSON.parse(readFileSync(path, "utf8"));
    expect(saved().tenants.map((t) => t.tenant)).toEqual(["idle-partner"]);
    expect(saved().tokens.map((t) => t.tenantId)).toEqual(["idle-partner"]);

    clock.now += TTL + 1;
    await request(sandbox.app).get("/__sandbox/clock").set("Authorization", OTHER).expect(200);
    await sandbox.flush();
    expect(saved().tenants.map((t) => t.tenant)).toEqual(["busy-partner"]);
    expect(saved().tokens).toEqual([]);
  });

  it("refuses a TTL that is not a whole number of milliseconds, 0 or more", () => {
    expect(() => createSandbox({ tenantTtlMs: -1 })).toThrow("tenantTtlMs must be a whole number of milliseconds, 0 or more (0 never evicts), got -1");
    expect(() => createSandbox({ tenantTtlMs: 1.5 })).toThrow("got 1.5");
  });
});
