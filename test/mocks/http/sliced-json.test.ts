import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonInSlices } from "../../../src/mocks/http/sliced-json.js";

/** What JSON.parse gives for `text`: its value, or its error message. */
function whole(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function sliced(text: string, perSlice: number): Promise<{ value: unknown } | { error: string }> {
  try {
    return { value: await parseJsonInSlices(text, "pinList", perSlice) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const member = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));

describe("parseJsonInSlices gives exactly what JSON.parse gives", () => {
  it("for objects with a pinList of any JSON values, with spaces anywhere and other members around it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 6 }).filter((key) => key !== "pinList"), member, { maxKeys: 4 }),
        fc.array(member, { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        async (others, pins, perSlice, spaced) => {
          const value = { ...others, pinList: pins };
          const text = JSON.stringify(value, null, spaced ? 1 : undefined);
          expect(await sliced(text, perSlice)).toEqual(whole(text));
        },
      ),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it.each([
    ['{"pinList":["a","b",]}', "a trailing comma"],
    ['{"pinList":["a",,"b"]}', "an empty element"],
    ['{"pinList":["a","b"],"pinList":5}', "a repeated key (JSON.parse keeps the last)"],
    ['{"pin\\u004cist":["a","b","c"]}', "an escaped key"],
    ['{"pinList":["a","b" "c"]}', "a missing comma"],
    ['{"x":1,"pinList":["a","b","c"]', "an unclosed object"],
    ['{"pinList":["a","b","c"]} extra', "text after the object"],
    ['["pinList","a","b"]', "an array at the top"],
    ['{"pinList":["a,b","c]d","e\\"f"],"y":{"pinList":[1,2,3]}}', "commas, brackets and quotes in strings, a nested pinList"],
    ['{"__proto__":{"x":1},"pinList":["a","b","c"]}', "a __proto__ member"],
  ])("%s (%s)", async (text) => {
    expect(await sliced(text, 1)).toEqual(whole(text));
  });
});
