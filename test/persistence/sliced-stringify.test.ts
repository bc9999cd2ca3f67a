import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringifyInSlices } from "../../src/persistence/sliced-stringify.js";

describe("stringifyInSlices", () => {
  it("gives JSON.stringify's text for any JSON value, undefined members included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await stringifyInSlices(value)).toBe(JSON.stringify(value));
      }),
    );
    const odd = { a: undefined, b: [undefined, 1], c: { d: -0, e: "\u2028" } };
    expect(await stringifyInSlices(odd)).toBe(JSON.stringify(odd));
  });

  it("yields to the event loop on a large value", async () => {
    const big = { codes: Array.from({ length: 300_000 }, (_, i) => `P${i}`) };
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const text = await stringifyInSlices(big);
    clearInterval(ticking);
    expect(text).toBe(JSON.stringify(big));
    expect(turns).toBeGreaterThan(0);
  });
});
