import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringifyInSlices } from "../../src/persistence/sliced-stringify.js";

const text = async (value: unknown, sliceMs?: number): Promise<string> => (await stringifyInSlices(value, sliceMs)).join("");

describe("stringifyInSlices", () => {
  it("gives JSON.stringify's text for any JSON value, undefined members included, whatever the slices", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom(0, 4), async (value, sliceMs) => {
        expect(await text(value, sliceMs)).toBe(JSON.stringify(value));
      }),
    );
    const odd = { a: undefined, b: [undefined, 1, () => 2], c: { d: -0, e: "\u2028", f: [[], {}, [undefined]] }, g: Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? { i } : i)) };
    expect(await text(odd)).toBe(JSON.stringify(odd));
    expect(await text(odd, 0)).toBe(JSON.stringify(odd));
  });

  it("comes in chunks, one a slice, yielding to the event loop between them on a large value", async () => {
    const big = { codes: Array.from({ length: 300_000 }, (_, i) => `P${i}`), payments: Array.from({ length: 100_000 }, (_, id) => ({ id, sum: 1, type: 0 })) };
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const chunks = await stringifyInSlices(big, 0);
    clearInterval(ticking);
    expect(chunks.join("")).toBe(JSON.stringify(big));
    expect(chunks.length).toBeGreaterThan(5);
    expect(turns).toBeGreaterThan(0);
  });
});
