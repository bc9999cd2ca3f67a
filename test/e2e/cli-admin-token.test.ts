import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { CLI, runCli } from "../support/cli.js";

/** `--admin-token` and PROMO_SANDBOX_ADMIN_TOKEN, run from source through tsx as test/e2e/cli.test.ts does. */

/** Starts the CLI with `args` and `env`, calls `use` with its base URL, then stops it. */
async function withCli(args: string[], env: Record<string, string>, use: (url: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [...CLI, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
    });
    const url = /ready on (http:\/\/\S+) /.exec(line)?.[1];
    if (url === undefined) throw new Error(`no URL in the ready line: ${line}`);
    await use(url);
  } finally {
    child.kill("SIGTERM");
  }
}

const tenantsStatus = async (url: string, token: string): Promise<number> =>
  (await fetch(`${url}/__sandbox/tenants`, { headers: { Authorization: `Bearer ${token}` } })).status;

describe("promo-sandbox --admin-token", () => {
  it("takes the admin token from PROMO_SANDBOX_ADMIN_TOKEN, and the flag wins over it", async () => {
    await withCli([], { PROMO_SANDBOX_ADMIN_TOKEN: "from-env" }, async (url) => {
      expect(await tenantsStatus(url, "from-env")).toBe(200);
    });
    await withCli(["--admin-token", "from-flag", "--auth", "strict"], { PROMO_SANDBOX_ADMIN_TOKEN: "from-env" }, async (url) => {
      expect(await tenantsStatus(url, "from-flag")).toBe(200);
      expect(await tenantsStatus(url, "from-env")).toBe(403);
    });
  });

  it("refuses an empty or padded admin token with exit code 2", () => {
    const empty = runCli(["--admin-token", " "]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe(
      "promo-sandbox: the admin token is empty: give --admin-token (or PROMO_SANDBOX_ADMIN_TOKEN) some text, ideally 32 random characters or more\n",
    );
    const bearer = runCli(["--admin-token", "Bearer abc"]);
    expect(bearer.status).toBe(2);
    expect(bearer.stderr).toContain('starts with "Bearer"');
  });
});
