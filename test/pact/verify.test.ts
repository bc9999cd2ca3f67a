import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyPacts } from "../../src/pact/verify.js";

const TOKEN = "Bearer verify-kit";

/** A V3 pact with one interaction: campaigns/info of the campaign the state created. */
function pactWith(state: string, params: Record<string, unknown>, expectedStatus: string): string {
  const dir = mkdtempSync(join(tmpdir(), "pact-kit-"));
  const pact = {
    consumer: { name: "kit-consumer" },
    provider: { name: "kit-yoomoney" },
    interactions: [
      {
        description: "campaigns/info of the state's campaign",
        providerStates: [{ name: state, params }],
        request: {
          method: "POST",
          path: "/api/offerwall/v1/campaigns/info",
          headers: { Authorization: TOKEN, "Content-Type": "application/json" },
          body: { ymCampaignId: 1 },
          generators: { body: { "$.ymCampaignId": { type: "ProviderState", expression: "${ymCampaignId}", dataType: "INTEGER" } } },
        },
        response: { status: 200, body: { status: "success", result: { campaignStatus: expectedStatus } } },
      },
    ],
    metadata: { pactSpecification: { version: "3.0.0" } },
  };
  writeFileSync(join(dir, "kit-consumer-kit-yoomoney.json"), JSON.stringify(pact));
  return dir;
}

describe("verifyPacts", () => {
  it("passes a pact whose state the catalogue sets up (a folder, the sandbox in-process)", async () => {
    const report = await verifyPacts({ pacts: [pactWith("a YooMoney campaign exists", { status: "verified" }, "verified")] });
    expect(report.text).toMatch(/verified 1 pact file\(s\): every interaction passed/);
    expect(report).toMatchObject({ ok: true, stateFailures: [], mismatches: [] });
  });

  it("reports a failing state first, with its name and the sandbox's reason, then the mismatch", async () => {
    const report = await verifyPacts({ pacts: [pactWith("a YooMoney campain exists", {}, "verified")] });
    expect(report.ok).toBe(false);
    expect(report.stateFailures).toEqual([{ pact: expect.any(String), state: "a YooMoney campain exists", reason: expect.stringContaining('did you mean "a YooMoney campaign exists"?') }]);
    expect(report.mismatches.length).toBeGreaterThan(0);
    const lines = report.text.trim().split("\n");
    expect(lines[0]).toMatch(/^FAILED STATE "a YooMoney campain exists"/);
    expect(lines[1]).toMatch(/^MISMATCH .*campaigns\/info of the state's campaign: \S/);
  });

  it("a mismatch alone fails with what differed", async () => {
    const report = await verifyPacts({ pacts: [pactWith("a YooMoney campaign exists", { status: "started" }, "verified")] });
    expect(report).toMatchObject({ ok: false, stateFailures: [] });
    expect(report.mismatches.join("\n")).toContain("started");
  });
});

describe("promo-sandbox verify", () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "verify", ...args], { encoding: "utf8", env: { ...process.env, PACT_DO_NOT_TRACK: "true" } });

  it("exits 0 when every interaction passes, 1 with the failing state first otherwise", () => {
    const passed = cli([pactWith("a YooMoney campaign exists", { status: "verified" }, "verified")]);
    expect(passed.stdout).toContain("every interaction passed");
    expect(passed.status).toBe(0);
    const failed = cli([pactWith("a YooMoney campain exists", {}, "verified")]);
    expect(failed.status).toBe(1);
    const report = failed.stdout.slice(failed.stdout.indexOf("FAILED STATE"));
    expect(report).toMatch(/^FAILED STATE "a YooMoney campain exists" \(.*\): no provider state is named .*\nMISMATCH /);
  });

  it("says which flag is unknown and exits 2; a missing path is named", () => {
    const unknown = cli(["pacts", "--brokr-url", "http://x"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("--broker-url");
    const missing = cli(["no/such/folder"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no/such/folder: no such file or folder");
  });
});
