import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SandboxLogger } from "../../src/logger.js";
import { COMPACT_FACTOR, COMPACT_FLOOR } from "../../src/persistence/registry-records.js";
import { createSandbox } from "../../src/server.js";
import { afterThisTest } from "../support/after-test.js";
import { send } from "../support/busy-session.js";
import { T0 } from "../support/fixed-time.js";
import { tempDataDir } from "../support/data-dir.js";
import { collectingLogger } from "../support/collecting-logger.js";

/**
 * Issue 12: registry.log (issued tokens, passwords, evictions) is compacted to the live records at
 * start and once it holds more than COMPACT_FACTOR times them plus COMPACT_FLOOR, crash-safe.
 */

const TTL_MS = 60_000;

function linesOf(dir: string): number {
  return readFileSync(join(dir, "registry.log"), "utf8").split("\n").filter(Boolean).length;
}

/** Issues `count` tokens for new tenants, a few at a time; returns them. */
async function issue(base: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let at = 0; at < count; at += 50) {
    const answers = await Promise.all(Array.from({ length: Math.min(50, count - at) }, () => send(base, "POST", "/__sandbox/tokens", undefined, {})));
    for (const answer of answers) {
      expect(answer.status).toBe(201);
      tokens.push(String(Reflect.get(Object(answer.body), "token")));
    }
  }
  return tokens;
}

/** A strict-mode sandbox (an unknown token is refused) with a tenant TTL, on `dir`, reading `clock`. */
function sandboxOn(dir: string, clock: { now: number }, logger?: SandboxLogger) {
  const sandbox = createSandbox({ dataDir: dir, seed: "compact", auth: "strict", tenantTtlMs: TTL_MS, realNow: () => clock.now, logger });
  afterThisTest(() => void sandbox.close());
  return sandbox;
}

describe("registry.log compaction (--data-dir)", () => {
  it("a restart keeps only the live records: live tokens work, evicted ones do not, and the log is small", async () => {
    const dir = tempDataDir("promo-sandbox-registry-");
    const clock = { now: T0 };
    const first = sandboxOn(dir, clock);
    const base = await first.listen(0);
    const evicted = await issue(base, 40);
    // The first 40 tenants go idle past the TTL and are evicted (their tokens with them); 5 more are live.
    clock.now += TTL_MS + 1;
    const live = await issue(base, 5);
    first.registry.sweep();
    expect(first.registry.evictions).toBe(40);
    // A login's password (strict mode sets it on the first login) is live too.
    const login = await send(base, "POST", "/api/offerwall/v1/users/login", undefined, { login: "kept", password: "pw" });
    expect(login.status).toBe(200);
    await first.flush();
    // Each eviction is recorded after its tenant's token: 40 + 5 tokens + 40 evictions + the login's password and token.
    expect(linesOf(dir)).toBe(40 + 5 + 40 + 2);
    await first.close();

    const second = sandboxOn(dir, clock);
    const again = await second.listen(0);
    // Compacted at start: the 5 tokens, the login's token and its password.
    expect(linesOf(dir)).toBe(5 + 2);
    for (const token of live) expect((await send(again, "GET", "/__sandbox/requests/count", token)).status).toBe(200);
    for (const token of evicted.slice(0, 5)) {
      const refused = await send(again, "GET", "/__sandbox/requests/count", token);
      expect(refused.status).toBe(401);
    }
    expect((await send(again, "POST", "/api/offerwall/v1/users/login", undefined, { login: "kept", password: "pw" })).status).toBe(200);
    expect((await send(again, "POST", "/api/offerwall/v1/users/login", undefined, { login: "kept", password: "other" })).status).not.toBe(200);
    await second.close();
    // A third start finds nothing to shed and keeps the log as it is (its login's token is one more line).
    const third = sandboxOn(dir, clock);
    const last = await third.listen(0);
    for (const token of live) expect((await send(last, "GET", "/__sandbox/requests/count", token)).status).toBe(200);
  });

  it("compacts while running once the log holds more than twice the live records plus the floor", { timeout: 60_000 }, async () => {
    const dir = tempDataDir("promo-sandbox-registry-");
    const clock = { now: T0 };
    const sandbox = sandboxOn(dir, clock);
    const base = await sandbox.listen(0);
    const gone = Math.ceil((COMPACT_FLOOR + 10) / 2);
    await issue(base, gone);
    await sandbox.flush();
    // Every record is live: nothing to shed.
    expect(linesOf(dir)).toBe(gone);
    clock.now += TTL_MS + 1;
    const live = await issue(base, 3);
    sandbox.registry.sweep();
    expect(sandbox.registry.evictions).toBe(gone);
    // The evictions took the log past the threshold (2 * gone + 3 records, 3 of them live): it was rewritten to the live ones.
    expect(2 * gone + 3).toBeGreaterThan(COMPACT_FACTOR * 3 + COMPACT_FLOOR);
    await sandbox.flush();
    expect(linesOf(dir)).toBe(3);
    for (const token of live) expect((await send(base, "GET", "/__sandbox/requests/count", token)).status).toBe(200);
    const more = await issue(base, 1);
    // Appends go on in the new file, and a restart reads it.
    const after = await issue(base, 1);
    await sandbox.close();
    expect(linesOf(dir)).toBe(5);
    // The fresh start has nothing to shed either.
    const again = await sandboxOn(dir, clock).listen(0);
    for (const token of [...live, ...more, ...after]) expect((await send(again, "GET", "/__sandbox/requests/count", token)).status).toBe(200);
  });

  it("a compaction cut short by a crash (its temporary file left behind) is ignored: the log loads whole and the leftover goes", async () => {
    const dir = tempDataDir("promo-sandbox-registry-");
    const clock = { now: T0 };
    const first = sandboxOn(dir, clock);
    const tokens = await issue(await first.listen(0), 3);
    await first.close();
    // A crash after the temporary file was written (in part) and before its rename.
    writeFileSync(join(dir, "registry.log.compact"), readFileSync(join(dir, "registry.log"), "utf8").slice(0, 100));
    const logger = collectingLogger();
    const second = sandboxOn(dir, clock, logger);
    const again = await second.listen(0);
    expect(existsSync(join(dir, "registry.log.compact"))).toBe(false);
    expect(logger.lines.filter((line) => line.level === "warn").map((line) => line.message)).toEqual([
      `${join(dir, "registry.log.compact")} is left from a compaction of registry.log cut short (a crash); registry.log is whole and is loaded, the leftover is removed`,
    ]);
    for (const token of tokens) expect((await send(again, "GET", "/__sandbox/requests/count", token)).status).toBe(200);
    expect(linesOf(dir)).toBe(3);
  });
});
