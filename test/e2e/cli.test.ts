import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { CLI, runCli } from "../support/cli.js";


describe("promo-sandbox command", () => {
  it("--help explains every start flag", () => {
    const result = runCli(["--help"]);
    expect(result.status).toBe(0);
    for (const flag of ["--port", "--host", "--seed", "--rate-limits enforce|off", "--consistency realistic|immediate", "--moderation manual|auto", "--auth open|strict", "--state-file", "--data-dir DIR", "--store URL", "--admin-token TEXT", "PROMO_SANDBOX_ADMIN_TOKEN"]) {
      expect(result.stdout).toContain(flag);
    }
  });

  it("refuses a flag value it does not know, naming the allowed ones, with exit code 2", () => {
    const result = runCli(["--rate-limits", "sometimes"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('promo-sandbox: --rate-limits must be one of enforce|off, got "sometimes"\n');
    expect(runCli(["--port", "70000"]).stderr).toBe('promo-sandbox: --port must be 0-65535, got "70000"\n');
    expect(runCli(["--no-such-flag"]).status).toBe(2);
  });

  it("refuses a --state-file it could not write, before it is ready, with exit code 2", () => {
    const result = runCli(["--port", "0", "--state-file", "/nonexistent-promo-sandbox-dir/state.json"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "promo-sandbox: --state-file /nonexistent-promo-sandbox-dir/state.json cannot be used: its folder /nonexistent-promo-sandbox-dir does not exist; create it or choose another path\n",
    );
    expect(runCli(["--request-timeout", "0"]).stderr).toBe('promo-sandbox: --request-timeout must be a number of seconds > 0, got "0"\n');
  });

  it("logs one ready line with its URL (JSON, stdout not being a terminal), serves health there, and applies the flags to new tenants", async () => {
    const child = spawn(process.execPath, [...CLI, "--port", "0", "--moderation", "auto", "--rate-limits", "off"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once("line", resolve);
        child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
      });
      const logged: unknown = JSON.parse(line);
      const message = typeof logged === "object" && logged !== null && "msg" in logged && typeof logged.msg === "string" ? logged.msg : "";
      const match = /^promo-sandbox \S+ ready on (http:\/\/127\.0\.0\.1:\d+) \(providers: yoomoney, wildberries, myshare; control plane: http:\/\/127\.0\.0\.1:\d+\/__sandbox\)$/.exec(message);
      expect(match, line).not.toBeNull();
      const url = match?.[1] ?? "";
      const health = await fetch(`${url}/__sandbox/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", version: "0.1.0", providers: ["yoomoney", "wildberries", "myshare"] });
      const settings = await fetch(`${url}/__sandbox/settings`, { headers: { Authorization: "Bearer cli" } });
      expect(await settings.json()).toEqual({ rateLimits: "off", consistency: "realistic", moderation: "auto" });
    } finally {
      child.kill("SIGTERM");
    }
  });
});
