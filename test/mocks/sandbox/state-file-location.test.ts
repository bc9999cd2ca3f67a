import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../src/server.js";

const folder = () => mkdtempSync(join(tmpdir(), "promo-sandbox-location-"));

describe("--state-file is checked at start", () => {
  it("a missing folder stops the start with a message that says so", () => {
    const path = join(folder(), "missing", "state.json");
    expect(() => createSandbox({ stateFile: path })).toThrow(
      `--state-file ${path} cannot be used: its folder ${join(path, "..")} does not exist; create it or choose another path`,
    );
  });

  it("a file where its folder should be stops the start", () => {
    const file = join(folder(), "plain.txt");
    writeFileSync(file, "");
    const path = join(file, "state.json");
    expect(() => createSandbox({ stateFile: path })).toThrow(`--state-file ${path} cannot be used: ${file} is not a folder; choose another path`);
  });

  it("a folder in place of the file stops the start", () => {
    const dir = folder();
    expect(() => createSandbox({ stateFile: dir })).toThrow(`--state-file ${dir} cannot be used: it is not a file; choose another path`);
  });

  it("temporaries left by killed saves are removed; other files stay", async () => {
    const dir = folder();
    const path = join(dir, "state.json");
    writeFileSync(`${path}.4242.tmp`, "{half");
    writeFileSync(`${path}.77.tmp`, "");
    writeFileSync(join(dir, "other.json.5.tmp"), "keep");
    writeFileSync(join(dir, "state.json.backup"), "keep");
    const sandbox = createSandbox({ stateFile: path });
    expect(readdirSync(dir).sort()).toEqual(["other.json.5.tmp", "state.json.backup"]);
    await sandbox.close();
    expect(existsSync(path)).toBe(false);
  });
});
