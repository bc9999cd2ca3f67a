import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { afterThisTest } from "../support/after-test.js";
import { send, YM_CAMPAIGN, type Sent } from "../support/busy-session.js";
import { runCli } from "../support/cli.js";
import { startCli, type CliProcess } from "../support/cli-process.js";
import { redisServer, TestRedis } from "../support/redis-server.js";

/**
 * Issue 12, the team sandbox: sandbox processes (the CLI, `--store redis://…`) sharing one real Redis.
 */

const ADMIN = "replicas-admin-token-0123456789";

function field(body: unknown, ...path: Array<string | number>): unknown {
  let at: unknown = body;
  for (const key of path) at = typeof at === "object" && at !== null ? Reflect.get(at, key) : undefined;
  return at;
}

/** Real-time values differ between processes started apart: ISO times and epoch milliseconds are masked. */
function timeless(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?/g, "<time>");
  if (typeof value === "number") return value > 1e12 ? "<ms>" : value;
  if (Array.isArray(value)) return value.map(timeless);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, timeless(v)]));
  return value;
}

/** A tenant's export without its journal (the export call itself is journaled on the replica that ran it). */
async function exported(base: string, token: string): Promise<unknown> {
  const body = (await send(base, "GET", "/__sandbox/state", token)).body;
  if (typeof body !== "object" || body === null) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== "journal"));
}

