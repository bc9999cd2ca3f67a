import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

/** What each layer may import of ours (docs/architecture.md): anything else is a wrong-way dependency. */
const ALLOWED: Record<string, readonly string[]> = {
  contracts: ["contracts"],
  state: ["state", "contracts"],
  clients: ["clients", "contracts"],
  mocks: ["mocks", "state", "contracts"],
  // The package's kits sit on top: they may use the server (src root), the plugs, the clients and the contracts.
  testing: ["testing", "(src root)", "clients", "contracts"],
  pact: ["pact", "(src root)", "mocks", "clients", "contracts"],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** The layer (first folder under src/) of every relative import of a file, type-only imports included. */
function importedLayers(file: string): { target: string; layer: string }[] {
  const text = readFileSync(file, "utf8");
  const out: { target: string; layer: string }[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
    const spec = match[1];
    if (spec === undefined) continue;
    const target = relative(SRC, resolve(file, "..", spec));
    out.push({ target, layer: target.includes("/") ? (target.split("/")[0] ?? "") : "(src root)" });
  }
  return out;
}

describe("layers", () => {
  it.each(Object.keys(ALLOWED))("src/%s imports only the layers below it", (layer) => {
    const allowed = ALLOWED[layer] ?? [];
    const wrong = filesUnder(join(SRC, layer)).flatMap((file) =>
      importedLayers(file)
        .filter((found) => !allowed.includes(found.layer))
        .map((found) => `${relative(SRC, file)} imports ${found.target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("sees a wrong-way import (the check can fail)", () => {
    expect(importedLayers(join(SRC, "server.ts")).some((found) => found.layer === "mocks")).toBe(true);
  });
});
