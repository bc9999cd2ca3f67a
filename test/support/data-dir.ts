import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterThisTest } from "./after-test.js";

/** A fresh temporary folder for a data directory (`--data-dir`), removed after the test. */
export function tempDataDir(prefix = "promo-sandbox-data-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterThisTest(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