describe("--store refuses --data-dir and --state-file", () => {
  it.each([
    ["--data-dir", "/tmp/never-made"],
    ["--state-file", "/tmp/never-made.json"],
  ])("with %s: exit 2 with a message, before any connection", (flag, value) => {
    const result = runCli(["--port", "0", "--store", "redis://127.0.0.1:1/0", flag, value]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `promo-sandbox: --store cannot be used with ${flag}: --store keeps the tenants in Redis (shared by replicas), --data-dir in a local folder, --state-file in a single JSON file; give one of them\n`,
    );
  });

  it("the same through PROMO_SANDBOX_STORE", () => {
    const result = runCli(["--port", "0", "--data-dir", "/tmp/never-made"], { PROMO_SANDBOX_STORE: "redis://127.0.0.1:1/0" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--store cannot be used with --data-dir");
  });
});

describe.skipIf(redisServer.path === undefined)("replicas on one Redis (--store), as processes", { timeout: 60_000 }, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await TestRedis.start(redisServer.path ?? "redis-server");
  });
  afterAll(async () => {
    await redis?.stop();
  });

  let db = 0;
  /** Two replicas on a database of their own (a test's tenants never meet another test's). */
  async function pair(extra: string[] = []): Promise<[CliProcess, CliProcess]> {
    db += 1;
    const args = ["--store", redis.url(db), "--seed", "replicas", "--admin-token", ADMIN, ...extra];
    const a = await startCli(args);
    afterThisTest(() => a.stop());
    const b = await startCli(args);
    afterThisTest(() => b.stop());
    return [a, b];
  }

  it("one tenant's calls alternating between two replicas give the answers of one process, and both hold the same state and events", async () => {
    const [a, b] = await pair();
    const alone = await startCli(["--seed", "replicas", "--admin-token", ADMIN]);
    afterThisTest(() => alone.stop());
    // A token issued on one replica works on the other (its tenant, not a new one named by the token).
    const issued = await send(a.url, "POST", "/__sandbox/tokens", ADMIN, { tenant: "pair" });
    const token = String(field(issued.body, "token"));
    expect(issued.status).toBe(201);
    const aloneToken = String(field((await send(alone.url, "POST", "/__sandbox/tokens", ADMIN, { tenant: "pair" })).body, "token"));
    const calls: Array<[string, string, unknown]> = [
      ["POST", "/api/offerwall/v1/campaigns/create", YM_CAMPAIGN],
      ["POST", "/api/offerwall/v1/campaigns/create", { ...YM_CAMPAIGN, partnerCampaignId: 21 }],
      ["POST", "/__sandbox/clock/advance", { by: "PT30M" }],
      ["POST", "/__sandbox/wildberries/balance", { balance: 500 }],
      ["POST", "/adv/v2/seacat/save-ad", { campaignName: "A", nms: [1] }],
      ["GET", "/adv/v1/balance", undefined],
      ["POST", "/api/offerwall/v1/campaigns/get-all-campaigns", { limit: 10, offset: 0 }],
      ["GET", "/__sandbox/clock", undefined],
      ["GET", "/__sandbox/events", undefined],
    ];
    const both: Sent[] = [];
    const single: Sent[] = [];
    for (const [index, [method, path, body]] of calls.entries()) {
      both.push(await send(index % 2 === 0 ? a.url : b.url, method, path, token, body));
      single.push(await send(alone.url, method, path, aloneToken, body));
    }
    expect(both.map((sent) => sent.status)).toEqual(single.map((sent) => sent.status));
    expect(timeless(both)).toEqual(timeless(single));
    // Each replica applies the other's calls before its own: their exports (state and events) are equal.
    const fromA = await exported(a.url, token);
    const fromB = await exported(b.url, token);
    expect(fromB).toEqual(fromA);
    expect(timeless(fromA)).toEqual(timeless(await exported(alone.url, aloneToken)));
  });

  it("kill -9 of one replica mid-stream: the other carries on, and every acknowledged write is there", async () => {
    const [a, b] = await pair(["--rate-limits", "off"]);
    const write = async (base: string) => (await send(base, "POST", "/__sandbox/wildberries/balance", "kill-wb", { balance: 1 })).status === 200;
    let acked = 0;
    let sent = 0;
    const writing = (async () => {
      // Writes alternate between the replicas until A is gone; a write A never answered is not counted.
      for (let i = 0; ; i++) {
        sent += 1;
        const ok = await write(i % 2 === 0 ? a.url : b.url).catch(() => false);
        if (!ok) return;
        acked += 1;
      }
    })();
    await new Promise((done) => setTimeout(done, 400));
    await a.kill9();
    await writing;
    expect(acked).toBeGreaterThan(10);
    // B carries on, and holds every acknowledged write (at most the one in flight at the kill on top).
    expect(await write(b.url)).toBe(true);
    const balance = Number(field((await send(b.url, "GET", "/adv/v1/balance", "kill-wb")).body, "balance"));
    expect(balance).toBeGreaterThanOrEqual(acked + 1);
    expect(balance).toBeLessThanOrEqual(acked + 2);
    expect(sent).toBe(acked + 1);
  });

  it("Redis restarted (kill -9): nothing acknowledged is lost, and a call while it is down gets the sandbox's own 503", async () => {
    const [a, b] = await pair(["--rate-limits", "off"]);
    for (let i = 0; i < 20; i++) expect((await send(i % 2 === 0 ? a.url : b.url, "POST", "/__sandbox/wildberries/balance", "restart-wb", { balance: 1 })).status).toBe(200);
    await redis.halt("SIGKILL");
    let down: Sent & { retryAfter: string | null };
    try {
      const res = await fetch(`${a.url}/__sandbox/wildberries/balance`, { method: "POST", headers: { authorization: "Bearer restart-wb", "content-type": "application/json" }, body: JSON.stringify({ balance: 1 }) });
      down = { status: res.status, body: await res.json(), retryAfter: res.headers.get("retry-after") };
    } finally {
      await redis.resume();
    }
    expect(down.status).toBe(503);
    expect(field(down.body, "error")).toBe("sandbox_store_unavailable");
    // "no" when the client knew the connection was gone; "maybe" when the append was sent on a socket that had
    // just died (the sandbox cannot tell it from a write Redis took). Redis was down: it was not recorded either way.
    expect(["no", "maybe"]).toContain(field(down.body, "recorded"));
    expect(down.retryAfter).toBe("1");
    expect(field(down.body, "hint")).toBe(
      field(down.body, "recorded") === "no"
        ? "The call changed nothing: send it again after Retry-After (1 s)."
        : "The call may have been recorded all the same: it then takes effect before the tenant's next call and shows in its journal. Check before sending again a call that is not idempotent.",
    );
    expect(String(field(down.body, "message"))).toMatch(/^tenant restart-wb: the call could not be recorded in its log: the (Redis store .* did not answer for 2000 ms|connection to the Redis store .* broke during EVALSHA)/);
    const balance = async (base: string) => Number(field((await send(base, "GET", "/adv/v1/balance", "restart-wb")).body, "balance"));
    expect(await balance(b.url)).toBe(20);
    expect(await balance(a.url)).toBe(20);
  });

  it("a tenant idle past the TTL on one replica but used on the other within it: the store keeps it for both", async () => {
    const [a, b] = await pair(["--rate-limits", "off", "--tenant-ttl", "2"]);
    // A tenant named by a token issued on A, and one by a raw token.
    const named = String(field((await send(a.url, "POST", "/__sandbox/tokens", ADMIN, { tenant: "ttl-named" })).body, "token"));
    const topUp = async (base: string, token = "ttl-wb") => expect((await send(base, "POST", "/__sandbox/wildberries/balance", token, { balance: 1 })).status).toBe(200);
    for (const base of [a.url, b.url, a.url]) {
      await topUp(base);
      await topUp(base, named);
    }
    const listed = async () => field((await send(a.url, "GET", "/__sandbox/tenants", ADMIN)).body, "tenants");
    expect(await listed()).toContainEqual(expect.objectContaining({ tenant: "ttl-wb" }));
    // Real time: the TTL is a real-time one (2 s). Both tenants are read on B half-way, and not used on A.
    await new Promise((done) => setTimeout(done, 1_200));
    for (const token of ["ttl-wb", named]) expect((await send(b.url, "GET", "/adv/v1/balance", token)).status).toBe(200);
    await new Promise((done) => setTimeout(done, 1_200));
    // A call of another tenant on A makes A evict both from its memory (idle 2.4 s there); the store keeps them
    // (used 1.2 s ago on B), so A still lists them and their next calls anywhere find them whole.
    await send(a.url, "GET", "/adv/v1/balance", "ttl-other");
    expect(await listed()).toContainEqual(expect.objectContaining({ tenant: "ttl-wb" }));
    expect(await listed()).toContainEqual(expect.objectContaining({ tenant: "ttl-named", tokens: 1 }));
    await topUp(b.url);
    await topUp(b.url, named);
    const balance = async (base: string, token = "ttl-wb") => Number(field((await send(base, "GET", "/adv/v1/balance", token)).body, "balance"));
    expect(await balance(a.url)).toBe(4);
    expect(await balance(b.url)).toBe(4);
    // The issued token still names its tenant on A (A read the registry records again), with every top-up.
    expect(await balance(a.url, named)).toBe(4);
    expect(await balance(b.url, named)).toBe(4);
  });

  it("concurrent calls of one tenant on both replicas run one after the other: the last one-off code and a deposit of the whole balance each have exactly one winner", async () => {
    const [a, b] = await pair(["--rate-limits", "off"]);
    const ym = "race-ym";
    const created = await send(a.url, "POST", "/api/offerwall/v1/campaigns/create", ym, YM_CAMPAIGN);
    const ymCampaignId = Number(field(created.body, "result", "ymCampaignId"));
    expect(field((await send(b.url, "POST", "/api/offerwall/v1/campaigns/add-pins", ym, { ymCampaignId, pinList: ["RACE000001"] })).body, "status")).toBe("success");
    expect((await send(a.url, "POST", `/__sandbox/yoomoney/campaigns/${ymCampaignId}/moderation`, ym, { decision: "approve" })).status).toBe(200);
    expect(field((await send(b.url, "POST", "/api/offerwall/v1/campaigns/start", ym, { ymCampaignId })).body, "status")).toBe("success");
    const wb = "race-wb";
    expect((await send(a.url, "POST", "/__sandbox/wildberries/balance", wb, { balance: 1500 })).status).toBe(200);
    const subject = Number(field((await send(a.url, "GET", "/adv/v1/supplier/subjects", wb)).body, 0, "id"));
    const nm = Number(field((await send(b.url, "POST", "/adv/v2/supplier/nms", wb, [subject])).body, 0, "nm"));
    const advertId = Number((await send(a.url, "POST", "/adv/v2/seacat/save-ad", wb, { campaignName: "Race", nms: [nm] })).body);
    expect(advertId).toBeGreaterThan(0);
    // Four users take the offer at once, two on each replica; two deposits of the whole balance, one on each.
    const offers = Promise.all([a.url, b.url, a.url, b.url].map((base) => send(base, "POST", `/__sandbox/yoomoney/campaigns/${ymCampaignId}/offers`, ym)));
    const deposits = Promise.all([a.url, b.url].map((base) => send(base, "POST", `/adv/v1/budget/deposit?id=${advertId}`, wb, { sum: 1500, type: 0 })));
    const [taken, deposited] = await Promise.all([offers, deposits]);
    expect(taken.filter((sent) => field(sent.body, "pinContent") === "RACE000001"), JSON.stringify(taken)).toHaveLength(1);
    expect(taken.filter((sent) => sent.status === 201)).toHaveLength(1);
    expect(deposited.filter((sent) => sent.status === 200), JSON.stringify(deposited)).toHaveLength(1);
    for (const base of [a.url, b.url]) expect(field((await send(base, "GET", "/adv/v1/balance", wb)).body, "balance")).toBe(0);
  });
});
