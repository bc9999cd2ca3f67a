import { appendFileSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { folderOf } from "../../src/persistence/file-log-store.js";
import { createSandbox, type Sandbox } from "../../src/server.js";
import { exportSnapshot } from "../../src/state/kernel/snapshot.js";
import { afterThisTest } from "../support/after-test.js";
import { busySession, send, WB_TENANT, YM_CAMPAIGN, YM_TENANT } from "../support/busy-session.js";
import { T0 } from "../support/fixed-time.js";
import { tempDataDir } from "../support/data-dir.js";
import { collectingLogger } from "../support/collecting-logger.js";

/** Every tenant's state export (and, unless `exportsOnly`, its events and journal without real durations). */
function stateOf(sandbox: Sandbox, exportsOnly = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const tenant of sandbox.registry.all()) {
    const state = exportSnapshot(sandbox.registry, tenant);
    out[tenant.id] = exportsOnly
      ? state
      : { state, events: tenant.events.toArray(), journal: tenant.journal.toArray().map(({ durationMs: _ignored, ...rest }) => rest) };
  }
  return out;
}

function segmentsOf(dir: string, tenant: string): string[] {
  const folder = join(dir, "tenants", folderOf(tenant));
  return readdirSync(folder)
    .filter((name) => /^log-\d+\.jsonl$/.test(name))
    .sort((a, b) => Number(a.slice(4, -6)) - Number(b.slice(4, -6)))
    .map((name) => join(folder, name));
}

/** The last non-empty segment of a tenant's log. */
function lastSegment(dir: string, tenant: string): string {
  const found = segmentsOf(dir, tenant).filter((path) => readFileSync(path).length > 0).at(-1);
  if (found === undefined) throw new Error(`tenant ${tenant} has no log`);
  return found;
}

