import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";


describe("promo-sandbox --tenant-ttl", () => {
  it("--help explains it and its default", () => {
    const result = runCli(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--tenant-ttl SECONDS");
    expect(result.stdout.replace(/\s+/g, " ")).toContain("(with --store: Redis, once idle that long on every replica); 0 never evicts (default 86400: a day)");
  });

  it("refuses anything but a whole number of seconds, with exit code 2", () => {
    for (const value of ["soon", "1.5"]) {
      const result = runCli(["--port", "0", "--tenant-ttl", value]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(`promo-sandbox: --tenant-ttl must be a whole number of seconds, 0 or more (0 never evicts), got "${value}"\n`);
    }
  });
});
