import { parseCircular, parseDependencyTree } from "dpdm";
import { describe, expect, it } from "vitest";

describe("the source tree", () => {
  it("has no import cycle, type-only imports included", async () => {
    const tree = await parseDependencyTree("src/**/*.ts", { tsconfig: "tsconfig.json", transform: false, skipDynamicImports: false });
    const files = Object.keys(tree).filter((file) => file.startsWith("src/"));
    // The tree must really hold the project (a resolution failure would find no cycle in nothing).
    expect(files.length).toBeGreaterThan(250);
    expect(tree["src/server.ts"]?.map((dependency) => dependency.id)).toContain("src/mocks/http/context.ts");
    expect(parseCircular(tree)).toEqual([]);
  });
});