describe("--data-dir (issue 12)", () => {
  it("a restart (without a close: as after kill -9) keeps every acknowledged call of every provider, tokens included", async () => {
    const dir = tempDataDir("promo-sandbox-data-");
    const clock = { now: T0 };
    const first = createSandbox({ dataDir: dir, seed: "restart", realNow: () => clock.now });
    const base = await first.listen(0);
    await busySession(base, () => {
      clock.now += 11;
    });
    const before = stateOf(first);
    // No close, no flush: what was answered is on disk already.
    clock.now += 3_600_000;
    const second = createSandbox({ dataDir: dir, seed: "restart", realNow: () => clock.now });
    afterThisTest(() => void second.close());
    await second.ready;
    expect(stateOf(second)).toEqual(before);
    expect(second.registry.tokens.all().length).toBe(first.registry.tokens.all().length);
    await first.close();
  });

  it("a corrupt last line is reported (tenant, file, byte offset), moved aside, and the state before it is loaded", async () => {
    const dir = tempDataDir("promo-sandbox-data-");
    const first = createSandbox({ dataDir: dir, realNow: () => T0 });
    const base = await first.listen(0);
    await send(base, "POST", "/api/offerwall/v1/campaigns/create", YM_TENANT, YM_CAMPAIGN);
    await send(base, "POST", "/api/offerwall/v1/campaigns/create", YM_TENANT, { ...YM_CAMPAIGN, partnerCampaignId: 21 });
    const before = stateOf(first, true);
    await send(base, "POST", "/api/offerwall/v1/campaigns/create", YM_TENANT, { ...YM_CAMPAIGN, partnerCampaignId: 22 });
    await first.close();

    const segment = lastSegment(dir, YM_TENANT);
    const bytes = readFileSync(segment);
    const lastLineAt = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    // One byte of the last entry changed (inside its JSON): its CRC no longer checks.
    bytes[lastLineAt + 40] = bytes[lastLineAt + 40] === 0x41 ? 0x42 : 0x41;
    writeFileSync(segment, bytes);

    const logger = collectingLogger();
    const second = createSandbox({ dataDir: dir, realNow: () => T0, logger });
    afterThisTest(() => void second.close());
    await second.ready;
    expect(stateOf(second, true)).toEqual(before);
    const report = logger.lines.find((line) => line.level === "error");
    expect(report?.fields).toMatchObject({ tenant: YM_TENANT, file: segment, offset: lastLineAt });
    expect(report?.message).toContain(`the line at byte ${lastLineAt}`);
    expect(existsSync(`${segment}.corrupt-${lastLineAt}`)).toBe(true);
    expect(readFileSync(segment).length).toBe(lastLineAt);
  });

  it("a last line cut short (a torn write) is reported and the state before it is loaded; later calls go on", async () => {
    const dir = tempDataDir("promo-sandbox-data-");
    const first = createSandbox({ dataDir: dir, realNow: () => T0 });
    const base = await first.listen(0);
    await send(base, "POST", "/__sandbox/wildberries/balance", WB_TENANT, { balance: 1000 });
    await send(base, "POST", "/adv/v1/budget/deposit?id=1", WB_TENANT, { sum: 100, type: 0 });
    const before = stateOf(first, true);
    await send(base, "POST", "/__sandbox/wildberries/balance", WB_TENANT, { balance: 5000 });
    await first.close();

    const segment = lastSegment(dir, WB_TENANT);
    const size = readFileSync(segment).length;
    truncateSync(segment, size - 25);

    const logger = collectingLogger();
    const second = createSandbox({ dataDir: dir, realNow: () => T0, logger });
    afterThisTest(() => void second.close());
    const url = await second.listen(0);
    expect(stateOf(second, true)).toEqual(before);
    expect(logger.lines.filter((line) => line.level === "error").map((line) => line.fields["tenant"])).toEqual([WB_TENANT]);
    // The tenant goes on from there, and a third start sees the new call.
    expect((await send(url, "POST", "/__sandbox/wildberries/balance", WB_TENANT, { balance: 7000 })).status).toBe(200);
    const expected = (await send(url, "GET", "/adv/v1/balance", WB_TENANT)).body;
    await second.close();
    const third = createSandbox({ dataDir: dir, realNow: () => T0 });
    afterThisTest(() => void third.close());
    const again = await third.listen(0);
    expect((await send(again, "GET", "/adv/v1/balance", WB_TENANT)).body).toEqual(expected);
  });

  it("snapshots cut the log: the covered segments go, and a restart from snapshot + log gives the same state, events and journals", async () => {
    const dir = tempDataDir("promo-sandbox-data-");
    const clock = { now: T0 };
    const first = createSandbox({ dataDir: dir, seed: "snap", realNow: () => clock.now, snapshotAfterEntries: 5 });
    const base = await first.listen(0);
    await busySession(base, () => {
      clock.now += 5;
    });
    await first.flush();
    const before = stateOf(first);
    const folder = join(dir, "tenants", folderOf(WB_TENANT));
    expect(existsSync(join(folder, "snapshot.json"))).toBe(true);
    // 20-odd Wildberries calls were made; after snapshots every 5 entries, fewer than 10 remain in the log.
    const lines = segmentsOf(dir, WB_TENANT).reduce((total, path) => total + readFileSync(path, "utf8").split("\n").filter(Boolean).length, 0);
    expect(lines).toBeLessThan(10);
    // Killed: no close.
    clock.now += 60_000;
    const second = createSandbox({ dataDir: dir, seed: "snap", realNow: () => clock.now });
    afterThisTest(() => void second.close());
    await second.ready;
    expect(stateOf(second)).toEqual(before);
    await first.close();
  });

  it("refuses a --data-dir it cannot use, saying why", () => {
    const file = join(tempDataDir("promo-sandbox-data-"), "a-file");
    writeFileSync(file, "");
    expect(() => createSandbox({ dataDir: file })).toThrow(/--data-dir .*a-file cannot be used \(.*\): give a folder the sandbox may create or write/);
  });

  it("refuses --data-dir with --state-file", () => {
    expect(() => createSandbox({ dataDir: tempDataDir("promo-sandbox-data-"), stateFile: join(tempDataDir("promo-sandbox-data-"), "s.json") })).toThrow(/--data-dir and --state-file cannot be used together/);
  });

  it("a garbage registry line is reported and skipped, the rest loads", async () => {
    const dir = tempDataDir("promo-sandbox-data-");
    const first = createSandbox({ dataDir: dir, realNow: () => T0 });
    const base = await first.listen(0);
    const login = await send(base, "POST", "/api/offerwall/v1/users/login", undefined, { login: "x", password: "y" });
    await first.close();
    appendFileSync(join(dir, "registry.log"), "00000000 {\"kind\":\"token\"");
    const logger = collectingLogger();
    const second = createSandbox({ dataDir: dir, realNow: () => T0, logger });
    afterThisTest(() => void second.close());
    const url = await second.listen(0);
    expect(logger.lines.some((line) => line.level === "error" && line.fields["tenant"] === "(registry)")).toBe(true);
    const token = String(Reflect.get(Object(login.body), "accessToken"));
    expect((await send(url, "POST", "/api/offerwall/v1/categories/get", token, {})).status).toBe(200);
  });
});
