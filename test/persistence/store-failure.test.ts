import { mkdirSync, readFileSync, symlinkSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STOPPED_HINT } from "../../src/mocks/http/store-unavailable.js";
import { folderOf } from "../../src/persistence/file-log-store.js";
import { createSandbox } from "../../src/server.js";
import { VERSION } from "../../src/version.js";
import { afterThisTest } from "../support/after-test.js";
import { WB_TENANT } from "../support/busy-session.js";
import { T0 } from "../support/fixed-time.js";
import { tempDataDir } from "../support/data-dir.js";
import { collectingLogger } from "../support/collecting-logger.js";

/**
 * Issue 12: a write to the data directory that fails (disk full: Linux's /dev/full fails every
 * write with ENOSPC) stops the store (fail-stop): no call is acknowledged that is not durable, none is lost
 * that was, and the process keeps answering.
 */

/** A raw answer: status, the headers a client reads, the body parsed. */
async function call(base: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== undefined) headers["Authorization"] = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: text === "" ? undefined : JSON.parse(text) };
}

/** Makes tenant `tenant`'s first log segment /dev/full, before the store opens it (its folder holds no `id` yet, so a start skips it). */
function diskFullFor(dir: string, tenant: string): string {
  const folder = join(dir, "tenants", folderOf(tenant));
  mkdirSync(folder, { recursive: true });
  const segment = join(folder, "log-1.jsonl");
  symlinkSync("/dev/full", segment);
  return segment;
}

const FULL_TENANT = "disk-full";

