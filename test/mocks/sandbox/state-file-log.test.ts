import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../src/server.js";
import { T0 } from "../../support/fixed-time.js";
import { collectLogs } from "../../support/log-lines.js";

describe("the state file, logged", () => {
  it("notes each save at debug, and a failed save at error (the sandbox keeps serving)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "promo-sandbox-log-"));
    const path = join(dir, "state.json");
    const logs = await collectLogs("debug");
    const sandbox = createSandbox({ realNow: () => T0, stateFile: path, logger: logs.logger, tenantTtlMs: 0 });
    await request(sandbox.app).get("/__sandbox/clock").set("Authorization", "Bearer saver").expect(200);
    await sandbox.flush();
    expect(logs.lines().filter((line) => line.level === 20)).toEqual([
      { level: 20, time: expect.any(Number), stateFile: path, tenants: 1, ms: expect.any(Number), msg: expect.stringMatching(new RegExp(`^saved 1 tenant\\(s\\) to ${path} in [\\d.]+ms$`)) },
    ]);
    rmSync(dir, { recursive: true });
    await request(sandbox.app).get("/__sandbox/clock").set("Authorization", "Bearer saver").expect(200);
    await sandbox.flush();
    const failed = logs.lines().filter((line) => line.level === 50);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ stateFile: path, msg: expect.stringMatching(/^could not save --state-file .* the state is kept in memory and saved again after the next change$/) });
    await request(sandbox.app).get("/__sandbox/clock").set("Authorization", "Bearer saver").expect(200);
    await sandbox.close();
  });
});