describe("a data directory that cannot be written (disk full, for real: /dev/full)", () => {
  it("stops the store: the failing call and every later recorded call get the sandbox's 503, health says so, and a restart keeps every acknowledged call", async () => {
    const dir = tempDataDir("promo-sandbox-full-");
    const logger = collectingLogger();
    const first = createSandbox({ dataDir: dir, seed: "full", realNow: () => T0, logger });
    afterThisTest(() => void first.close());
    const base = await first.listen(0);
    expect((await call(base, "POST", "/__sandbox/wildberries/balance", WB_TENANT, { balance: 1000 })).status).toBe(200);
    expect((await call(base, "POST", "/__sandbox/wildberries/balance", WB_TENANT, { balance: 900 })).status).toBe(200);
    const acknowledged = await call(base, "GET", "/adv/v1/balance", WB_TENANT);
    expect(acknowledged.status).toBe(200);

    const segment = diskFullFor(dir, FULL_TENANT);
    const stopped =
      `the data directory ${dir} could not be written (ENOSPC: no space left on device, write; file ${segment}), so the sandbox stopped recording calls: ` +
      "free space or fix the disk, then restart the sandbox (it loads everything that was durable; a line cut short by the failure is set aside)";
    // The call whose line fails: nothing of it reached the disk.
    const failing = await call(base, "POST", "/__sandbox/wildberries/balance", FULL_TENANT, { balance: 5 });
    expect(failing).toEqual({
      status: 503,
      retryAfter: null,
      body: { error: "sandbox_store_unavailable", message: `tenant ${FULL_TENANT}: the call could not be recorded in its log: ${stopped}`, recorded: "no", hint: STOPPED_HINT },
    });
    // Every later call that would be recorded, of any tenant, reads included (they are recorded: they settle timers and take rate tokens).
    for (const [method, path, tenant, body] of [
      ["POST", "/__sandbox/wildberries/balance", FULL_TENANT, { balance: 6 }],
      ["POST", "/__sandbox/wildberries/balance", WB_TENANT, { balance: 1 }],
      ["GET", "/adv/v1/balance", WB_TENANT, undefined],
    ] as const) {
      expect(await call(base, method, path, tenant, body)).toEqual({
        status: 503,
        retryAfter: null,
        body: { error: "sandbox_store_unavailable", message: `tenant ${tenant}: the call could not be recorded in its log: ${stopped}`, recorded: "no", hint: STOPPED_HINT },
      });
    }
    // A token could not be recorded either: 503, and it is not kept.
    const tokens = first.registry.tokens.size;
    const token = await call(base, "POST", "/__sandbox/tokens", undefined, {});
    expect(token.status).toBe(503);
    expect(token.body).toMatchObject({ error: "sandbox_store_unavailable", recorded: "no", hint: STOPPED_HINT });
    expect(String(Reflect.get(Object(token.body), "message"))).toMatch(/^the token issued for tenant tenant-\S+ could not be recorded, so it is not valid: the data directory /);
    expect(first.registry.tokens.size).toBe(tokens);
    // Health: 503 with why (a load balancer takes the replica out, a container healthcheck fails: a restart is the fix).
    expect(await call(base, "GET", "/__sandbox/health", undefined)).toEqual({
      status: 503,
      retryAfter: null,
      body: { status: "store_failed", version: VERSION, providers: ["yoomoney", "wildberries", "myshare"], message: stopped },
    });
    // Logged once, at error, with the OS error; no 500, no internal error.
    const errors = logger.lines.filter((line) => line.level === "error");
    expect(errors.map((line) => line.message)).toEqual([stopped]);
    expect(errors[0]?.fields).toMatchObject({ dataDir: dir, file: segment });
    expect(String(Reflect.get(Object(errors[0]?.fields["err"]), "code"))).toBe("ENOSPC");
    expect(logger.lines.filter((line) => line.level === "warn")).toEqual([]);
    await first.close();

    // The disk fixed (the segment a regular file again): a restart loads every acknowledged call, and calls go on.
    unlinkSync(segment);
    const second = createSandbox({ dataDir: dir, seed: "full", realNow: () => T0 });
    afterThisTest(() => void second.close());
    const again = await second.listen(0);
    const balance = await call(again, "GET", "/adv/v1/balance", WB_TENANT);
    expect(balance.body).toEqual(acknowledged.body);
    expect((await call(again, "GET", "/__sandbox/health", undefined)).status).toBe(200);
    expect((await call(again, "POST", "/__sandbox/wildberries/balance", FULL_TENANT, { balance: 7 })).status).toBe(200);
    expect(readFileSync(join(dir, "tenants", folderOf(FULL_TENANT), "id"), "utf8")).toBe(FULL_TENANT);
  });

  it("calls in flight when the write fails are not acknowledged; the seqs on disk stay whole and a restart loads them", async () => {
    const dir = tempDataDir("promo-sandbox-full-");
    const first = createSandbox({ dataDir: dir, seed: "full", realNow: () => T0 });
    afterThisTest(() => void first.close());
    const base = await first.listen(0);
    expect((await call(base, "GET", "/adv/v0/config", WB_TENANT)).status).toBe(200);
    diskFullFor(dir, FULL_TENANT);
    // Both tenants' calls at once: the disk-full tenant's line fails its batch; whatever was not durable then is refused.
    const answers = await Promise.all([
      call(base, "POST", "/__sandbox/wildberries/balance", FULL_TENANT, { balance: 5 }),
      ...Array.from({ length: 8 }, () => call(base, "GET", "/adv/v0/config", WB_TENANT)),
    ]);
    expect(answers[0]?.status).toBe(503);
    // Acknowledged: any answer but the sandbox's 503 (a 429 of the rate limit is journaled and recorded too).
    const acknowledged = answers.slice(1).filter((answer) => answer.status !== 503).length;
    const maybe = answers.slice(1).filter((answer) => Reflect.get(Object(answer.body), "recorded") === "maybe").length;
    await first.close();

    unlinkSync(join(dir, "tenants", folderOf(FULL_TENANT), "log-1.jsonl"));
    const second = createSandbox({ dataDir: dir, seed: "full", realNow: () => T0 });
    afterThisTest(() => void second.close());
    const again = await second.listen(0);
    // The journal is rebuilt from the log: every acknowledged call is there, a refused one only if it said maybe.
    const count = Number(Reflect.get(Object((await call(again, "GET", "/__sandbox/requests/count", WB_TENANT)).body), "count"));
    expect(count).toBeGreaterThanOrEqual(1 + acknowledged);
    expect(count).toBeLessThanOrEqual(1 + acknowledged + maybe);
    // The log goes on (no seq gap was left behind).
    expect((await call(again, "GET", "/adv/v0/config", WB_TENANT)).status).not.toBe(503);
    await second.close();
    const third = createSandbox({ dataDir: dir, seed: "full", realNow: () => T0 });
    afterThisTest(() => void third.close());
    const last = await third.listen(0);
    expect(Reflect.get(Object((await call(last, "GET", "/__sandbox/requests/count", WB_TENANT)).body), "count")).toBe(count + 1);
  });
});
